#!/usr/bin/env bash
# Builds border-flows and runs the whole system on this machine: a real KRaft broker, the card gateway, the stay
# engine (--engines instances, default 1), the query service with its dashboard, and simulated border posts sending
# cards to the gateway: first a few years of history as fast as the system takes them (a progress line shows the tables' clock and how
# far their figures have got), then live traffic at --rate, so every dashboard panel has figures (final and
# provisional) once the history is loaded (times measured in docs/benchmarks.md, "Local demo").
# The services run from their distributions (`mvn package`: services/<service>/target/<service>-*-dist.tar.gz),
# unpacked into data/dist/<service>.
# Ctrl-C (or SIGTERM) stops everything cleanly (the broker's data stays in data/kafka; `deploy/local/kafka.sh reset`
# deletes it).
#
#   deploy/local/run-all.sh [--no-build] [--rate CARDS_PER_SECOND] [--travellers N] [--history FROM:TO | --no-history]
#                           [--history-travellers N] [--engines N] [--data DIR] [--ports BASE]
#
# History: months FROM..TO (default 2022-01:2024-12) of --history-travellers travellers (default 10000, about 62,000
# cards); live: the months after it (2025) of --travellers travellers (default 20000).
#
# Data (--data, default <repo>/data): logs in DIR/logs/<service>.log, the unpacked distributions, the services'
# state, the simulator's ground truth, and the broker's data (DIR/kafka unless KAFKA_DATA_DIR is set).
# Engines (--engines N, default 1): stay-engine instances sharing the work by partition, as in production; one is
# enough for the demo, and each more is a JVM starting on the same cores (docs/benchmarks.md, "Local demo").
# Ports (--ports BASE, default 8080): dashboard BASE, gateway BASE+1, engines BASE+2 to BASE+1+N; broker KAFKA_PORT
# (9092) and KAFKA_CONTROLLER_PORT (9093).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=1
rate=${SIM_RATE:-200}
travellers=${SIM_TRAVELLERS:-20000}
# The history's own population: its size is most of the time to a full dashboard (docs/benchmarks.md, "Local demo").
history_travellers=${SIM_HISTORY_TRAVELLERS:-10000}
history=${SIM_HISTORY:-2022-01:2024-12}
data=${BORDER_FLOWS_DATA_DIR:-$repo/data}
ports=${DEMO_PORTS:-8080}
engines=${DEMO_ENGINES:-1}
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --rate) rate=$2; shift ;;
    --travellers) travellers=$2; shift ;;
    --history-travellers) history_travellers=$2; shift ;;
    --history) history=$2; shift ;;
    --no-history) history= ;;
    --engines) engines=$2; shift ;;
    --data) data=$2; shift ;;
    --ports) ports=$2; shift ;;
    *) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
  shift
done
mkdir -p "$data"
data=$(cd "$data" && pwd)
export KAFKA_DATA_DIR=${KAFKA_DATA_DIR:-$data/kafka}
# JVM options of every JVM started here (broker, services, simulators): by default the JIT's first tier only (C1).
# The demo's JVMs do all their work in their first minutes, where C2's compilations compete with it for the cores:
# with C1 alone the figures held the history after 65-73 s instead of 101 s (docs/benchmarks.md, "Local demo"). Set
# it empty for full JIT, as the benchmarks that use this system (freshness, query latency) were measured.
demo_java_opts=${DEMO_JAVA_OPTS--XX:TieredStopAtLevel=1}
export KAFKA_JAVA_OPTS=${KAFKA_JAVA_OPTS-$demo_java_opts}
if ! [[ "$engines" =~ ^[1-9][0-9]?$ ]]; then
  echo "--engines must be a number of instances from 1 to 99, got '$engines'" >&2
  exit 2
fi
query_port=$ports gateway_port=$((ports + 1))
engine_ports=()
for ((i = 1; i <= engines; i++)); do engine_ports+=($((ports + 1 + i))); done
logs="$data/logs"
mkdir -p "$logs"
shown=${data#"$repo"/} # the data folder as the messages name it: relative to the repository when inside it
pids=()

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# A service whose port is taken would fail while the other program answers its health check: refuse at once.
for port in "$query_port" "$gateway_port" "${engine_ports[@]}"; do
  if port_open "$port"; then
    echo "port $port is taken by another process; choose other ports with --ports BASE" >&2
    exit 1
  fi
done

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
# The services run from their distributions (target/<service>-<version>-dist.tar.gz, built by `mvn package`),
# unpacked into $shown/dist/<service>: bin/<service>, lib/, conf/, as on a server.
dist="$data/dist"
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
  env KAFKA_BOOTSTRAP_SERVERS=localhost:${KAFKA_PORT:-9092} JAVA_OPTS="-Xmx${SERVICE_HEAP:-768m} $demo_java_opts" \
    MICRONAUT_ENVIRONMENTS=local "$@" \
    "$dist/$service/bin/$service" > "$logs/$name.log" 2>&1 &
  pids+=($!)
  echo "  started $name (pid $!, log $shown/logs/$name.log)"
}

wait_http() { # URL: wait up to 90 s for a service to answer
  for _ in $(seq 1 180); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "  warning: $1 did not answer within 90 s; see $shown/logs" >&2
}

echo "unpacking the distributions into $shown/dist..."
for service in card-gateway stay-engine flow-query border-simulator card-loader; do
  unpack "$service" || echo "  (services/$service/target/$service-*-dist.tar.gz is missing: run mvn package)"
done

live_from=2025-01
live_to=2025-12
if [ -n "$history" ]; then
  history_from=${history%%:*}
  history_to=${history##*:}
  live_from=$(date -d "$history_to-01 +1 month" +%Y-%m)
  live_to=$(date -d "$history_to-01 +12 month" +%Y-%m)
  # Started first: it draws the cards and their ground truth while the broker and the services start, then waits
  # for the gateway to answer before sending.
  echo "loading history $history_from..$history_to ($history_travellers travellers, as fast as the system takes it)..."
  start border-simulator-history border-simulator \
    SIM_ARGS="--from $history_from --to $history_to --travellers $history_travellers --seed 7 --gateway http://localhost:$gateway_port --gateway-wait 300 --rate 0 --truth $data/sim/history.truth"
  history_pid=${pids[-1]}
fi

"$here/kafka.sh" start
echo "  broker up after $SECONDS s"
echo "starting services..."
start card-gateway card-gateway MICRONAUT_SERVER_PORT="$gateway_port" \
  CARD_GATEWAY_STATE_DIR="$data/card-gateway"
# The history arrives faster than the engines follow it: crossings received more than 5 s earlier (the engine's
# default is 30 s) are processed catching up, each traveller's values written once when the engine has caught up
# instead of at every commit, so the figures hold the history sooner (docs/benchmarks.md, "Local demo"); live
# traffic at --rate is followed within a second, so it is not affected. A load the engines follow only seconds
# late (deploy/bench/freshness.sh at 2,000 cards/s) would also be caught up: measure it with the engine's default,
# BORDER_FLOWS_ENGINE_CATCH_UP_BEHIND=30s.
for ((i = 1; i <= engines; i++)); do
  start "stay-engine-$i" stay-engine MICRONAUT_SERVER_PORT="${engine_ports[$((i - 1))]}" \
    BORDER_FLOWS_ENGINE_STATE_DIR="$data/engine-$i" \
    BORDER_FLOWS_ENGINE_CATCH_UP_BEHIND="${BORDER_FLOWS_ENGINE_CATCH_UP_BEHIND:-5s}"
done
start flow-query flow-query MICRONAUT_SERVER_PORT="$query_port" \
  FLOW_QUERY_STATE_DIR="$data/flow-query"
wait_http "http://localhost:$gateway_port/health"
wait_http "http://localhost:$query_port/health"
wait_http "http://localhost:${engine_ports[0]}/health"
echo "  services answering after $SECONDS s"

# The tables' processing clock (the X-As-Of header of any answer), or "-" before the first card is counted. It
# follows the cards received; the figures follow the stay engines, which may be behind it.
tables_clock() {
  curl -s -D - -o /dev/null -u statistician:statistician-dev-password \
    "http://localhost:$query_port/api/v1/datasets/crossings" | tr -d '\r' | sed -n 's/^[Xx]-[Aa]s-[Oo]f: //p' | grep . || echo -
}
# "MONTH PERCENT": the latest month with figures in the crossings table (counted from the engines' outcomes, "-" if
# none), and the crossings counted there as a percentage of the cards accepted (the quality table's RECEIVED, less
# REJECTED, DUPLICATE and LATE: each accepted card is counted once in the crossings table once processed).
figures() {
  local url="http://localhost:$query_port/api/v1/datasets" rows month counted accepted
  # No answer or no rows yet is not an error (set -e, pipefail): the counts are then 0.
  rows=$(curl -s -u statistician:statistician-dev-password "$url/crossings?by=month" || true)
  month=$(echo "$rows" | grep -o '"month":"[0-9-]*"' | tail -n 1 | cut -d '"' -f 4 || true)
  counted=$(echo "$rows" | { grep -o '"count":[0-9]*' || true; } | cut -d : -f 2 | awk '{ s += $1 } END { print s + 0 }')
  accepted=$(curl -s -u statistician:statistician-dev-password "$url/quality?by=issue" \
    | { grep -o '"issue":"[A-Z_]*","count":[0-9]*' || true; } | awk -F '[":,]+' '
        $3 == "RECEIVED" { a += $5 } $3 == "REJECTED" || $3 == "DUPLICATE" || $3 == "LATE" { a -= $5 }
        END { print a + 0 }' || true)
  echo "${month:--} $(awk -v c="${counted:-0}" -v a="${accepted:-0}" 'BEGIN { print (a > 0 ? int(100 * c / a) : 0) }')"
}

if [ -n "$history" ]; then
  target=$(date -d "$history_to-01 +1 month -1 day" +%F)
  started=$SECONDS
  # Progress: what the simulator has sent, how far the tables have got (their clock, which follows the cards
  # received) and their figures (which follow the stay engines); done when the simulator has sent everything, the
  # figures reach the last month of the history and count 99% of the accepted cards.
  while true; do
    sent=$(tail -c 400 "$logs/border-simulator-history.log" 2>/dev/null | tr '\r' '\n' | grep -a 'sending' | tail -n 1 || true)
    clock=$(tables_clock)
    read -r figures_to counted < <(figures) || true
    printf '\r  %s | tables at %s, figures to %s (%s%% of the cards; history ends %s)   ' \
      "${sent:-simulating...}" "$clock" "$figures_to" "$counted" "$target"
    if [ -z "${history_status:-}" ] && ! kill -0 "$history_pid" 2>/dev/null; then
      history_status=0
      wait "$history_pid" || history_status=$?
      if [ "$history_status" != 0 ]; then
        echo; echo "  warning: the history simulator failed (exit $history_status); see $shown/logs" >&2; break
      fi
    fi
    if [ "${history_status:-}" = 0 ] && [ "$figures_to" != - ] && [[ ! "$figures_to" < "$history_to" ]] \
      && [ "$counted" -ge 99 ]; then
      break
    fi
    if [ $SECONDS -gt $((started + 1800)) ]; then
      echo; echo "  warning: the history is not loaded after 30 minutes; going live anyway" >&2; break
    fi
    sleep 1
  done
  echo
  echo "history loaded after $SECONDS s (tables at $clock, figures to $figures_to, $counted% of the cards); streaming live traffic"
fi
start border-simulator border-simulator \
  SIM_ARGS="--from $live_from --to $live_to --travellers $travellers --gateway http://localhost:$gateway_port --rate $rate --truth $data/sim/demo.truth"

cat <<INFO

border-flows is running:
  dashboard            http://localhost:$query_port/
  query API            http://localhost:$query_port/api/v1/datasets   (statistician / statistician-dev-password)
  card gateway         http://localhost:$gateway_port/api/v1/crossings  (X-Api-Key: dev-simulator-key)
  card loader          $shown/dist/card-loader/bin/card-loader FILE   (--help for its options)
  stay engines         $(for port in "${engine_ports[@]}"; do printf 'http://localhost:%s/health  ' "$port"; done)
  traveller status     POST http://localhost:${engine_ports[0]}/api/v1/travellers/status  (agency / agency-dev-password)
  Kafka                localhost:${KAFKA_PORT:-9092}
  simulated posts      ${rate} cards/s to the gateway
  logs                 $shown/logs/
Press Ctrl-C to stop.
INFO
# Wait in the background so that Ctrl-C runs stop_all at once (bash runs traps only between commands).
while true; do
  sleep 3600 &
  idle=$!
  wait "$idle" || true
done
