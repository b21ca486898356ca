#!/usr/bin/env bash
# A real single-node KRaft Kafka broker (combined broker + controller) run from the Maven Central jars of the
# project's Kafka version: no Docker, nothing downloaded outside Maven.
#
#   deploy/local/kafka.sh start     format the data folder on first use, start the broker, create the topics
#   deploy/local/kafka.sh stop      stop it (data kept)
#   deploy/local/kafka.sh status    running or not, and where
#   deploy/local/kafka.sh reset     stop and delete the data folder
#   deploy/local/kafka.sh topics    (re)create any missing project topic
#
# Settings (environment): KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_DATA_DIR (<repo>/data/kafka),
# KAFKA_HEAP (1g), KAFKA_JAVA_OPTS (more JVM options of the broker and its tools, split on spaces; none). Topics come from the one declared list, org.borderflows.platform.Topic.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
port=${KAFKA_PORT:-9092}
controller_port=${KAFKA_CONTROLLER_PORT:-9093}
data=${KAFKA_DATA_DIR:-$repo/data/kafka}
heap=${KAFKA_HEAP:-1g}
read -r -a java_opts <<< "${KAFKA_JAVA_OPTS:-}"
pidfile="$data/broker.pid"
cpfile="$here/target/classpath.txt"

classpath() {
  if [ ! -f "$cpfile" ]; then
    echo "building the broker classpath (mvn -pl deploy/local -am package)..." >&2
    (cd "$repo" && mvn -B -q -pl deploy/local -am package -DskipTests -Dspotless.check.skip=true) >&2
  fi
  cat "$cpfile"
}

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

write_config() {
  mkdir -p "$data/logs"
  cat > "$data/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=localhost:$controller_port
listeners=PLAINTEXT://localhost:$port,CONTROLLER://localhost:$controller_port
advertised.listeners=PLAINTEXT://localhost:$port,CONTROLLER://localhost:$controller_port
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$data/logs
num.partitions=6
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
}

java_cmd() {
  java -Xmx"$heap" "${java_opts[@]}" -Dkafka.logs.dir="$data" -Dlog4j2.configurationFile="$here/log4j2.properties" \
    -cp "$(classpath)" "$@"
}

create_topics() {
  KAFKA_BOOTSTRAP_SERVERS="localhost:$port" java "${java_opts[@]}" -cp "$(classpath)" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dlog4j2.level=WARN org.borderflows.platform.cli.CreateTopics
}

start() {
  if running; then echo "Kafka already running (pid $(cat "$pidfile")) at localhost:$port"; return 0; fi
  if port_open "$port"; then echo "port $port is taken by another process; set KAFKA_PORT" >&2; exit 1; fi
  write_config
  if [ ! -f "$data/logs/meta.properties" ]; then
    cluster_id=$(java_cmd kafka.tools.StorageTool random-uuid)
    java_cmd kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$data/server.properties" > /dev/null
    echo "formatted a new KRaft cluster $cluster_id in $data"
  fi
  nohup java -Xmx"$heap" "${java_opts[@]}" -Dkafka.logs.dir="$data" -Dlog4j2.configurationFile="$here/log4j2.properties" \
    -cp "$(classpath)" kafka.Kafka "$data/server.properties" > "$data/broker.out" 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 120); do
    if port_open "$port"; then break; fi
    if ! running; then echo "the broker exited; see $data/broker.out and $data/broker.log" >&2; exit 1; fi
    sleep 0.5
  done
  port_open "$port" || { echo "the broker did not open port $port within 60 s; see $data/broker.log" >&2; exit 1; }
  create_topics
  echo "Kafka running (pid $(cat "$pidfile")) at localhost:$port, data in $data"
}

stop() {
  if ! running; then echo "Kafka is not running"; rm -f "$pidfile"; return 0; fi
  pid=$(cat "$pidfile")
  kill "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  rm -f "$pidfile"
  echo "Kafka stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "Kafka running (pid $(cat "$pidfile")) at localhost:$port, data in $data"; else echo "Kafka is not running"; exit 3; fi ;;
  reset) stop; rm -rf "$data"; echo "deleted $data" ;;
  topics) create_topics ;;
  *) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
