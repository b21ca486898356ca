#!/usr/bin/env bash
# Gateway throughput: POSTs 10,000-record NDJSON batches to card-gateway and reports records/s over all of
# them (each answer arrives only after Kafka acknowledged its batch, acks=all). Needs the local broker
# (deploy/local/kafka.sh start). Uses a gateway already listening on GATEWAY_URL, else starts one for the run
# (inbound intake off) and stops it afterwards.
#
#   deploy/bench/gateway-throughput.sh [RECORDS] [PARALLEL]   defaults 500000 records, 4 concurrent batches
#
# Environment: GATEWAY_URL (http://localhost:8081), API_KEY (dev-simulator-key), BATCH (10000),
# KAFKA_BOOTSTRAP_SERVERS (localhost:9092), BENCH_DIR (<repo>/data/bench). Target: >= 50,000 records/s.
# NOTE: the synthetic crossings stay on the local broker's topics (crossings, rejected-records): run
# deploy/local/kafka.sh reset before a demo that must not contain them.
set -euo pipefail
# The development keys and passwords are accepted only in the local environment (docs/configuration.md).
export MICRONAUT_ENVIRONMENTS=${MICRONAUT_ENVIRONMENTS:-local}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
records=${1:-500000}
parallel=${2:-4}
batch=${BATCH:-10000}
url=${GATEWAY_URL:-http://localhost:8081}
key=${API_KEY:-dev-simulator-key}
dir=${BENCH_DIR:-$repo/data/bench}/gateway-$records
export KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}

host=${KAFKA_BOOTSTRAP_SERVERS%%,*}
if ! (exec 3<>"/dev/tcp/${host%%:*}/${host##*:}") 2>/dev/null; then
  echo "no Kafka broker at $host: start it with deploy/local/kafka.sh start" >&2
  exit 1
fi

gateway=$repo/services/card-gateway
if [ ! -f "$gateway/target/classpath.txt" ]; then
  (cd "$repo" && mvn -B -q -o -pl services/card-gateway -am package -DskipTests -Dspotless.check.skip=true)
fi

# 1. the batches: one synthetic NDJSON file split into files of $batch lines
mkdir -p "$dir"
if [ ! -f "$dir/done" ]; then
  . "$here/_benchmarks.sh"
  java -cp "$(bench_cp cards org.borderflows.benchmarks.cards.SyntheticCards)" org.borderflows.benchmarks.cards.SyntheticCards ndjson "$records" "$dir/all.ndjson" "$RANDOM"
  (cd "$dir" && split -l "$batch" -d -a 5 all.ndjson batch- && rm all.ndjson && touch done)
fi
batches=$(ls "$dir"/batch-* | wc -l)

# 2. a gateway to talk to
started=""
if ! curl -s -o /dev/null "$url/health"; then
  port=${url##*:}
  echo "starting card-gateway on port $port (inbound intake off)"
  MICRONAUT_SERVER_PORT=$port CARD_GATEWAY_INBOUND_ENABLED=false \
    java -Xmx1g -cp "$gateway/target/classes:$(cat "$gateway/target/classpath.txt")" \
    org.borderflows.gateway.Application > "$dir/gateway.log" 2>&1 &
  started=$!
  trap '[ -n "$started" ] && kill "$started" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -s -o /dev/null "$url/health" && break; sleep 0.5; done
fi

post() {
  curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "X-Api-Key: $key" -H 'Content-Type: application/x-ndjson' \
    --data-binary "@$1" "$url/api/v1/crossings"
}
export -f post; export key url

# 3. warm-up (JIT compilation of the hot path), not counted: up to 10 batches, re-sent in the measured run
#    (a repeated event_id is counted once downstream)
ls "$dir"/batch-* | head -10 | xargs -P "$parallel" -I{} bash -c 'post {}' > /dev/null

# 4. the measured run
t0=$(date +%s.%N)
codes=$(ls "$dir"/batch-* | xargs -P "$parallel" -I{} bash -c 'post {}')
t1=$(date +%s.%N)
ok=$(grep -c '^200$' <<< "$codes" || true)
seconds=$(echo "$t1 - $t0" | bc -l)
sent=$(cat "$dir"/batch-* | wc -l)
printf 'gateway throughput: %d batches of %d records (%d answered 200), %d parallel: %.1f s, %.0f records/s (target >= 50,000)\n' \
  "$batches" "$batch" "$ok" "$parallel" "$seconds" "$(echo "$sent / $seconds" | bc -l)"
if [ "$ok" -ne "$batches" ]; then
  echo "some batches were not accepted: $(sort <<< "$codes" | uniq -c | tr '\n' ' ')" >&2
  exit 1
fi
