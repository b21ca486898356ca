#!/usr/bin/env bash
# Flow-table aggregator throughput: replays everything now in the engine's output topics (and the crossings and
# rejected-records topics) through the aggregator under a fresh application id and prints records/s (see
# AggregatorReplay). Run it after a freshness run (deploy/bench/freshness.sh) has left outputs on the broker,
# with the rest of the system stopped, so that it has the machine to itself.
#
#   deploy/bench/aggregator-replay.sh      KAFKA_BOOTSTRAP_SERVERS (localhost:9092), BENCH_THREADS (2), BENCH_COMMIT_MS (200, the service default),
#                                          BENCH_JAVA_OPTS (e.g. -XX:StartFlightRecording=filename=/tmp/agg.jfr)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
export KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}
. "$here/_benchmarks.sh"
java -Xmx1g ${BENCH_JAVA_OPTS:-} -Dlogback.configurationFile="$here/engine-bench-logback.xml" \
  -cp "$(bench_cp query org.borderflows.benchmarks.query.AggregatorReplay)" org.borderflows.benchmarks.query.AggregatorReplay
