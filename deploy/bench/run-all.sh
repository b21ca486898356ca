#!/usr/bin/env bash
# Runs every benchmark of deploy/bench that is present, one after the other, and collects their last lines in
# data/bench/summary-<time>.txt. SIZE small (default) proves each script works in minutes; full runs the sizes
# of the acceptance criteria (takes long: run it on an otherwise idle machine).
#
#   deploy/bench/run-all.sh [small|full]
#
# Needs the local broker (deploy/local/kafka.sh start); freshness and query latency need the running system
# (DEMO_JAVA_OPTS= deploy/local/run-all.sh: full JIT, as their figures were measured); aggregator-replay replays what they left on the broker (for its reference figure, run
# it alone with the system stopped, see docs/benchmarks.md). A script that fails is reported and the suite goes on. BENCH_ONLY="a.sh b.sh"
# runs only those scripts.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
size=${1:-small}
out=${BENCH_DIR:-$repo/data/bench}
mkdir -p "$out"
summary=$out/summary-$(date -u +%Y%m%dT%H%M%SZ).txt

# script  small-args  full-args
benches=(
  "gateway-throughput.sh|50000|500000"
  "loader-throughput.sh|200000|5000000"
  "engine-backfill.sh|100000|10000000"
  "query-latency.sh|100000 50 10|1000000 50 60"
  "duckdb-peer.sh|50000|1000000"
  "realistic-replay.sh|50000|1000000"
  "freshness.sh|10000 2000|120000 2000"
  "aggregator-replay.sh||"
)
echo "border-flows benchmarks ($size) on $(hostname), $(nproc) cores, $(date -u)" | tee "$summary"
for b in "${benches[@]}"; do
  IFS='|' read -r script small full <<< "$b"
  if [ -n "${BENCH_ONLY:-}" ] && [[ " $BENCH_ONLY " != *" $script "* ]]; then
    continue
  fi
  if [ ! -x "$here/$script" ] && [ ! -f "$here/$script" ]; then
    echo "-- $script: not present, skipped" | tee -a "$summary"
    continue
  fi
  args=$small; [ "$size" = full ] && args=$full
  echo "-- $script $args" | tee -a "$summary"
  log=$out/$(basename "$script" .sh)-$size.log
  start=$(date +%s)
  # shellcheck disable=SC2086
  if bash "$here/$script" $args > "$log" 2>&1; then status=ok; else status="FAILED (exit $?)"; fi
  echo "   $status in $(( $(date +%s) - start )) s, log $log" | tee -a "$summary"
  tail -n 6 "$log" | sed 's/^/   | /' | tee -a "$summary"
done
echo "summary: $summary"
