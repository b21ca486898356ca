#!/usr/bin/env bash
# End-to-end check on the secured local cluster (issue #17 item 4): a 3-broker KRaft cluster with a SASL_SSL
# listener (deploy/local/secure-cluster.sh), the card gateway, one stay engine and flow-query from their
# distributions, each logging in as its own SCRAM user through KAFKA_CLIENT_PROPERTIES. The simulator sends fault-free
# cards through the gateway; the test passes when flow-query's crossings table counts every card sent.
#
#   deploy/bench/secure-cluster-test.sh [CARDS]        (default 3000; needs `mvn package` first)
#
# Ports: brokers 19092..19094, gateway 18081, engine 18082, flow-query 18080. Everything it starts is stopped and
# its data deleted at the end. Last result: docs/security.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cards=${1:-3000}
work="$repo/data/secure-test"
export SECURE_DATA_DIR="$work/cluster"
pids=()

stop_all() {
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "$repo/deploy/local/secure-cluster.sh" reset >/dev/null 2>&1 || true
}
trap stop_all EXIT

rm -rf "$work"
mkdir -p "$work/logs"
started=$SECONDS
"$repo/deploy/local/secure-cluster.sh" start

unpack() { # SERVICE
  local tarball
  tarball=$(ls "$repo/services/$1/target/$1"-*-dist.tar.gz | head -n 1)
  mkdir -p "$work/dist/$1"
  tar -xzf "$tarball" -C "$work/dist/$1" --strip-components=1
}

start() { # NAME SERVICE USER [ENV=VALUE ...]
  local name=$1 service=$2 user=$3; shift 3
  env KAFKA_BOOTSTRAP_SERVERS=localhost:19092 KAFKA_CLIENT_PROPERTIES="$SECURE_DATA_DIR/client-$user.properties" \
    JAVA_OPTS="-Xmx512m" MICRONAUT_ENVIRONMENTS=local "$@" \
    "$work/dist/$service/bin/$service" > "$work/logs/$name.log" 2>&1 &
  pids+=($!)
}

wait_http() { # URL
  for _ in $(seq 1 240); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "FAIL: $1 did not answer within 120 s (logs in $work/logs)" >&2
  exit 1
}

for service in card-gateway stay-engine flow-query border-simulator; do unpack "$service"; done
start card-gateway card-gateway gateway MICRONAUT_SERVER_PORT=18081 CARD_GATEWAY_STATE_DIR="$work/gateway"
start stay-engine stay-engine stay-engine MICRONAUT_SERVER_PORT=18082 BORDER_FLOWS_ENGINE_STATE_DIR="$work/engine"
start flow-query flow-query flow-query MICRONAUT_SERVER_PORT=18080 FLOW_QUERY_STATE_DIR="$work/flow-query"
wait_http http://localhost:18081/health
wait_http http://localhost:18082/health
wait_http http://localhost:18080/health

echo "sending $cards fault-free cards through the gateway..."
JAVA_OPTS="-Xmx512m" "$work/dist/border-simulator/bin/border-simulator" --from 2024-01 --to 2024-03 --cards "$cards" \
  --seed 3 --fault-rate 0 --no-truth --gateway http://localhost:18081 > "$work/logs/simulator.log" 2>&1
sent=$(tr '\r' '\n' < "$work/logs/simulator.log" | grep -a 'sending' | tail -n 1 | grep -o '[0-9][0-9,]*' | head -n 1 | tr -d ,)

counted() { # total of the crossings table (statistician: unprotected figures)
  curl -s -u statistician:statistician-dev-password \
    "http://localhost:18080/api/v1/datasets/crossings?by=direction&format=csv" |
    awk -F, 'NR > 1 { n += $2 } END { print n + 0 }'
}
for _ in $(seq 1 120); do
  total=$(counted)
  [ "$total" = "$sent" ] && break
  sleep 1
done
elapsed=$((SECONDS - started))
if grep -rqaF -f <(cat "$SECURE_DATA_DIR"/certs/passwords/*; echo) "$work/logs" 2>/dev/null; then
  echo "FAIL: a generated password appears in a service log" >&2
  exit 1
fi
echo "cards sent: $sent, crossings counted by flow-query: $total (SASL_SSL, 3 brokers, RF 3; ${elapsed} s)"
[ -n "$sent" ] && [ "$total" = "$sent" ] || { echo "FAIL: counts differ (logs in $work/logs)" >&2; exit 1; }
echo "PASS"
