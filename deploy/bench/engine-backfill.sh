#!/usr/bin/env bash
# Stay-engine backfill throughput: fills a topic with SIZE synthetic crossings (2-6 per traveller), then in one
# run measures, on that same topic, with the local broker running (deploy/local/kafka.sh start):
#   (a) Kafka's own consumer performance tool (org.apache.kafka.tools.ConsumerPerformance): the read ceiling;
#   (b) a minimal Kafka Streams app that only counts per key, exactly-once v2;
#   (c) the stay engine (StayTopology) backfilling it, exactly-once v2, and the records it wrote per card;
#   (d) Kafka's floor for that many records out per card: a stateless app, exactly-once v2, that copies each card
#       to that many records of a compacted topic (no decoding, no state, no rules);
# and prints the rates in cards/s, the ratios, heap used and state-dir size per million travellers.
#
#   deploy/bench/engine-backfill.sh [SIZE]      default 10000000 (the acceptance size); e.g. 200000 for a check
#
# Environment: KAFKA_BOOTSTRAP_SERVERS (localhost:9092), BENCH_DIR (<repo>/data/bench), BENCH_LAYOUT (time: the
# topic in time order like a replay of recorded cards; blocks: blocks of 50,000 travellers one after the other,
# each over all six years, the layout of the figures before 30 November 2026; see BenchLayout), BENCH_THREADS (2
# stream threads), BENCH_COMMIT_MS (1000: the commit interval of both apps), BENCH_PAIRS (3 interleaved count/engine
# pairs), BENCH_CATCH_UP_BEHIND (the engine's catch-up-behind, ISO duration, default the engine's: PT30S; PT0S
# never catches up), BENCH_HEAP (2g), BENCH_ROCKSDB_MB (256: the RocksDB memory both apps share per JVM, as the
# engine's border-flows.engine.rocksdb-memory-mb; 0: Kafka Streams' defaults), BENCH_KEEP=1 keeps
# the bench topics, BENCH_ENGINE_JAVA_OPTS extra JVM options of the engine run (e.g.
# -XX:StartFlightRecording=filename=/tmp/engine.jfr to profile it). Everything runs on "bench-" prefixed topics
# (bench-crossings, bench-spells, ...), created fresh and deleted at the end: the real topics are never touched.
# Target: the engine at least half the count app's rate (median engine/count >= 0.5 in the time layout, >= 0.45 in
# blocks), and records out per card at most 1.1 times the final-state floor.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
size=${1:-10000000}
dir=${BENCH_DIR:-$repo/data/bench}
heap=${BENCH_HEAP:-2g}
export KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}
prefix=bench-
mkdir -p "$dir"

host=${KAFKA_BOOTSTRAP_SERVERS%%,*}
if ! (exec 3<>"/dev/tcp/${host%%:*}/${host##*:}") 2>/dev/null; then
  echo "no Kafka broker at $host: start it with deploy/local/kafka.sh start" >&2
  exit 1
fi

. "$here/_benchmarks.sh"
engine_cp=$(bench_cp engine org.borderflows.benchmarks.engine.BenchStreams)
if [ ! -f "$repo/deploy/local/target/classpath.txt" ]; then
  (cd "$repo" && mvn -B -q -o -pl deploy/local package -DskipTests -Dspotless.check.skip=true)
fi
tools_cp=$(cat "$repo/deploy/local/target/classpath.txt")
quiet=(-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dlogback.configurationFile="$here/engine-bench-logback.xml")

topics() { java -cp "$tools_cp" org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" "$@"; }
bench_topics="crossings:delete spells:compact crossing-outcomes:compact traveller-status:compact quality-events:compact late-crossings:delete engine-clock:delete"
drop_topics() {
  for t in $bench_topics; do topics --delete --if-exists --topic "$prefix${t%%:*}" 2>/dev/null || true; done
}

layout=${BENCH_LAYOUT:-time}
echo "== engine backfill bench: $size crossings, layout $layout, $(nproc) cores, $(date -u)"
drop_topics
sleep 2
for t in $bench_topics; do
  topics --create --if-not-exists --topic "$prefix${t%%:*}" --partitions 6 --replication-factor 1 \
    --config cleanup.policy="${t##*:}" --config retention.ms=-1 > /dev/null
done

echo "-- filling ${prefix}crossings"
fill=$(java -Xmx2g "${quiet[@]}" -cp "$engine_cp" org.borderflows.benchmarks.engine.BenchProducer "${prefix}crossings" "$size" "$layout" | tail -1)
echo "$fill"
travellers=$(echo "$fill" | sed -n 's/.*travellers=\([0-9]*\).*/\1/p')

echo "-- (a) ConsumerPerformance"
perf=$(java -Xmx1g -cp "$tools_cp" org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" \
  --topic "${prefix}crossings" --messages "$size" --group "bench-perf-$$" --timeout 120000 2>/dev/null | tail -1)
echo "$perf"
# columns: start.time, end.time, MB, MB.sec, nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
perf_rate=$(echo "$perf" | awk -F', *' '{printf "%.0f", $10}')

# (b) and (c) run in BENCH_PAIRS (3) interleaved pairs, so load that comes and goes on a shared machine hits both;
# the ratio reported is the median of the pairs' ratios.
pairs=${BENCH_PAIRS:-3}
ratios=()
for pair in $(seq 1 "$pairs"); do
  echo "-- (b) minimal Kafka Streams app, count per key, exactly-once v2 (pair $pair of $pairs)"
  count_out=$(java -Xmx"$heap" "${quiet[@]}" -cp "$engine_cp" org.borderflows.benchmarks.engine.BenchStreams count "$prefix" "$travellers")
  echo "$count_out"
  count_rate=$(echo "$count_out" | sed -n 's/^rate=\([0-9]*\).*/\1/p')

  echo "-- (c) stay engine backfill, exactly-once v2 (pair $pair of $pairs)"
  engine_out=$(java -Xmx"$heap" ${BENCH_ENGINE_JAVA_OPTS:-} "${quiet[@]}" -cp "$engine_cp" org.borderflows.benchmarks.engine.BenchStreams engine "$prefix" "$travellers")
  echo "$engine_out"
  engine_rate=$(echo "$engine_out" | sed -n 's/^rate=\([0-9]*\).*/\1/p')
  per_card=$(echo "$engine_out" | sed -n 's/^outputs=.* per_card=\([0-9.]*\).*/\1/p')
  ratios+=("$(echo "$engine_rate $count_rate" | awk '{printf "%.3f", $1/$2}')")
  echo "pair $pair: engine/count ${ratios[-1]}"
  # The equivalence gate: every engine run over this input leaves the same final values (normalised digests).
  digests=$(echo "$engine_out" | sed -n 's/^digests \(.*\) (read in.*/\1/p')
  if [ -z "${first_digests:-}" ]; then
    first_digests=$digests
  elif [ "$digests" != "$first_digests" ]; then
    echo "EQUIVALENCE FAILED: pair $pair's engine left other final values than pair 1's" >&2
    echo "  pair 1:     $first_digests" >&2
    echo "  pair $pair: $digests" >&2
    exit 1
  fi
done
median_ratio=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
copies=$(echo "$per_card" | awk '{n=int($1+0.5); print n<1?1:n}')

echo "-- (d) Kafka's floor for $copies records out per card (the engine wrote $per_card), exactly-once v2"
fanout_out=$(BENCH_FANOUT=$copies java -Xmx"$heap" "${quiet[@]}" -cp "$engine_cp" org.borderflows.benchmarks.engine.BenchStreams fanout "$prefix" "$travellers")
echo "$fanout_out"
fanout_rate=$(echo "$fanout_out" | sed -n 's/^rate=\([0-9]*\).*/\1/p')

[ "${BENCH_KEEP:-0}" = 1 ] || drop_topics

summary=$(printf 'engine-backfill %s crossings (%s), %s travellers: consumer-perf %s cards/s | count-app (EOS) %s cards/s | engine (EOS) %s cards/s, %s records out per card (last pair) | %s-records-out floor (EOS) %s cards/s | engine/count per pair %s, median %.2f | engine/consumer-perf %.2f' \
  "$size" "$layout" "$travellers" "$perf_rate" "$count_rate" "$engine_rate" "$per_card" "$copies" "$fanout_rate" \
  "${ratios[*]}" "$median_ratio" "$(echo "$engine_rate $perf_rate" | awk '{print $1/$2}')")
echo "$summary" | tee -a "$dir/engine-backfill.txt"
echo "$engine_out" | grep heap_used | sed 's/^/engine /'
echo "engine outputs, normalised digests (the same in every pair): $first_digests" | tee -a "$dir/engine-backfill.txt"
echo "targets: engine/count >= 0.5 (time layout; 0.45 blocks), records out per card <= 1.1 x the final-state floor"
