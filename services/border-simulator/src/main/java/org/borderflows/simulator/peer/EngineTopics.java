package org.borderflows.simulator.peer;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.borderflows.domain.AtClock;
import org.borderflows.domain.RuleSettings;
import org.borderflows.platform.Csv;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.platform.config.DeploymentConfiguration;
import org.borderflows.platform.config.RulesConfiguration;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Spell;

/**
 * Reads the engine's compacted outputs ({@link Topic#SPELLS}, {@link Topic#CROSSING_OUTCOMES}) from the beginning
 * to the current end (read_committed), keeps the latest value per key (a tombstone removes it) and writes them
 * as CSV files that the comparisons load into DuckDB: e_spells.csv and e_outcomes.csv.
 *
 * <p>The engine writes a value when its facts change (RULES.md §8); what depends on the clock (an open spell's
 * class, a suspected overstay, a provisional outcome) is derived here, as any reader does, at the engine's clock:
 * the latest {@code asOf} of the values read.
 */
public final class EngineTopics {
    public static final String SPELLS_HEADER = "traveller_id,start_event_id,kind,state,end_event_id,duration_days,"
            + "duration_class,class_final,labour,latest_authorised_exit,overstay_days,suspected_overstay,as_of\n";
    public static final String OUTCOMES_HEADER =
            "traveller_id,event_id,resident_before,resident_after,long_term_migration,final_date,provisional,as_of\n";

    private EngineTopics() {}

    public record Counts(int spells, int outcomes) {}

    public static Counts read(KafkaSettings settings, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Spell> spells = readLatest(settings, Topic.SPELLS.topicName(), AvroSerde.of(Spell.class));
        Map<String, CrossingOutcome> outcomes =
                readLatest(settings, Topic.CROSSING_OUTCOMES.topicName(), AvroSerde.of(CrossingOutcome.class));
        LocalDate clock = Stream.concat(
                        spells.values().stream().map(Spell::getAsOf),
                        outcomes.values().stream().map(CrossingOutcome::getAsOf))
                .max(LocalDate::compareTo)
                .orElse(LocalDate.EPOCH);
        RuleSettings rules = RulesConfiguration.fromEnvironment()
                .settings(DeploymentConfiguration.fromEnvironment().reportingCountry());
        try (Writer out = Files.newBufferedWriter(dir.resolve("e_spells.csv"))) {
            out.write(SPELLS_HEADER);
            for (Spell fact : spells.values()) {
                Spell s = AtClock.spell(fact, clock, rules);
                out.write(line(
                        s.getTravellerId(),
                        s.getStartEventId(),
                        s.getKind(),
                        s.getState(),
                        s.getEndEventId(),
                        s.getDurationDays(),
                        s.getDurationClass(),
                        s.getClassFinal(),
                        s.getLabour(),
                        s.getLatestAuthorisedExit(),
                        s.getOverstayDays(),
                        s.getSuspectedOverstay(),
                        s.getAsOf()));
            }
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve("e_outcomes.csv"))) {
            out.write(OUTCOMES_HEADER);
            for (CrossingOutcome fact : outcomes.values()) {
                CrossingOutcome o = AtClock.outcome(fact, clock);
                out.write(line(
                        o.getTravellerId(),
                        o.getEventId(),
                        o.getStatusBefore().name().equals("RESIDENT"),
                        o.getStatusAfter().name().equals("RESIDENT"),
                        o.getLongTermMigration(),
                        o.getFinalDate(),
                        o.getProvisional(),
                        o.getAsOf()));
            }
        }
        return new Counts(spells.size(), outcomes.size());
    }

    static <T> Map<String, T> readLatest(KafkaSettings settings, String topic, AvroSerde<?> serde) {
        Properties props = settings.common();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        Map<String, T> latest = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (!caughtUp(consumer, end)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String key = new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
                    @SuppressWarnings("unchecked")
                    T value = (T) serde.deserialize(topic, r.value());
                    if (value == null) {
                        latest.remove(key);
                    } else {
                        latest.put(key, value);
                    }
                }
            }
        }
        return latest;
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    static String line(Object... values) {
        return Csv.record(values) + "\n";
    }
}
