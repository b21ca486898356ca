package org.borderflows.benchmarks.engine;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.borderflows.platform.Topic;
import org.borderflows.platform.config.KafkaConfiguration;

/**
 * {@code SettleWatch QUIET_SECONDS}: watches the end offsets of {@link Topic#CROSSING_OUTCOMES} from its start and,
 * once they have not moved for QUIET_SECONDS, prints "settled N s" (its start to their last growth) and the outcome
 * topic's end offset: how long an engine started beside it took to write its outcomes. One JVM polling every 250 ms,
 * not a tool started per poll, so the watch costs the engine nothing measurable.
 */
public final class SettleWatch {
    /** The engine has failed if it wrote no outcome in this long. */
    private static final Duration NOTHING_AFTER = Duration.ofMinutes(10);

    private SettleWatch() {}

    public static void main(String[] args) throws InterruptedException {
        long quietNanos = Long.parseLong(args[0]) * 1_000_000_000L;
        long start = System.nanoTime();
        long lastGrowth = start;
        long lastEnd = -1;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                KafkaConfiguration.fromEnvironment().settings().common(),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(Topic.CROSSING_OUTCOMES.topicName(), Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            while (lastEnd <= 0 || System.nanoTime() - lastGrowth < quietNanos) {
                long end = consumer.endOffsets(partitions).values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
                if (end <= 0 && System.nanoTime() - start > NOTHING_AFTER.toNanos()) {
                    System.out.printf(
                            "nothing written to %s in %s%n", Topic.CROSSING_OUTCOMES.topicName(), NOTHING_AFTER);
                    System.exit(1);
                }
                if (end != lastEnd) {
                    lastEnd = end;
                    lastGrowth = System.nanoTime();
                }
                Thread.sleep(250);
            }
        }
        System.out.printf("settled %.2f s (end offsets %d)%n", (lastGrowth - start) / 1e9, lastEnd);
    }
}
