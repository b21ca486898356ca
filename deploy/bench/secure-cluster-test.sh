#!/usr/bin/env bash
# End-to-end check of secured transport (issue #17 item 4): a 3-broker KRaft cluster with a SASL_SSL listener
# (deploy/local/secure-cluster.sh), and the card gateway, two stay engines and flow-query from their distributions,
# each logging in as its own SCRAM user through KAFKA_CLIENT_PROPERTIES and serving HTTPS only (the key store of
# deploy/local/secure-certs.sh; not the local environment, so plain HTTP would be refused at start-up). The
# simulator sends fault-free cards through the gateway over HTTPS, the card loader loads a card file as its own
# user, and a stay-calculator batch goes to one engine, which routes the travellers of the other's partitions to it
# over HTTPS. It passes when flow-query's crossings table counts every card sent and loaded, the batch is answered
# for every traveller, plain HTTP gets no answer, and no generated password appears in any log.
#
#   deploy/bench/secure-cluster-test.sh [CARDS]        (default 3000 through the gateway, and 1000 loaded; needs
#                                                       `mvn package` first)
#
# With --failures (issue #17 item 5) it runs the same system under load instead: CARDS (default 600,000, so that
# the load lasts through the restarts) fault-free cards at 2,000 cards/s through the gateway while broker 2 is
# stopped and brought back; then brokers 2 and 3 are stopped together for 45 s (no quorum: min.insync.replicas 2
# cannot be met, longer than the gateway's 30 s delivery timeout) and brought back; then every service is restarted
# one by one (a rolling restart: engines, flow-query, gateway); then it waits until the crossings table stops
# changing for 60 s. It passes when the crossings table counts exactly the cards the gateway acknowledged (none
# lost, none counted twice: a batch re-sent after a 503 or after the gateway went away is recognised by its event
# ids), and the gateway answered 503 (with Retry-After, which the simulator follows) only while there was no
# quorum: none while one broker was down, some while two were, none once they were back.
#
#   deploy/bench/secure-cluster-test.sh --failures [CARDS]
#
# Ports: brokers 19092..19094, gateway 18081, engines 18082 and 18083, flow-query 18080. Everything it starts is
# stopped and its data deleted at the end. Last result: docs/security.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
failures=0
if [ "${1:-}" = --failures ]; then failures=1; shift; fi
cards=${1:-$([ "$failures" = 1 ] && echo 600000 || echo 3000)}
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

certs="$SECURE_DATA_DIR/certs"
store_password=$(cat "$certs/passwords/store")
# Not the local environment: the development secrets are allowed explicitly, plain HTTP is not (HTTPS only).
declare -A pid_of start_args_of
start() { # NAME SERVICE USER [ENV=VALUE ...]
  local name=$1 service=$2 user=$3; shift 3
  start_args_of[$name]="$name $service $user $*"
  env -u MICRONAUT_ENVIRONMENTS KAFKA_BOOTSTRAP_SERVERS=localhost:19092 \
    KAFKA_CLIENT_PROPERTIES="$SECURE_DATA_DIR/client-$user.properties" JAVA_OPTS="-Xmx512m" \
    BORDER_FLOWS_ALLOW_DEVELOPMENT_DEFAULTS=true BORDER_FLOWS_HTTPS_ENABLED=true \
    BORDER_FLOWS_HTTPS_KEY_STORE="$certs/https.p12" BORDER_FLOWS_HTTPS_KEY_STORE_PASSWORD="$store_password" "$@" \
    "$work/dist/$service/bin/$service" >> "$work/logs/$name.log" 2>&1 &
  pids+=($!)
  pid_of[$name]=$!
}
# Clients of the services trust the local CA (curl) or its trust store (the simulator's JVM).
https() { curl -s --cacert "$certs/ca.crt" "$@"; }
# The simulator draws every card before it sends the first: 2 GB holds 600,000.
client_java_opts="-Xmx2g -Djavax.net.ssl.trustStore=$certs/truststore.p12 -Djavax.net.ssl.trustStoreType=PKCS12"
client_java_opts+=" -Djavax.net.ssl.trustStorePassword=$store_password"

counted() { # total of the crossings table (statistician: unprotected figures)
  https -u statistician:statistician-dev-password \
    "https://localhost:18080/api/v1/datasets/crossings?by=direction&format=csv" |
    awk -F, 'NR > 1 { n += $2 } END { print n + 0 }'
}
# The generated passwords, one per line, must appear in no log.
no_password_in_logs() {
  if grep -rqaF -f <(for f in "$certs"/passwords/*; do cat "$f"; echo; done) "$work/logs"; then
    echo "FAIL: a generated password appears in a service log" >&2
    exit 1
  fi
}
# restart NAME: stop a service as Kubernetes does (SIGTERM, then wait) and start it again with its settings.
restart() {
  local name=$1 pid=${pid_of[$1]}
  kill -TERM "$pid"
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  # shellcheck disable=SC2086 # the stored arguments are words without spaces
  start ${start_args_of[$name]}
}
batches_503() { # the gateway's 503 answers since it started (border_flows_batches_total)
  https https://localhost:18081/prometheus | awk '/^border_flows_batches_total\{.*status="503"/ { n += $2 } END { print n + 0 }'
}
wait_https() { # URL
  for _ in $(seq 1 240); do https -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "FAIL: $1 did not answer within 120 s (logs in $work/logs)" >&2
  exit 1
}

for service in card-gateway stay-engine flow-query border-simulator card-loader; do unpack "$service"; done
start card-gateway card-gateway gateway MICRONAUT_SERVER_PORT=18081 CARD_GATEWAY_STATE_DIR="$work/gateway"
start stay-engine-1 stay-engine stay-engine MICRONAUT_SERVER_PORT=18082 BORDER_FLOWS_ENGINE_STATE_DIR="$work/engine-1"
start stay-engine-2 stay-engine stay-engine MICRONAUT_SERVER_PORT=18083 BORDER_FLOWS_ENGINE_STATE_DIR="$work/engine-2"
start flow-query flow-query flow-query MICRONAUT_SERVER_PORT=18080 FLOW_QUERY_STATE_DIR="$work/flow-query"
for port in 18081 18082 18083 18080; do wait_https "https://localhost:$port/health"; done
# Plain HTTP on a service's port gets no HTTP answer (curl's status 000).
plain=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 http://localhost:18080/health || true)
[ "$plain" = 000 ] || { echo "FAIL: plain HTTP was answered ($plain)" >&2; exit 1; }
echo "HTTPS on every service; plain HTTP refused"

if [ "$failures" = 1 ]; then
  echo "sending $cards fault-free cards at 2,000 cards/s through the gateway; broker 2 stopped 15 s after the first card, back 20 s later;"
  echo "then a rolling restart of every service..."
  JAVA_OPTS="$client_java_opts" "$work/dist/border-simulator/bin/border-simulator" --from 2024-01 --to 2024-06 \
    --cards "$cards" --seed 3 --fault-rate 0 --no-truth --rate 2000 --gateway https://localhost:18081 \
    > "$work/logs/simulator.log" 2>&1 &
  simulator=$!
  # The load starts when the simulator has drawn its cards and sends the first batch.
  for _ in $(seq 1 600); do grep -aq 'sending' "$work/logs/simulator.log" && break; sleep 0.5; done
  sleep 15
  "$repo/deploy/local/secure-cluster.sh" stop-broker 2
  sleep 20
  "$repo/deploy/local/secure-cluster.sh" start > /dev/null
  echo "  broker 2 back at +$((SECONDS - started)) s"
  sleep 5
  unavailable=$(batches_503)
  "$repo/deploy/local/secure-cluster.sh" stop-broker 2
  "$repo/deploy/local/secure-cluster.sh" stop-broker 3
  echo "  brokers 2 and 3 stopped at +$((SECONDS - started)) s: no quorum"
  sleep 45
  "$repo/deploy/local/secure-cluster.sh" start > /dev/null
  echo "  brokers 2 and 3 back at +$((SECONDS - started)) s"
  # A batch sent just before the quorum came back may still time out: count from one delivery timeout later.
  sleep 35
  no_quorum=$(($(batches_503) - unavailable))
  recovered_from=$(batches_503)
  for name in stay-engine-1 stay-engine-2 flow-query card-gateway; do
    # the gateway's counter restarts with it: read it just before
    [ "$name" = card-gateway ] && after_recovery=$(($(batches_503) - recovered_from))
    restart "$name"
    port=$(echo "${start_args_of[$name]}" | grep -o 'MICRONAUT_SERVER_PORT=[0-9]*' | cut -d = -f 2)
    wait_https "https://localhost:$port/health"
    echo "  restarted $name at +$((SECONDS - started)) s"
  done
  wait "$simulator" || { echo "FAIL: the simulator gave up (logs in $work/logs)" >&2; exit 1; }
  acknowledged=$(grep -a -o '[0-9,]* cards confirmed' "$work/logs/simulator.log" | tail -n 1 | tr -dc 0-9)
  # The engines catch up after the last card (about 1,000 cards/s here): wait while the count still moves.
  total=$(counted) still=0
  while [ "$total" != "$acknowledged" ] && [ "$still" -lt 60 ]; do
    sleep 1
    now=$(counted)
    if [ "$now" = "$total" ]; then still=$((still + 1)); else still=0 total=$now; fi
  done
  sleep 10 # nothing more may arrive: a card counted twice would show now
  total=$(counted)
  no_password_in_logs
  # every 503 the simulator met carried a Retry-After, which it followed
  without_retry_after=$(grep -ac 'answered 503 (Retry-After none)' "$work/logs/simulator.log" || true)
  echo "cards acknowledged by the gateway: $acknowledged, crossings counted: $total, lost: $((acknowledged - total > 0 ? acknowledged - total : 0)), counted twice: $((total - acknowledged > 0 ? total - acknowledged : 0)); batches answered 503: $unavailable while broker 2 was down, $no_quorum without quorum, $after_recovery after it came back; 503 without Retry-After: $without_retry_after ($((SECONDS - started)) s)"
  [ -n "$acknowledged" ] && [ "$total" = "$acknowledged" ] && [ "$unavailable" = 0 ] && [ "$no_quorum" -gt 0 ] \
    && [ "$after_recovery" = 0 ] && [ "$without_retry_after" = 0 ] || { echo "FAIL (logs in $work/logs)" >&2; exit 1; }
  echo "PASS"
  exit 0
fi

echo "sending $cards fault-free cards through the gateway (HTTPS)..."
JAVA_OPTS="$client_java_opts" "$work/dist/border-simulator/bin/border-simulator" --from 2024-01 --to 2024-03 \
  --cards "$cards" --seed 3 --fault-rate 0 --no-truth --gateway https://localhost:18081 > "$work/logs/simulator.log" 2>&1
sent=$(tr '\r' '\n' < "$work/logs/simulator.log" | grep -a 'sending' | tail -n 1 | grep -o '[0-9][0-9,]*' | head -n 1 | tr -d ,)

echo "loading a file of 1000 cards with the card loader (SCRAM user loader)..."
JAVA_OPTS="-Xmx512m" "$work/dist/border-simulator/bin/border-simulator" --from 2024-04 --to 2024-04 --cards 1000 \
  --seed 5 --fault-rate 0 --no-truth --out "$work/cards.csv" > "$work/logs/simulator-file.log" 2>&1
env -u MICRONAUT_ENVIRONMENTS BORDER_FLOWS_ALLOW_DEVELOPMENT_DEFAULTS=true KAFKA_BOOTSTRAP_SERVERS=localhost:19092 \
  KAFKA_CLIENT_PROPERTIES="$SECURE_DATA_DIR/client-loader.properties" JAVA_OPTS="-Xmx512m" \
  "$work/dist/card-loader/bin/card-loader" --no-progress "$work/cards.csv" > "$work/logs/card-loader.log" 2>&1
loaded=$(($(wc -l < "$work/cards.csv") - 1))

expected=$((sent + loaded))
for _ in $(seq 1 120); do
  total=$(counted)
  [ "$total" = "$expected" ] && break
  sleep 1
done

# A stay-calculator batch of 40 travellers to engine 1: those of engine 2's partitions are answered by engine 2.
batch=$(for i in $(seq 1 40); do
  printf '{"documentCountry":"UZB","documentNumber":"SC%07d","birthDate":"1990-01-01"}\n' "$i"
done | paste -sd, -)
answer=$(https -u agency:agency-dev-password -H 'Content-Type: application/json' -w '\n%{http_code}' \
  -d "{\"controlDate\":\"2024-04-30\",\"travellers\":[$batch]}" https://localhost:18082/api/v1/stay-calculator/control)
status=$(echo "$answer" | tail -n 1)
# Made-up identities: every owner answers UNKNOWN_TRAVELLER; an owner not reached would make them UNAVAILABLE.
answered=$(echo "$answer" | head -n -1 | { grep -o '"result":"UNKNOWN_TRAVELLER"' || true; } | wc -l)
[ "$status" = 200 ] && [ "$answered" = 40 ] \
  || { echo "FAIL: stay calculator over two engines: HTTP $status, $answered of 40 answered: $answer" >&2; exit 1; }
echo "stay calculator over two engines (HTTPS between them): 40 of 40 travellers answered"
elapsed=$((SECONDS - started))
no_password_in_logs
echo "cards sent: $sent, loaded: $loaded, crossings counted by flow-query: $total (SASL_SSL, 3 brokers, RF 3;" \
  "${elapsed} s)"
[ -n "$sent" ] && [ "$total" = "$expected" ] || { echo "FAIL: counts differ (logs in $work/logs)" >&2; exit 1; }
echo "PASS"
