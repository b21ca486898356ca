#!/usr/bin/env bash
# Builds border-flows and runs the whole system on this machine: a real KRaft broker, the card gateway, two stay
# engine instances, the query service with its dashboard, and simulated border posts sending cards to the gateway:
# first a few years of history as fast as the system takes them (a progress line shows the tables' clock), then
# live traffic at --rate, so every dashboard panel has figures (final and provisional) within a minute or two.
# The services run from their distributions (`mvn package`: services/<service>/target/<service>-*-dist.tar.gz),
# unpacked into data/dist/<service>.
# Ctrl-C stops everything cleanly (the broker's data stays in data/kafka; `deploy/local/kafka.sh reset` deletes it).
#
#   deploy/local/run-all.sh [--no-build] [--rate CARDS_PER_SECOND] [--travellers N] [--history FROM:TO | --no-history]
#
# History: months FROM..TO (default 2022-01:2024-12, --travellers travellers); live: the months after it (2025).
#
# Logs: data/logs/<service>.log. Ports: dashboard 8080, gateway 8081, engines 8082 and 8083, broker 9092.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=1
rate=${SIM_RATE:-200}
travellers=${SIM_TRAVELLERS:-20000}
history=${SIM_HISTORY:-2022-01:2024-12}
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --rate) rate=$2; shift ;;
    --travellers) travellers=$2; shift ;;
    --history) history=$2; shift ;;
    --no-history) history= ;;
    *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
  shift
done
logs="$repo/data/logs"
mkdir -p "$logs"
pids=()

stop_all() { # EXIT_STATUS
  local status=${1:-0}
  # Ctrl-C also ends a pipe reader (run-all.sh | tee run.log): with SIGPIPE ignored, a failed echo no longer
  # kills the script before it stops the broker.
  trap '' PIPE
  trap - INT TERM EXIT
  echo
  echo "stopping..."
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  kill "${idle:-}" 2>/dev/null || true
  "$here/kafka.sh" stop
  exit "$status"
}
trap 'stop_all 130' INT
trap 'stop_all 143' TERM
trap 'stop_all $?' EXIT

if [ "$build" = 1 ]; then
  echo "building (mvn package, tests skipped; run them with: mvn -B verify)..."
  (cd "$repo" && mvn -B -q package -DskipTests -Dspotless.check.skip=true)
fi
"$here/kafka.sh" start

# The services run from their distributions (target/<service>-<version>-dist.tar.gz, built by `mvn package`),
# unpacked into data/dist/<service>: bin/<service>, lib/, conf/, as on a server.
dist="$repo/data/dist"
unpack() { # SERVICE: unpack its distribution afresh; false if it is not built
  local service=$1 tarball
  tarball=$(ls "$repo/services/$service/target/$service"-*-dist.tar.gz 2>/dev/null | head -n 1)
  [ -n "$tarball" ] || return 1
  rm -rf "${dist:?}/$service"
  mkdir -p "$dist/$service"
  tar -xzf "$tarball" -C "$dist/$service" --strip-components=1
}

# start NAME SERVICE [ENV=VALUE ...]: runs bin/SERVICE of the service's unpacked distribution.
start() {
  local name=$1 service=$2; shift 2
  if [ ! -x "$dist/$service/bin/$service" ]; then
    echo "  (skipping $name: services/$service/target/$service-*-dist.tar.gz is not built)"
    return 0
  fi
  # MICRONAUT_ENVIRONMENTS=local: the development keys and passwords are accepted (refused anywhere else).
  env KAFKA_BOOTSTRAP_SERVERS=localhost:${KAFKA_PORT:-9092} JAVA_OPTS="-Xmx${SERVICE_HEAP:-768m}" \
    MICRONAUT_ENVIRONMENTS=local "$@" \
    "$dist/$service/bin/$service" > "$logs/$name.log" 2>&1 &
  pids+=($!)
  echo "  started $name (pid $!, log data/logs/$name.log)"
}

wait_http() { # URL: wait up to 90 s for a service to answer
  for _ in $(seq 1 180); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "  warning: $1 did not answer within 90 s; see data/logs" >&2
}

echo "unpacking the distributions into data/dist..."
for service in card-gateway stay-engine flow-query border-simulator card-loader; do
  unpack "$service" || echo "  (services/$service/target/$service-*-dist.tar.gz is missing: run mvn package)"
done
echo "starting services..."
start card-gateway card-gateway MICRONAUT_SERVER_PORT=8081 \
  CARD_GATEWAY_STATE_DIR="$repo/data/card-gateway"
start stay-engine-1 stay-engine MICRONAUT_SERVER_PORT=8082 \
  BORDER_FLOWS_ENGINE_STATE_DIR="$repo/data/engine-1"
start stay-engine-2 stay-engine MICRONAUT_SERVER_PORT=8083 \
  BORDER_FLOWS_ENGINE_STATE_DIR="$repo/data/engine-2"
start flow-query flow-query MICRONAUT_SERVER_PORT=8080 \
  FLOW_QUERY_STATE_DIR="$repo/data/flow-query"
wait_http http://localhost:8081/health
wait_http http://localhost:8080/health
wait_http http://localhost:8082/health

# The tables' processing clock (the X-As-Of header of any answer), or "-" before the first card is counted.
tables_clock() {
  curl -s -D - -o /dev/null -u statistician:statistician-dev-password \
    "http://localhost:8080/api/v1/datasets/crossings" | tr -d '\r' | sed -n 's/^[Xx]-[Aa]s-[Oo]f: //p' | grep . || echo -
}

live_from=2025-01
live_to=2025-12
if [ -n "$history" ]; then
  history_from=${history%%:*}
  history_to=${history##*:}
  live_from=$(date -d "$history_to-01 +1 month" +%Y-%m)
  live_to=$(date -d "$history_to-01 +12 month" +%Y-%m)
  echo "loading history $history_from..$history_to ($travellers travellers, as fast as the system takes it)..."
  start border-simulator-history border-simulator \
    SIM_ARGS="--from $history_from --to $history_to --travellers $travellers --seed 7 --gateway http://localhost:8081 --rate 0 --truth $repo/data/sim/history.truth"
  history_pid=${pids[-1]}
  target=$(date -d "$history_to-01 +1 month -1 day" +%F)
  started=$SECONDS
  # Progress: what the simulator has sent, and how far the tables have got (their clock); done when the simulator
  # has sent everything and the tables' clock has reached the last month of the history.
  while true; do
    sent=$(tail -c 400 "$logs/border-simulator-history.log" 2>/dev/null | tr '\r' '\n' | grep -a 'sending' | tail -n 1 || true)
    clock=$(tables_clock)
    printf '\r  %s | tables at %s (history ends %s)   ' "${sent:-simulating...}" "$clock" "$target"
    if [ -z "${history_status:-}" ] && ! kill -0 "$history_pid" 2>/dev/null; then
      history_status=0
      wait "$history_pid" || history_status=$?
      if [ "$history_status" != 0 ]; then
        echo; echo "  warning: the history simulator failed (exit $history_status); see data/logs" >&2; break
      fi
    fi
    if [ "${history_status:-}" = 0 ] && [ "$clock" != - ] && [[ ! "$clock" < "${history_to}-01" ]]; then
      break
    fi
    if [ $SECONDS -gt $((started + 1800)) ]; then
      echo; echo "  warning: the history is not loaded after 30 minutes; going live anyway" >&2; break
    fi
    sleep 2
  done
  echo
  echo "history loaded (tables at $(tables_clock)); streaming live traffic"
fi
start border-simulator border-simulator \
  SIM_ARGS="--from $live_from --to $live_to --travellers $travellers --gateway http://localhost:8081 --rate $rate --truth $repo/data/sim/demo.truth"

cat <<INFO

border-flows is running:
  dashboard            http://localhost:8080/
  query API            http://localhost:8080/api/v1/datasets   (statistician / statistician-dev-password)
  card gateway         http://localhost:8081/api/v1/crossings  (X-Api-Key: dev-simulator-key)
  card loader          data/dist/card-loader/bin/card-loader FILE   (--help for its options)
  stay engines         http://localhost:8082/health  http://localhost:8083/health
  traveller status     POST http://localhost:8082/api/v1/travellers/status  (agency / agency-dev-password)
  Kafka                localhost:${KAFKA_PORT:-9092}
  simulated posts      ${rate} cards/s to the gateway
  logs                 data/logs/
Press Ctrl-C to stop.
INFO
# Wait in the background so that Ctrl-C runs stop_all at once (bash runs traps only between commands).
while true; do
  sleep 3600 &
  idle=$!
  wait "$idle" || true
done
