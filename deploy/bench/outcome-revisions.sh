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
module=$repo/services/flow-query
if [ ! -f "$module/target/classpath.txt" ] || [ ! -f "$module/target/classes/org/borderflows/query/bench/OutcomeRevisions.class" ]; then
  (cd "$repo" && mvn -B -q -o -pl services/flow-query -am package -DskipTests -Dspotless.check.skip=true)
fi
java -Xmx2g -Dlogback.configurationFile="$here/engine-bench-logback.xml" \
  -cp "$module/target/classes:$(cat "$module/target/classpath.txt")" org.borderflows.query.bench.OutcomeRevisions "$@"
