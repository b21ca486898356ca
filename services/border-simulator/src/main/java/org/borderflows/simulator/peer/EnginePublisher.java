package org.borderflows.simulator.peer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.simulator.gen.Card;
import org.borderflows.simulator.gen.Fault;
import org.borderflows.simulator.out.KafkaSink;

/**
 * Times the engine on the peer's own file, in the same run: publishes the file's rows in file order to the
 * inbound topic, then watches the end offsets of {@link Topic#CROSSING_OUTCOMES} and takes the engine's time as
 * publication start to the last growth of that topic (after it has been still for {@code quietSeconds}). The
 * figure therefore covers intake validation + the stay engine, everything between a published card and its
 * 12/16 outcome.
 */
public final class EnginePublisher {
    private EnginePublisher() {}

    public static double publishAndWait(Connection c, KafkaSettings settings, int quietSeconds) throws Exception {
        long start = System.nanoTime();
        long published = 0;
        try (KafkaSink sink = new KafkaSink(settings);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT event_id, card_number, direction, crossed_at, border_post, "
                        + "document_country, document_number, birth_date, sex, citizenship, purpose, "
                        + "intended_stay_days, transport FROM raw ORDER BY rowid")) {
            while (r.next()) {
                sink.send(new Card(
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        r.getString(6),
                        r.getString(7),
                        r.getString(8),
                        r.getString(9),
                        r.getString(10),
                        r.getString(11),
                        integer(r.getString(12)),
                        r.getString(13),
                        0,
                        0,
                        false,
                        Fault.NONE,
                        ""));
                published++;
            }
        }
        System.out.printf(
                "engine: published %,d cards to %s in %.1f s; waiting for %s to settle...%n",
                published,
                Topic.CARD_RECORDS_INBOUND.topicName(),
                (System.nanoTime() - start) / 1e9,
                Topic.CROSSING_OUTCOMES.topicName());
        long lastGrowth = System.nanoTime();
        long lastEnd = -1;
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(settings.common(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (PartitionInfo p :
                    consumer.partitionsFor(Topic.CROSSING_OUTCOMES.topicName(), Duration.ofSeconds(30))) {
                parts.add(new TopicPartition(p.topic(), p.partition()));
            }
            while (System.nanoTime() - lastGrowth < quietSeconds * 1_000_000_000L) {
                Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
                long end = ends.values().stream().mapToLong(Long::longValue).sum();
                if (end != lastEnd) {
                    lastEnd = end;
                    lastGrowth = System.nanoTime();
                }
                Thread.sleep(250);
            }
        }
        return (lastGrowth - start) / 1e9;
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
