package org.borderflows.benchmarks.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.borderflows.platform.Topic;
import org.borderflows.platform.config.KafkaConfiguration;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.CrossingOutcome;

/**
 * What the aggregator's input is made of: reads the crossing-outcomes topic from the start (before compaction has
 * removed the older values) and sorts every re-publication of an outcome by the fields that changed ({@code asOf}
 * aside). Each kind of change costs the aggregator differently: a changed status before moves the crossing between
 * residence-status cells (and in or out of the 12/16 table), a changed long-term-migration flag moves it between
 * 12/16 cells, a changed final date alone usually costs nothing.
 *
 * <p>Usage: {@code OutcomeRevisions [topic]} (default crossing-outcomes; KAFKA_BOOTSTRAP_SERVERS as everywhere).
 */
public final class OutcomeRevisions {
    private OutcomeRevisions() {}

    public static void main(String[] args) {
        String topic = args.length > 0 ? args[0] : Topic.CROSSING_OUTCOMES.topicName();
        Properties props =
                KafkaConfiguration.fromEnvironment().settings().committedConsumer("outcome-revisions-report");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        AvroSerde<CrossingOutcome> serde = AvroSerde.of(CrossingOutcome.class);
        List<Schema.Field> fields = CrossingOutcome.SCHEMA$.getFields();
        Map<String, CrossingOutcome> latest = new HashMap<>();
        Map<String, Long> byChange = new TreeMap<>();
        long records = 0;
        long firsts = 0;
        long tombstones = 0;
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    records++;
                    if (r.value() == null) {
                        tombstones++;
                        latest.remove(r.key());
                        continue;
                    }
                    CrossingOutcome now = serde.deserialize(topic, r.value());
                    CrossingOutcome before = latest.put(r.key(), now);
                    if (before == null) {
                        firsts++;
                        continue;
                    }
                    List<String> changed = new ArrayList<>();
                    for (Schema.Field f : fields) {
                        if (!f.name().equals("asOf") && !Objects.equals(before.get(f.pos()), now.get(f.pos()))) {
                            changed.add(f.name());
                        }
                    }
                    byChange.merge(changed.isEmpty() ? "(nothing but asOf)" : String.join(" ", changed), 1L, Long::sum);
                }
            }
        }
        System.out.printf(
                "%s: %,d records: %,d first values, %,d re-publications, %,d tombstones; %,d outcomes%n",
                topic, records, firsts, records - firsts - tombstones, tombstones, latest.size());
        System.out.println("re-publications by changed fields:");
        byChange.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf("  %,12d  %s%n", e.getValue(), e.getKey()));
    }
}
