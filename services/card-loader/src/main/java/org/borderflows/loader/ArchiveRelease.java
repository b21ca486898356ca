package org.borderflows.loader;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.borderflows.intake.IntakePublisher;
import org.borderflows.intake.PublishBatch;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;

/**
 * {@code card-loader --release-archive LOAD}: completion records for an archive load that covers every crossing
 * written so far (RULES.md §8, {@link org.borderflows.platform.ArchiveLoad}), for when the loader's own records are
 * not there: a load abandoned after a failed run, or an engine replayed from scratch after engine-clock's retention
 * deleted them. Every crossings partition gets one naming its last offset now, so the stay engine releases the
 * load's travellers once it has processed everything written before the release.
 */
final class ArchiveRelease {
    private ArchiveRelease() {}

    /** Writes the records; true when Kafka acknowledged all of them within {@code timeout}. */
    static boolean release(KafkaSettings settings, IntakePublisher publisher, String load, Duration timeout)
            throws InterruptedException {
        Map<Integer, Long> lastOffsets = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(settings.common(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.CROSSINGS.topicName(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.endOffsets(partitions, timeout).forEach((partition, end) -> {
                if (end > 0) {
                    lastOffsets.put(partition.partition(), end - 1);
                }
            });
        }
        PublishBatch batch = new PublishBatch();
        publisher.publishArchiveCompletion(load, lastOffsets, batch);
        publisher.flush();
        return batch.awaitAll(timeout);
    }
}
