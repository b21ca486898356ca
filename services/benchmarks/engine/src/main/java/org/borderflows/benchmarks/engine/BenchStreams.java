package org.borderflows.benchmarks.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.borderflows.engine.StayEngine;
import org.borderflows.engine.topology.EngineSettings;
import org.borderflows.engine.topology.StayTopology;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.platform.config.KafkaConfiguration;
import org.borderflows.platform.streams.BoundedRocksDbMemory;
import org.borderflows.testkit.Backfill;

/**
 * Bench only: runs one Kafka Streams application over a filled topic with exactly-once v2 and measures how fast
 * it consumes it: from RUNNING until the committed offsets reach the end of the input ({@link Backfill}, the same
 * yardstick for both applications, so their ratio is fair).
 *
 * <pre>
 * BenchStreams count  PREFIX TRAVELLERS    a minimal app: count per key (RocksDB store + changelog)
 * BenchStreams engine PREFIX TRAVELLERS    the stay engine (StayTopology) on PREFIX-prefixed topics
 * BenchStreams fanout PREFIX TRAVELLERS    Kafka's floor for an app that writes BENCH_FANOUT (5) records per card:
 *                                          no state, no decoding, each card's bytes copied to a compacted topic
 * </pre>
 *
 * Prints "rate=N cards/s", for the engine the records it wrote per card ("outputs=N per_card=X") and the digests of
 * what it left in its output topics ({@link OutputDigests}: runs over the same input must print the same), then heap
 * and state-dir size per million travellers.
 */
public final class BenchStreams {
    private BenchStreams() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String prefix = args[1];
        long travellers = Long.parseLong(args[2]);
        KafkaSettings kafka = KafkaConfiguration.fromEnvironment().settings();
        String input = prefix + Topic.CROSSINGS.topicName();
        String appId = prefix + "bench-" + mode + "-" + System.currentTimeMillis();
        Path stateDir = Files.createTempDirectory("bench-" + mode);

        Properties props = kafka.streams(appId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, System.getenv().getOrDefault("BENCH_THREADS", "2"));
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, String.valueOf(64L * 1024 * 1024));
        props.put(StreamsConfig.consumerPrefix("max.poll.records"), "5000");
        props.putAll(StayEngine.PRODUCER_DEFAULTS); // every app of the comparison writes as the engine does
        // ... and keeps its stores as the engine does: its RocksDB budget (MiB; 0: Kafka Streams' defaults, to compare)
        long rocksDbMiB = Long.parseLong(System.getenv().getOrDefault("BENCH_ROCKSDB_MB", "256"));
        if (rocksDbMiB > 0) {
            props.putAll(BoundedRocksDbMemory.properties(rocksDbMiB << 20));
        }
        props.put("auto.offset.reset", "earliest");

        StreamsBuilder builder = new StreamsBuilder();
        if (mode.equals("engine")) {
            props.putAll(StayEngine.ENGINE_DEFAULTS);
        }
        // Both apps commit at the same interval (a backfill tunes for throughput; the engine's 250 ms default is
        // for freshness): border-flows.kafka.properties.commit.interval.ms sets it on a real engine.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, System.getenv().getOrDefault("BENCH_COMMIT_MS", "1000"));
        String fanoutTopic = prefix + "fanout";
        if (mode.equals("count")) {
            builder.stream(input, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                    .groupByKey()
                    .count(Materialized.as("counts"));
        } else if (mode.equals("fanout")) {
            int copies = Integer.parseInt(System.getenv().getOrDefault("BENCH_FANOUT", "5"));
            builder.stream(input, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                    .flatMap((key, value) -> {
                        List<KeyValue<String, byte[]>> out = new ArrayList<>(copies);
                        for (int i = 0; i < copies; i++) {
                            out.add(KeyValue.pair(key + "|" + i, value));
                        }
                        return out;
                    })
                    .to(fanoutTopic, Produced.with(Serdes.String(), Serdes.ByteArray()));
        } else {
            EngineSettings settings =
                    EngineSettings.defaults(appId, Deployment.DEFAULT).withTopicPrefix(prefix);
            String catchUp = System.getenv("BENCH_CATCH_UP_BEHIND"); // the engine's catch-up-behind, e.g. PT0S
            if (catchUp != null && !catchUp.isBlank()) {
                settings = settings.withCatchUpBehind(Duration.parse(catchUp));
            }
            System.out.printf("engine catch_up_behind=%s%n", settings.catchUpBehind());
            StayTopology.build(builder, settings);
        }
        try (Admin admin = Admin.create(kafka.common());
                KafkaStreams streams = new KafkaStreams(builder.build(props), props)) {
            if (mode.equals("fanout")) { // before the app starts (in timeToConsume)
                NewTopic topic = new NewTopic(fanoutTopic, 6, (short) 1).configs(Map.of("cleanup.policy", "compact"));
                admin.createTopics(List.of(topic)).all().get();
            }
            System.out.printf(
                    "config threads=%s commit_ms=%s linger_ms=%s batch_size=%s compression=%s cache_bytes=%s"
                            + " rocksdb_setter=%s rocksdb_bytes=%s%n",
                    props.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG),
                    props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG),
                    props.get(StreamsConfig.producerPrefix("linger.ms")),
                    props.get(StreamsConfig.producerPrefix("batch.size")),
                    props.get(StreamsConfig.producerPrefix("compression.type")),
                    props.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG),
                    props.getOrDefault(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "default"),
                    props.getOrDefault(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, "default"));
            Map<TopicPartition, Long> ends = Backfill.endOffsets(admin, List.of(input));
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            List<String> outputs = OutputDigests.TOPICS.stream()
                    .map(t -> prefix + t.topicName())
                    .toList();
            // Several engine runs write to the same output topics: each counts what it added.
            Map<TopicPartition, Long> before = Backfill.endOffsets(admin, outputs);
            double seconds = Backfill.timeToConsume(streams, admin, appId, ends, false);
            if (mode.equals("engine")) {
                // A catching-up engine publishes what waits once its input is exhausted: the stopwatch runs on
                // until the outputs stop moving, and the run fails if they move again afterwards.
                double lastMove = lastOutputMove(admin, outputs);
                seconds += lastMove;
                System.out.printf("outputs settled %.1f s after the input was committed%n", lastMove);
                Map<TopicPartition, Long> settled = Backfill.endOffsets(admin, outputs);
                Thread.sleep(5_000);
                if (!Backfill.endOffsets(admin, outputs).equals(settled)) {
                    throw new IllegalStateException("an output end offset moved after the stopwatch stopped");
                }
            }
            System.gc();
            long heap =
                    Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            // Closing flushes RocksDB's memtables, so the state directory then shows its real size.
            streams.close(Duration.ofSeconds(30));
            long state = size(stateDir);
            delete(stateDir); // of no further use
            // Its changelogs are compacted: left behind, the broker's log cleaner would compact them during the
            // next runs and slow them down.
            List<String> internal = admin.listTopics().names().get().stream()
                    .filter(t -> t.startsWith(appId + "-") || t.equals(fanoutTopic))
                    .toList();
            admin.deleteTopics(internal).all().get();
            double perMillion = 1_000_000.0 / Math.max(1, travellers);
            System.out.printf("mode=%s records=%d seconds=%.1f%n", mode, total, seconds);
            System.out.printf("rate=%.0f cards/s%n", total / seconds);
            if (mode.equals("engine")) {
                // Offsets, so a commit's transaction marker counts too (one per partition and commit: a few
                // thousand in millions).
                Map<TopicPartition, Long> after = Backfill.endOffsets(admin, outputs);
                long written = added(before, after, p -> true);
                System.out.printf("outputs=%d per_card=%.2f%n", written, written / (double) total);
                long read = System.nanoTime();
                List<OutputDigests.Digest> digests = OutputDigests.of(kafka, prefix, before);
                double readSeconds = (System.nanoTime() - read) / 1e9;
                // The final state's floor: what the compacted topics keep of this run (their live keys), and every
                // late crossing.
                long finalState = 0;
                for (OutputDigests.Digest digest : digests) {
                    String topic = prefix + digest.topic().topicName();
                    long n = added(before, after, p -> p.topic().equals(topic));
                    finalState += digest.entries();
                    System.out.printf(
                            "  %-40s %.2f per card (final state %.2f)%n",
                            topic, n / (double) total, digest.entries() / (double) total);
                }
                System.out.printf(
                        "final_state=%.2f per card: records out %.2f times it%n",
                        finalState / (double) total, written / (double) Math.max(1, finalState));
                System.out.printf(
                        "digests %s (read in %.0f s)%n",
                        String.join(" ", digests.stream().map(Object::toString).toList()), readSeconds);
            }
            System.out.printf(
                    "heap_used=%.0f MB (%.0f MB per million travellers) state_dir=%.0f MB (%.0f MB per million travellers)%n",
                    heap / 1e6, heap / 1e6 * perMillion, state / 1e6, state / 1e6 * perMillion);
        }
    }

    /**
     * Seconds from now until the outputs' end offsets last moved, polled every 100 ms until they stood still for
     * 3 s (three commit intervals and idle checks).
     */
    private static double lastOutputMove(Admin admin, List<String> outputs) throws Exception {
        long start = System.nanoTime();
        long lastMove = start;
        Map<TopicPartition, Long> seen = Backfill.endOffsets(admin, outputs);
        while (System.nanoTime() - lastMove < 3_000_000_000L) {
            Thread.sleep(100);
            Map<TopicPartition, Long> now = Backfill.endOffsets(admin, outputs);
            if (!now.equals(seen)) {
                seen = now;
                lastMove = System.nanoTime();
            }
        }
        return (lastMove - start) / 1e9;
    }

    private static long added(
            Map<TopicPartition, Long> before,
            Map<TopicPartition, Long> after,
            java.util.function.Predicate<TopicPartition> which) {
        return after.entrySet().stream()
                .filter(e -> which.test(e.getKey()))
                .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L))
                .sum();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        }
    }
}
