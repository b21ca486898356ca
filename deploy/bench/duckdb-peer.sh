#!/usr/bin/env bash
# DuckDB batch peer: simulates a card file of N crossings (faults at 1% each, fixed seed), computes its stays,
# absences and 12/16 outcomes with DuckDB SQL, checks them against the simulator's ground truth and, with
# --engine, against the stay engine: the file is published to the inbound topic, the engine is timed (start to
# last growth of crossing-outcomes) and its topics are compared spell by spell and outcome by outcome.
#
#   deploy/bench/duckdb-peer.sh [CARDS] [--engine]        default 1000000 (the acceptance size); e.g. 50000 to check
#
# --engine needs the local broker, the gateway's inbound intake and the stay engine running, on a broker reset
# before the run (deploy/local/kafka.sh reset) so the topics hold this file only. Environment: SEED (42),
# BENCH_DIR (<repo>/data/bench), KAFKA_BOOTSTRAP_SERVERS (localhost:9092), ENGINE_SECONDS (an engine time
# measured elsewhere, for the ratio without --engine). Prints "AGREE" or "DISAGREE"; exit code 0 = agree.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cards=${1:-1000000}
engine=""
[ "${2:-}" = "--engine" ] && engine="--publish"
seed=${SEED:-42}
dir=${BENCH_DIR:-$repo/data/bench}/peer-$cards-$seed
export KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}
. "$here/_simulator.sh"

if [ ! -f "$dir/truth/summary.json" ]; then
  java -Xmx4g -cp "$sim_cp" org.borderflows.simulator.BorderSimulator \
    --cards "$cards" --seed "$seed" --out "$dir/cards.csv" --truth "$dir/truth" 2>&1 | grep -v WARN
fi
echo "file: $dir/cards.csv ($(du -h "$dir/cards.csv" | cut -f1))"
extra=()
[ -n "${ENGINE_SECONDS:-}" ] && extra+=(--engine-seconds "$ENGINE_SECONDS")
java -Xmx4g -cp "$sim_cp" org.borderflows.simulator.peer.DuckDbPeer \
  --file "$dir/cards.csv" --truth "$dir/truth" --work "$dir/work" $engine "${extra[@]}" | tee "$dir/peer.txt"
