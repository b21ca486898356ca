#!/usr/bin/env bash
# Freshness: publishes fault-free simulated cards at RATE cards/s to the Kafka inbound topic (or the gateway
# with --gateway) and measures, from publication, how long until each card's effect shows in a dataset of the
# query service (checkpoints every 500 cards, query polled every 100 ms). Prints p50/p90/p99. DATASET=crossings
# (default: every card, read by the aggregator from the intake's topic) or DATASET=spells (written by the stay
# engine: the freshness of an engine-derived dataset).
#
#   deploy/bench/freshness.sh [CARDS] [RATE] [--gateway]     defaults 120000 cards at 2000 cards/s (1 minute)
#
# Needs the running system, started as the figures in docs/benchmarks.md were measured:
#   DEMO_JAVA_OPTS= BORDER_FLOWS_ENGINE_CATCH_UP_BEHIND=30s deploy/local/run-all.sh --no-history
# (full JIT, where the demo uses the JIT's first tier only; the engine's default catch-up-behind, where the demo's
# 5 s would process a load followed a few seconds late as a catch-up, holding its values back).
# Environment: QUERY_URL (http://localhost:8080), GATEWAY_URL (http://localhost:8081), KAFKA_BOOTSTRAP_SERVERS
# (localhost:9092), BENCH_DIR (<repo>/data/bench).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cards=${1:-120000}
rate=${2:-2000}
via=()
[ "${3:-}" = "--gateway" ] && via=(--gateway "${GATEWAY_URL:-http://localhost:8081}")
export KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}
dir=${BENCH_DIR:-$repo/data/bench}
mkdir -p "$dir"
. "$here/_benchmarks.sh"
java -Xmx2g -cp "$(bench_cp cards org.borderflows.benchmarks.cards.Freshness)" org.borderflows.benchmarks.cards.Freshness --cards "$cards" --rate "$rate" \
  --query "${QUERY_URL:-http://localhost:8080}" --dataset "${DATASET:-crossings}" "${via[@]}" 2>&1 | grep -v WARN \
  | tee "$dir/freshness-${DATASET:-crossings}-$cards-$rate.txt"
