package org.borderflows.benchmarks.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.borderflows.platform.Topic;
import org.borderflows.platform.config.KafkaConfiguration;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.CrossingOutcome;

/**
 * {@code RecordsByPersona TRAVELLERS_CSV}: the 12/16 outcome records the engine wrote, by the persona the simulator
 * gave their traveller (its ground truth's {@code travellers.csv}): records, outcomes (keys), records per outcome and
 * share of all records. Says which travellers a replay's records out come from.
 */
public final class RecordsByPersona {
    private RecordsByPersona() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> personas = personas(Path.of(args[0]));
        Map<String, long[]> byPersona = new TreeMap<>(); // records, outcomes
        Set<String> outcomes = new HashSet<>();
        AvroSerde<CrossingOutcome> serde = AvroSerde.of(CrossingOutcome.class);
        Properties props = KafkaConfiguration.fromEnvironment().settings().common();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        String topic = Topic.CROSSING_OUTCOMES.topicName();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            for (int p = 0; p < Topic.CROSSING_OUTCOMES.partitions(); p++) {
                TopicPartition partition = new TopicPartition(topic, p);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long end = consumer.endOffsets(List.of(partition)).get(partition);
                while (consumer.position(partition) < end) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.value() == null) {
                            continue;
                        }
                        String traveller =
                                serde.deserialize(topic, record.value()).getTravellerId();
                        long[] counts = byPersona.computeIfAbsent(
                                personas.getOrDefault(traveller, "(not in the truth)"), k -> new long[2]);
                        counts[0]++;
                        if (outcomes.add(record.key())) {
                            counts[1]++;
                        }
                    }
                }
            }
        }
        long records = byPersona.values().stream().mapToLong(c -> c[0]).sum();
        System.out.printf("  %-26s %12s %10s %12s %7s%n", "persona", "records", "outcomes", "per outcome", "share");
        byPersona.forEach((persona, c) -> System.out.printf(
                "  %-26s %,12d %,10d %12.2f %6.1f%%%n",
                persona, c[0], c[1], c[0] / (double) c[1], 100.0 * c[0] / records));
        System.out.printf(
                "  %-26s %,12d %,10d %12.2f%n", "all", records, outcomes.size(), records / (double) outcomes.size());
    }

    /** Traveller pseudonym to persona, from the truth's travellers.csv (header: ...,persona,...,traveller_id,...). */
    private static Map<String, String> personas(Path travellers) throws IOException {
        List<String> lines = Files.readAllLines(travellers);
        List<String> header = List.of(lines.get(0).split(","));
        int persona = header.indexOf("persona");
        int id = header.indexOf("traveller_id");
        Map<String, String> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            out.put(fields[id], fields[persona]);
        }
        return out;
    }
}
