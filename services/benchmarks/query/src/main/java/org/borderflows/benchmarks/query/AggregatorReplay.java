package org.borderflows.benchmarks.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.platform.config.KafkaConfiguration;
import org.borderflows.query.tables.Datasets;
import org.borderflows.query.topology.FlowTableTopology;
import org.borderflows.testkit.Backfill;

/**
 * Bench only: how fast the flow-table aggregator gets through the engine's outputs. Runs {@link FlowTableTopology}
 * under a fresh application id over everything now in its input topics (spells, crossing-outcomes, quality-events,
 * crossings, rejected-records), with the service's settings (exactly-once, 2 threads, 200 ms commits; BENCH_COMMIT_MS, BENCH_THREADS), writing the
 * cells to {@code bench-table-cells} (deleted at the end: the real table-cells topic is never touched), and measures
 * from RUNNING until the committed offsets reach the end of every input.
 *
 * <p>Usage: {@code AggregatorReplay} after a freshness or backfill run left engine outputs on the broker.
 */
public final class AggregatorReplay {
    private static final String CELLS = "bench-table-cells";

    private AggregatorReplay() {}

    public static void main(String[] args) throws Exception {
        KafkaSettings kafka = KafkaConfiguration.fromEnvironment().settings();
        String appId = "bench-aggregator-" + System.currentTimeMillis();
        Path stateDir = Files.createTempDirectory("bench-aggregator");
        List<String> inputs = List.of(
                Topic.SPELLS.topicName(),
                Topic.CROSSING_OUTCOMES.topicName(),
                Topic.QUALITY_EVENTS.topicName(),
                Topic.CROSSINGS.topicName(),
                Topic.REJECTED_RECORDS.topicName());

        StreamsBuilder builder = new StreamsBuilder();
        FlowTableTopology.build(builder, ZoneId.of("Asia/Almaty"), Datasets.contributions(), CELLS);
        Properties props = kafka.streams(appId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, System.getenv().getOrDefault("BENCH_COMMIT_MS", "200"));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, System.getenv().getOrDefault("BENCH_THREADS", "2"));
        FlowTableTopology.tune(props);
        props.put("auto.offset.reset", "earliest");

        try (Admin admin = Admin.create(kafka.common())) {
            deleteCells(admin);
            Thread.sleep(1000);
            admin.createTopics(List.of(new NewTopic(CELLS, 6, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                    .all()
                    .get();
            Map<TopicPartition, Long> ends = Backfill.endOffsets(admin, inputs);
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            for (String topic : inputs) {
                System.out.printf(
                        "input %s: %d records%n",
                        topic,
                        ends.entrySet().stream()
                                .filter(e -> e.getKey().topic().equals(topic))
                                .mapToLong(Map.Entry::getValue)
                                .sum());
            }
            try (KafkaStreams streams = new KafkaStreams(builder.build(props), props)) {
                double seconds = Backfill.timeToConsume(streams, admin, appId, ends, true);
                System.out.printf("records=%d seconds=%.1f%n", total, seconds);
                System.out.printf("rate=%.0f records/s%n", total / seconds);
                streams.close(Duration.ofSeconds(30));
                streams.cleanUp();
            } finally {
                deleteCells(admin);
            }
        }
    }

    private static void deleteCells(Admin admin) throws Exception {
        try {
            admin.deleteTopics(List.of(CELLS)).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            // not there (first run): nothing to delete
        }
    }
}
