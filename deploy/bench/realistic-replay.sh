#!/usr/bin/env bash
# Realistic-mix replay: CARDS cards of the simulator's traveller mix (tourists, labour migrants, students, frontier
# workers, settlers, nationals working abroad; 1% of each fault), in the order they were recorded, on a broker of its
# own. Two modes (BENCH_MODE):
#   replay (default): the cards are loaded first (card-loader, the file channel), then one stay engine replays the
#     crossings topic, received more than catch-up-behind (30 s) before, as a reprocessing or a backfill does;
#   pipeline: the cards are published to the inbound topic while the card gateway's intake and one stay engine run,
#     all on the same cores, as a live burst is taken.
# Prints:
#   - cards/s: cards over the engine's time (replay: the engine answering to its last outcome written; pipeline:
#     publication start to the last outcome written, intake included);
#   - the records the engine wrote per card, by topic, next to the final state it left (live keys per card), and
#     its outcome records by the persona of their traveller;
#   - agreement of the engine's spells and 12/16 outcomes with the DuckDB peer and the simulator's truth (AGREE);
#   - the size of the engine's travellers state: its store at the end, and the bytes its changelog received;
#   - the producer retries the engine logged (OUT_OF_ORDER_SEQUENCE_NUMBER must not appear).
#
#   deploy/bench/realistic-replay.sh [CARDS]      default 1000000 (the acceptance size); e.g. 50000 for a check
#
# Environment: BENCH_MODE (replay), BENCH_DIR (<repo>/data/bench), SEED (42), BENCH_CATCH_UP_BEHIND (the engine's
# border-flows.engine.catch-up-behind, default its own, 30s; 0s never catches up: every commit publishes, the live
# path), BENCH_PORT (28180: the gateway; the engine BENCH_PORT+1), KAFKA_PORT / KAFKA_CONTROLLER_PORT (29192 /
# 29193). The broker's data goes to BENCH_DIR/replay-kafka and is deleted first. Needs the services' distributions
# (mvn package).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cards=${1:-1000000}
seed=${SEED:-42}
mode=${BENCH_MODE:-replay}
dir=${BENCH_DIR:-$repo/data/bench}
port=${BENCH_PORT:-28180}
export KAFKA_PORT=${KAFKA_PORT:-29192} KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-29193}
export KAFKA_DATA_DIR=$dir/replay-kafka
export KAFKA_BOOTSTRAP_SERVERS=localhost:$KAFKA_PORT
run=$dir/replay-$mode-$cards-$seed
peer=$dir/peer-$cards-$seed
mkdir -p "$run/logs"
. "$here/_benchmarks.sh"
bench_engine_cp=$(bench_cp engine org.borderflows.benchmarks.engine.SettleWatch)
. "$here/_simulator.sh"
quiet=(-Dlogback.configurationFile="$here/engine-bench-logback.xml")

pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  "$repo/deploy/local/kafka.sh" stop > /dev/null || true
}
trap stop_all EXIT

unpack() { # SERVICE: its distribution, afresh, in $run/dist/SERVICE
  local service=$1 tarball
  tarball=$(ls "$repo/services/$service/target/$service"-*-dist.tar.gz 2>/dev/null | head -n 1)
  [ -n "$tarball" ] || { echo "services/$service is not built: run mvn package -DskipTests" >&2; exit 1; }
  rm -rf "${run:?}/dist/$service"
  mkdir -p "$run/dist/$service"
  tar -xzf "$tarball" -C "$run/dist/$service" --strip-components=1
}

# start SERVICE PORT [ENV=VALUE ...]: the service from its distribution, full JIT, development keys.
start() {
  local service=$1 http=$2; shift 2
  unpack "$service"
  rm -rf "${run:?}/state/$service"
  mkdir -p "$run/state/$service"
  env MICRONAUT_ENVIRONMENTS=local MICRONAUT_SERVER_PORT="$http" "$@" \
    "$run/dist/$service/bin/$service" > "$run/logs/$service.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 180); do curl -s -o /dev/null "http://localhost:$http/health" && return 0; sleep 0.5; done
  echo "$service did not answer on port $http within 90 s: see $run/logs/$service.log" >&2
  exit 1
}

echo "== realistic-mix replay ($mode): $cards cards, seed $seed, $(nproc) cores, $(date -u)"
"$repo/deploy/local/kafka.sh" reset > /dev/null
"$repo/deploy/local/kafka.sh" start > "$run/logs/kafka.log"
catch_up=()
[ -n "${BENCH_CATCH_UP_BEHIND:-}" ] && catch_up=("-Dborder-flows.engine.catch-up-behind=$BENCH_CATCH_UP_BEHIND")
start_engine() {
  start stay-engine "$((port + 1))" JAVA_OPTS="-Xmx1g ${catch_up[*]}" \
    BORDER_FLOWS_ENGINE_STATE_DIR="$run/state/stay-engine"
}

agree=0
if [ "$mode" = pipeline ]; then
  start card-gateway "$port" JAVA_OPTS="-Xmx768m" CARD_GATEWAY_STATE_DIR="$run/state/card-gateway"
  start_engine
  echo "gateway and engine answering; engine catch-up-behind: ${BENCH_CATCH_UP_BEHIND:-the default}"
  # Simulates the file (unless kept from an earlier run), publishes it, times intake and engine, compares.
  BENCH_DIR=$dir SEED=$seed "$here/duckdb-peer.sh" "$cards" --engine | tee "$run/peer.txt" || agree=$?
  seconds=$(sed -n 's/^speed: engine \([0-9.]*\) s.*/\1/p' "$run/peer.txt")
  what="intake + engine, publication to the last outcome"
else
  # Simulates the file (unless kept from an earlier run) and checks the peer against the truth.
  BENCH_DIR=$dir SEED=$seed "$here/duckdb-peer.sh" "$cards" > "$run/peer-truth.txt" || agree=$?
  tail -n 3 "$run/peer-truth.txt"
  loaded=$SECONDS
  unpack card-loader
  MICRONAUT_ENVIRONMENTS=local "$run/dist/card-loader/bin/card-loader" --no-progress --submitter replay "$peer/cards.csv" \
    | tail -n 2
  # The crossings were received when they were loaded: the engine replays them once they are 30 s old.
  sleep $((loaded + 31 - SECONDS > 0 ? loaded + 31 - SECONDS : 0))
  start_engine
  echo "engine answering; engine catch-up-behind: ${BENCH_CATCH_UP_BEHIND:-the default}"
  java -cp "$bench_engine_cp" "${quiet[@]}" org.borderflows.benchmarks.engine.SettleWatch 20 \
    2> "$run/logs/settle-watch.log" | tee "$run/settle.txt"
  seconds=$(sed -n 's/^settled \([0-9.]*\) s.*/\1/p' "$run/settle.txt")
  java -Xmx4g -cp "$sim_cp" org.borderflows.simulator.peer.DuckDbPeer --file "$peer/cards.csv" --truth "$peer/truth" \
    --work "$peer/work" --kafka --engine-seconds "$seconds" | tee "$run/peer.txt" || agree=$?
  what="the engine alone, answering to the last outcome"
fi
sent=$(sed -n 's/^peer: \([0-9,]*\) cards read.*/\1/p' "$run/peer.txt" | head -n 1 | tr -d ,)

# The bytes of the log segments of the topic partitions named PATTERN (not their preallocated indexes).
log_bytes() {
  find "$KAFKA_DATA_DIR" -path "*/$1/*.log" -type f -exec stat -c %s {} + | awk '{ s += $1 } END { print s + 0 }'
}
java -cp "$bench_engine_cp" "${quiet[@]}" org.borderflows.benchmarks.engine.OutputDigests "" \
  > "$run/digests.txt" 2> "$run/logs/output-digests.log"
{
  echo "== $sent cards in ${seconds} s: $(awk -v n="$sent" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }') cards/s ($what)"
  echo "records the engine wrote per card, and the final state it left (live keys per card):"
  digests=$(sed -n 's/^digests //p' "$run/digests.txt")
  records=$(sed -n 's/^records //p' "$run/digests.txt")
  total=0 floor=0
  for r in $records; do
    topic=${r%%=*} n=${r##*=}
    live=$(echo "$digests" | grep -o "$topic=[0-9a-f]* ([0-9]*)" | sed 's/.*(\([0-9]*\))/\1/')
    printf '  %-20s %6.3f per card (final state %6.3f)\n' "$topic" \
      "$(awk -v a="$n" -v c="$sent" 'BEGIN { print a / c }')" "$(awk -v a="$live" -v c="$sent" 'BEGIN { print a / c }')"
    total=$((total + n)) floor=$((floor + live))
  done
  awk -v t="$total" -v f="$floor" -v c="$sent" \
    'BEGIN { printf "  %-20s %6.3f per card (final state %6.3f): %.2f times the final state\n", "all", t / c, f / c, t / f }'
  echo "outcome records by the simulator's persona of their traveller:"
  java -Xmx3g -cp "$bench_engine_cp" "${quiet[@]}" org.borderflows.benchmarks.engine.RecordsByPersona \
    "$peer/truth/travellers.csv" 2>> "$run/logs/output-digests.log"
  # The travellers' state: what its store holds at the end, and what its changelog received (segments below 1 GiB
  # are not compacted, so this is every state written, as the producer compressed it).
  store=$(find "$run/state/stay-engine" -type d -path '*/rocksdb/travellers' -exec du -sb {} + | awk '{ s += $1 } END { print s + 0 }')
  changelog=$(log_bytes '*-travellers-changelog-*')
  awk -v s="$store" -v l="$changelog" -v c="$sent" 'BEGIN { printf "engine state: store %.1f MiB on disk, changelog %.1f MiB written (%.0f bytes per card)\n", s / 1048576, l / 1048576, l / c }'
  awk -v t="$(log_bytes 'engine-clock-*')" \
    'BEGIN { printf "engine clock ticks: %.1f KiB written to engine-clock (a tick goes to every partition)\n", t / 1024 }'
  for error in OUT_OF_ORDER_SEQUENCE_NUMBER CONCURRENT_TRANSACTIONS; do
    echo "engine log: $(grep -c "$error" "$run/logs/stay-engine.log" || true) $error retries"
  done
  grep -E '^(AGREE|DISAGREE)' "$run/peer.txt" || true
} | tee "$run/summary.txt"
exit "$agree"
