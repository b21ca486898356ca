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
. "$here/_benchmarks.sh"
java -Dlogback.configurationFile="$repo/services/flow-query/src/test/resources/logback-test.xml" \
  -cp "$(bench_cp query org.borderflows.benchmarks.query.FreshnessBench)" \
  org.borderflows.benchmarks.query.FreshnessBench "$rate" "$seconds" "$warm_up" 2>&1 | grep -E '^freshness|Exception' || true
