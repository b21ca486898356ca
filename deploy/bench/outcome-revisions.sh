#!/usr/bin/env bash
# What the flow-table aggregator's input is made of: reads the crossing-outcomes topic from the start and counts
# the re-publications of outcomes by the fields that changed (see OutcomeRevisions). Run it after a freshness or
# backfill run on a fresh broker, before compaction has removed the older values.
#
#   deploy/bench/outcome-revisions.sh [TOPIC]     default crossing-outcomes; KAFKA_BOOTSTRAP_SERVERS (localhost:9092)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
export KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}
. "$here/_benchmarks.sh"
java -Xmx2g -Dlogback.configurationFile="$here/engine-bench-logback.xml" \
  -cp "$(bench_cp query org.borderflows.benchmarks.query.OutcomeRevisions)" org.borderflows.benchmarks.query.OutcomeRevisions "$@"
