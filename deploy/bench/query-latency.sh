#!/usr/bin/env bash
# flow-query benchmarks (loopback only, no broker needed):
#  1. cube size in memory for a synthetic cell set of N travellers (distinct cells, retained heap);
#  2. query latency p50/p99 and throughput with C concurrent clients polling dataset questions for S seconds
#     (at most R requests) while cells keep changing in the background. Target: p99 < 20 ms.
#
#   deploy/bench/query-latency.sh [TRAVELLERS] [CLIENTS] [SECONDS] [MAX_REQUESTS]
#   defaults: 100000 travellers, 50 clients, 20 s, 200000 requests. Heap: HEAP (default 6g).
#   LATENCY_TRAVELLERS sets a different cube for the latency run (filling 10 M travellers takes CPU-minutes).
#   POLL_MS (default 0): 0 = closed loop (each client asks again as soon as it has its answer: saturation,
#   measures capacity); N > 0 = each client polls one question every N ms (latency counted from when it was due).
#   CELL_UPDATES (default 2000): cell updates per second applied meanwhile. SKIP_SIZE=1 skips the cube-size run.
#   BENCH_JAVA_OPTS: extra JVM options of the latency run (e.g. -Xlog:gc or a flight recording).
set -euo pipefail
# The development keys and passwords are accepted only in the local environment (docs/configuration.md).
export MICRONAUT_ENVIRONMENTS=${MICRONAUT_ENVIRONMENTS:-local}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
travellers=${1:-100000}
clients=${2:-50}
seconds=${3:-20}
max_requests=${4:-200000}
heap=${HEAP:-6g}
. "$here/_benchmarks.sh"
cp=$(bench_cp query org.borderflows.benchmarks.query.QueryLatencyBench)
if [ "${SKIP_SIZE:-0}" != 1 ]; then
  echo "== cube size ($travellers travellers)"
  java -Xmx"$heap" -cp "$cp" org.borderflows.benchmarks.query.CubeSizeBench "$travellers"
fi
echo "== query latency ($clients clients, ${seconds}s, at most $max_requests requests, poll ${POLL_MS:-0} ms)"
java -Xmx"$heap" ${BENCH_JAVA_OPTS:-} -Dlogback.configurationFile=/dev/null -cp "$cp" org.borderflows.benchmarks.query.QueryLatencyBench \
  "${LATENCY_TRAVELLERS:-$travellers}" "$clients" "$seconds" "$max_requests" "${CELL_UPDATES:-2000}" "${POLL_MS:-0}"
