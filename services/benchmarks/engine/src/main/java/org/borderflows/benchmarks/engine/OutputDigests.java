package org.borderflows.benchmarks.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.borderflows.engine.topology.Normalised;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.platform.config.KafkaConfiguration;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.Spell;
import org.borderflows.schema.TravellerStatus;

/**
 * What one engine run left in its output topics, as digests that two runs over the same input compare by (the
 * equivalence gate, docs/benchmarks.md): for each compacted topic, the last value per key among the records the run
 * wrote, normalised ({@code Normalised}: no {@code asOf}, what depends on the clock derived at one fixed date, no
 * DUPLICATE or REVISED_AFTER_FINAL findings), keys whose last record is a tombstone left out; the late-crossings topic
 * as a multiset. A digest adds up a 64-bit hash of each (key, value) pair, so it does not depend on the order the
 * pairs were written in, and two runs that leave the same final values digest alike whatever they wrote in between.
 */
public final class OutputDigests {
    /**
     * One topic's digest: the keys (or records, for the multiset) it covers and their sum of hashes; and the records
     * read, overwritten ones and tombstones included (not part of the digest: runs may write more or fewer).
     */
    record Digest(Topic topic, long entries, long sum, long records) {
        @Override
        public String toString() {
            return String.format("%s=%016x (%d)", topic.topicName(), sum, entries);
        }
    }

    /** The engine's output topics, in the order the digests are printed. */
    static final List<Topic> TOPICS = List.of(
            Topic.SPELLS, Topic.CROSSING_OUTCOMES, Topic.TRAVELLER_STATUS, Topic.QUALITY_EVENTS, Topic.LATE_CROSSINGS);

    private static final Map<Topic, AvroSerde<? extends SpecificRecord>> COMPACTED = Map.of(
            Topic.SPELLS, AvroSerde.of(Spell.class),
            Topic.CROSSING_OUTCOMES, AvroSerde.of(CrossingOutcome.class),
            Topic.TRAVELLER_STATUS, AvroSerde.of(TravellerStatus.class),
            Topic.QUALITY_EVENTS, AvroSerde.of(QualityEvent.class));

    private OutputDigests() {}

    /**
     * {@code OutputDigests PREFIX}: the digests of the whole {@code PREFIX}ed output topics, e.g. of a run kept with
     * {@code BENCH_KEEP=1} by another commit's engine, to compare with this one's ({@code ""}: the real topics), and
     * the records each holds ("records TOPIC=N ...").
     */
    public static void main(String[] args) {
        KafkaSettings kafka = KafkaConfiguration.fromEnvironment().settings();
        List<Digest> digests = of(kafka, args[0], Map.of());
        System.out.println("digests "
                + String.join(" ", digests.stream().map(Object::toString).toList()));
        System.out.println("records "
                + String.join(
                        " ",
                        digests.stream()
                                .map(d -> d.topic().topicName() + "=" + d.records())
                                .toList()));
    }

    /** The digests of the records written to the {@code prefix}ed output topics from offsets {@code from} on. */
    static List<Digest> of(KafkaSettings kafka, String prefix, Map<TopicPartition, Long> from) {
        Properties props = kafka.common();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        // A partition ends with a commit marker, which only a fetch moves the position past: do not wait for more.
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        List<Digest> digests = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            for (Topic topic : TOPICS) {
                long[] digest = new long[3]; // {entries, sum, records}
                for (int p = 0; p < topic.partitions(); p++) {
                    TopicPartition partition = new TopicPartition(prefix + topic.topicName(), p);
                    add(consumer, partition, from.getOrDefault(partition, 0L), COMPACTED.get(topic), digest);
                }
                digests.add(new Digest(topic, digest[0], digest[1], digest[2]));
            }
        }
        return digests;
    }

    /**
     * Adds the partition's records from {@code offset} to its end to {@code digest}: with a {@code serde}, the
     * normalised last value per key (none for a tombstone or a value normalisation drops); without, every record.
     */
    private static void add(
            KafkaConsumer<String, byte[]> consumer,
            TopicPartition partition,
            long offset,
            AvroSerde<? extends SpecificRecord> serde,
            long[] digest) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, offset);
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        Map<String, byte[]> last = new HashMap<>();
        while (consumer.position(partition) < end) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                digest[2]++;
                if (serde != null) {
                    last.put(record.key(), normalised(serde, record.value()));
                } else {
                    digest[0]++;
                    digest[1] += hash(record.key(), record.value());
                }
            }
        }
        last.forEach((key, value) -> {
            if (value != null) {
                digest[0]++;
                digest[1] += hash(key, value);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> byte[] normalised(AvroSerde<T> serde, byte[] value) {
        if (value == null) {
            return null;
        }
        Object normal = Normalised.of(serde.deserialize(null, value));
        return normal == null ? null : serde.serialize(null, (T) normal);
    }

    private static long hash(String key, byte[] value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(value);
            return ByteBuffer.wrap(sha.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
