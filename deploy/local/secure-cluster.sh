#!/usr/bin/env bash
# A local 3-broker KRaft cluster with a SASL_SSL listener (SCRAM-SHA-512), run from the Maven Central jars like
# kafka.sh. Replication factor 3, min.insync.replicas 2. Certificates and passwords from secure-certs.sh.
#
#   deploy/local/secure-cluster.sh start    certificates, format (SCRAM users added at format time), start, topics (RF 3)
#   deploy/local/secure-cluster.sh stop     stop the brokers (data kept)
#   deploy/local/secure-cluster.sh stop-broker N   stop broker N (1-3) only, as a failure; `start` brings it back
#   deploy/local/secure-cluster.sh reset    stop and delete the data folder (certificates and passwords included)
#
# Settings (environment): SECURE_PORT (19092: brokers on 19092..19094, controllers on 19095..19097),
# SECURE_DATA_DIR (<repo>/data/secure-cluster, git-ignored), KAFKA_HEAP (512m).
# Writes $SECURE_DATA_DIR/client-<user>.properties for KAFKA_CLIENT_PROPERTIES (mode 600; never printed).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
base=${SECURE_PORT:-19092}
data=${SECURE_DATA_DIR:-$repo/data/secure-cluster}
heap=${KAFKA_HEAP:-512m}
certs="$data/certs"
cpfile="$here/target/classpath.txt"
users="admin gateway loader stay-engine flow-query"
umask 077

classpath() {
  if [ ! -f "$cpfile" ]; then
    (cd "$repo" && mvn -B -q -pl deploy/local -am package -DskipTests -Dspotless.check.skip=true) >&2
  fi
  cat "$cpfile"
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pw() { cat "$certs/passwords/$1"; }
voters() { local v=""; for n in 1 2 3; do v="$v${v:+,}$n@localhost:$((base + 2 + n))"; done; echo "$v"; }

write_config() { # write_config N
  local n=$1 port=$((base + n - 1)) cport=$((base + 2 + n)) store
  store=$(pw store)
  mkdir -p "$data/broker-$n/logs"
  cat > "$data/broker-$n/server.properties" <<PROPS
process.roles=broker,controller
node.id=$n
controller.quorum.voters=$(voters)
listeners=SASL_SSL://localhost:$port,CONTROLLER://localhost:$cport
advertised.listeners=SASL_SSL://localhost:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL
inter.broker.listener.name=SASL_SSL
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$(pw scram-admin)";
ssl.keystore.type=PKCS12
ssl.keystore.location=$certs/broker-$n.p12
ssl.keystore.password=$store
ssl.key.password=$store
ssl.truststore.type=PKCS12
ssl.truststore.location=$certs/truststore.p12
ssl.truststore.password=$store
ssl.endpoint.identification.algorithm=https
log.dirs=$data/broker-$n/logs
num.partitions=6
default.replication.factor=3
min.insync.replicas=2
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
}

write_client() { # write_client USER
  cat > "$data/client-$1.properties" <<PROPS
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$1" password="$(pw "scram-$1")";
ssl.truststore.type=PKCS12
ssl.truststore.location=$certs/truststore.p12
ssl.truststore.password=$(pw store)
PROPS
}

running() { [ -f "$data/broker-$1/broker.pid" ] && kill -0 "$(cat "$data/broker-$1/broker.pid")" 2>/dev/null; }

start() {
  "$here/secure-certs.sh" "$certs" >/dev/null
  local cp; cp=$(classpath)
  for u in $users; do write_client "$u"; done
  local cluster_id=""
  for n in 1 2 3; do
    write_config "$n"
    if [ ! -f "$data/broker-$n/logs/meta.properties" ]; then
      [ -n "$cluster_id" ] || cluster_id=$(java -cp "$cp" kafka.tools.StorageTool random-uuid)
      local scram=()
      for u in $users; do scram+=(--add-scram "SCRAM-SHA-512=[name=$u,password=$(pw "scram-$u")]"); done
      java -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" -c "$data/broker-$n/server.properties" \
        "${scram[@]}" >/dev/null
    fi
  done
  for n in 1 2 3; do
    running "$n" && continue
    nohup java -Xmx"$heap" -Dkafka.logs.dir="$data/broker-$n" -Dlog4j2.configurationFile="$here/log4j2.properties" \
      -cp "$cp" kafka.Kafka "$data/broker-$n/server.properties" > "$data/broker-$n/broker.out" 2>&1 &
    echo $! > "$data/broker-$n/broker.pid"
  done
  for n in 1 2 3; do
    for _ in $(seq 1 180); do port_open $((base + n - 1)) && break; running "$n" || { echo "broker $n exited; see $data/broker-$n" >&2; exit 1; }; sleep 0.5; done
  done
  KAFKA_BOOTSTRAP_SERVERS="localhost:$base" KAFKA_CLIENT_PROPERTIES="$data/client-admin.properties" \
    java -cp "$cp" -Dlog4j2.level=WARN org.borderflows.platform.cli.CreateTopics --replication 3
  echo "secured cluster running at localhost:$base..$((base + 2)) (SASL_SSL, SCRAM-SHA-512), data in $data"
}

stop() { # [BROKER]: every broker, or only that one (1-3; `start` brings it back)
  for n in ${1:-1 2 3}; do
    running "$n" || continue
    local pid; pid=$(cat "$data/broker-$n/broker.pid")
    kill "$pid"; for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    rm -f "$data/broker-$n/broker.pid"
  done
  echo "secured cluster: stopped broker(s) ${1:-1 2 3}"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  stop-broker) stop "${2:?stop-broker needs a broker number, 1-3}" ;;
  reset) stop; rm -rf "$data"; echo "deleted $data" ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
