#!/usr/bin/env bash
# Backtest of the provisional 12/16 estimates (RULES.md §6): simulated histories cut at month-ends, the estimates
# flow-query would have published then against the final counts. Figures and how to read them: docs/estimates.md.
#
#   deploy/bench/estimates-backtest.sh [--from 2018-07] [--to 2024-12] [--travellers 60000] [--seeds 1,2,3]
#                                      [--mixes central-asia,labour-shift,study-growth] [--cuts 24] [--min-cohort 20]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
(cd "$repo" && mvn -B -q -o -pl services/estimates -am package -DskipTests -Dspotless.check.skip=true) >&2
module=$repo/services/estimates
java -Xmx3g -Dlogback.configurationFile="$here/engine-bench-logback.xml" \
  -cp "$module/target/classes:$(cat "$module/target/classpath.txt")" org.borderflows.estimates.EstimatesBacktest "$@"
