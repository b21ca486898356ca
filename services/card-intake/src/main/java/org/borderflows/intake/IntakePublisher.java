package org.borderflows.intake;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.borderflows.platform.ArchiveLoad;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.RejectedRecord;

/**
 * Sends intake results to Kafka with a durable producer ({@link KafkaSettings#durableProducer}: acks=all,
 * idempotent, lz4): accepted crossings to {@link Topic#CROSSINGS} keyed by traveller pseudonym (one traveller's
 * crossings stay in order on one partition), rejections to {@link Topic#REJECTED_RECORDS} keyed by event id.
 * Values are Avro single-object encoded ({@link SingleObjectEncoder}, readable with {@code AvroSerde}).
 * Each send is tracked in a {@link PublishBatch}, which says when everything is acknowledged. Thread-safe: one
 * publisher (one producer) serves all concurrent requests.
 */
public final class IntakePublisher implements AutoCloseable {
    private final Producer<String, byte[]> producer;
    private final SingleObjectEncoder<Crossing> crossingEncoder = new SingleObjectEncoder<>(Crossing.class);
    private final SingleObjectEncoder<RejectedRecord> rejectionEncoder =
            new SingleObjectEncoder<>(RejectedRecord.class);
    private final String crossingsTopic = Topic.CROSSINGS.topicName();
    private final String rejectedTopic = Topic.REJECTED_RECORDS.topicName();

    public IntakePublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** A publisher with its own durable producer; {@code overrides} are extra producer properties. */
    public static IntakePublisher create(KafkaSettings settings, String clientId, Map<String, String> overrides) {
        Properties props = settings.durableProducer(clientId);
        props.putAll(overrides);
        return new IntakePublisher(new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()));
    }

    /**
     * Hands one result to the producer (may block while the producer's buffer is full: that is the back
     * pressure that bounds memory). A failure is recorded in the batch, never thrown.
     */
    public void publish(IntakeResult result, PublishBatch batch) {
        ProducerRecord<String, byte[]> record;
        boolean crossing = result instanceof IntakeResult.Accepted;
        try {
            if (result instanceof IntakeResult.Accepted accepted) {
                Crossing value = accepted.crossing();
                record = new ProducerRecord<>(crossingsTopic, value.getTravellerId(), crossingEncoder.encode(value));
            } else {
                RejectedRecord value = ((IntakeResult.Rejected) result).rejection();
                record = new ProducerRecord<>(rejectedTopic, value.getEventId(), rejectionEncoder.encode(value));
            }
        } catch (RuntimeException e) {
            batch.failed(e);
            return;
        }
        batch.sending();
        try {
            producer.send(record, crossing ? batch.crossingCallback : batch.rejectionCallback);
        } catch (RuntimeException e) {
            // thrown (not reported to the callback): e.g. the producer is closed or interrupted
            batch.abandoned(e);
        }
    }

    /**
     * Tells the stay engine that the archive load {@code load} is complete (RULES.md §8, {@link ArchiveLoad}): per
     * partition of the crossings topic, the offset of the load's last crossing there, as a completion record on
     * the engine-clock topic's partition of the same number. Send it only once Kafka acknowledged every crossing
     * of the load ({@code lastOffsets} from that batch); acknowledgements are tracked in {@code batch}.
     */
    public void publishArchiveCompletion(String load, Map<Integer, Long> lastOffsets, PublishBatch batch) {
        String key = ArchiveLoad.completionKey(load);
        lastOffsets.forEach((partition, offset) -> {
            byte[] value = ByteBuffer.allocate(Long.BYTES).putLong(offset).array(); // as Serdes.Long writes it
            batch.sending();
            try {
                producer.send(
                        new ProducerRecord<>(Topic.ENGINE_CLOCK.topicName(), partition, key, value),
                        batch.completionCallback);
            } catch (RuntimeException e) {
                batch.abandoned(e);
            }
        });
    }

    /**
     * Fetches the metadata of both output topics (blocking up to the producer's max.block.ms), so a missing
     * topic or an unreachable cluster is reported before any record is read. Throws the producer's exception.
     */
    public void checkTopics() {
        producer.partitionsFor(crossingsTopic);
        producer.partitionsFor(rejectedTopic);
    }

    /** {@link #checkTopics()} for an archive load, which also writes completion records to engine-clock. */
    public void checkArchiveTopics() {
        checkTopics();
        producer.partitionsFor(Topic.ENGINE_CLOCK.topicName());
    }

    /**
     * The producer, for its metrics only (acknowledgement latency, errors, retries; a service binds them to its
     * meter registry): everything it sends goes through {@link #publish}.
     */
    public Producer<String, byte[]> producer() {
        return producer;
    }

    /** Sends whatever the producer is holding now instead of waiting for linger.ms. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
