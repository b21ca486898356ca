package org.borderflows.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;

/**
 * How long a Kafka Streams application takes to get through everything now in its input topics, measured from
 * RUNNING until its committed offsets reach the end offsets taken before it started: the one yardstick of the
 * benchmarks, for every application they compare. Its {@link #endOffsets} also counts records and transaction
 * markers for tests.
 */
public final class Backfill {
    private Backfill() {}

    /** The end offset of every partition of {@code topics}, now. */
    public static Map<TopicPartition, Long> endOffsets(Admin admin, Collection<String> topics)
            throws InterruptedException, ExecutionException {
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, d) -> d.partitions()
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        return admin
                .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all()
                .get()
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /**
     * Starts {@code streams} (application id {@code applicationId}) and returns the seconds from RUNNING until its
     * committed offsets reach {@code ends}; prints progress every 10 s when {@code progress} is set.
     */
    public static double timeToConsume(
            KafkaStreams streams, Admin admin, String applicationId, Map<TopicPartition, Long> ends, boolean progress)
            throws InterruptedException, ExecutionException {
        long total = ends.values().stream().mapToLong(Long::longValue).sum();
        streams.start();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            Thread.sleep(50);
        }
        long start = System.nanoTime();
        long lastReport = start;
        long committed = 0;
        while (committed < total) {
            Thread.sleep(250);
            if (streams.state() == KafkaStreams.State.ERROR) {
                throw new IllegalStateException("the streams application failed");
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata()
                    .get();
            committed = ends.keySet().stream()
                    .mapToLong(p -> offsets.get(p) == null
                            ? 0
                            : Math.min(ends.get(p), offsets.get(p).offset()))
                    .sum();
            if (progress && System.nanoTime() - lastReport > 10e9) {
                lastReport = System.nanoTime();
                System.out.printf("  %.0f s: %d of %d records%n", (lastReport - start) / 1e9, committed, total);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
