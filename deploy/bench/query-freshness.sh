#!/usr/bin/env bash
# flow-query freshness: time from an engine output (a new spell) being published to its effect in the tables
# (aggregator with exactly-once commits + cell reader into the cube), on an in-process KRaft broker.
#
#   deploy/bench/query-freshness.sh [SPELLS_PER_SECOND] [SECONDS] [WARM_UP_SECONDS]
#   defaults 2000 spells/s for 20 s, after 5 s at the same rate that are not measured (JIT, tasks started).
set -euo pipefail
# The development keys and passwords are accepted only in the local environment (docs/configuration.md).
export MICRONAUT_ENVIRONMENTS=${MICRONAUT_ENVIRONMENTS:-local}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
rate=${1:-2000}
seconds=${2:-20}
warm_up=${3:-5}
cd "$repo"
module=$repo/services/flow-query
# One invocation with the modules flow-query needs (-am): the classpath of the last module written, flow-query's,
# points at their freshly compiled classes.
mvn -B -q -o -pl services/flow-query -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
  -Dspotless.check.skip=true \
  -Dmdep.includeScope=test -Dmdep.outputFile="$module/target/test-classpath.txt" >/dev/null
java -Dlogback.configurationFile="$module/src/test/resources/logback-test.xml" \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")" \
  org.borderflows.query.bench.FreshnessBench "$rate" "$seconds" "$warm_up" 2>&1 | grep -E '^freshness|Exception' || true
