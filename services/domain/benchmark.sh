#!/usr/bin/env bash
# Evaluations per second of TravellerTimeline (the stay engine's per-crossing cost).
# Usage: services/domain/benchmark.sh [itineraries, default 20000]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o -pl services/domain -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/benchmark-classpath.txt
java -cp "services/domain/target/test-classes:services/domain/target/classes:$(cat services/domain/target/benchmark-classpath.txt)" \
  org.borderflows.domain.TimelineBenchmark "${1:-20000}"
