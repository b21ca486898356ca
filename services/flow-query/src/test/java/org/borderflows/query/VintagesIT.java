package org.borderflows.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.platform.TopicCreator;
import org.borderflows.query.tables.Query;
import org.borderflows.query.tables.TableQueries;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.EstimateVintage;
import org.borderflows.testkit.KafkaTestCluster;
import org.junit.jupiter.api.Test;

/**
 * RULES.md §6 "Revisions" on a real broker: two flow-query instances see the clock leave November 2025 and the
 * November vintage is written once (no October one: they never saw October end); both stop; the facts of November change (late exits) and the clock moves
 * past every final date; a new instance started then reads the kept vintage and its revisions table shows the
 * estimate as it was published on 2025-11-30, not one re-made from what was learnt since.
 *
 * <p>The world is {@code VintagesTest}'s: a 2024-11 cohort (c0-c2 long-term, c3 and c4 not) and four provisional
 * 2025-11 arrivals, p0 and p1 of which turn out to have left on 2025-11-20 and 21.
 */
class VintagesIT {
    private static final LocalDate NOVEMBER_END = LocalDate.of(2025, 11, 30);

    @Test
    void aVintageIsWrittenOnceAndKeptAcrossARestart() throws Exception {
        try (KafkaTestCluster kafka = KafkaTestCluster.start(1)) {
            try (Admin admin = kafka.admin()) {
                TopicCreator.createMissing(admin, (short) 1);
            }
            KafkaSettings settings = KafkaSettings.of(kafka.bootstrapServers());
            List<CrossingOutcome> november = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                november.add(outcome("c" + i, LocalDate.of(2024, 11, 3 + i), true, LocalDate.of(2025, 11, 3 + i)));
            }
            november.add(outcome("c3", LocalDate.of(2024, 11, 8), false, LocalDate.of(2025, 6, 1)));
            november.add(outcome("c4", LocalDate.of(2024, 11, 9), false, LocalDate.of(2025, 2, 1)));
            for (int i = 0; i < 4; i++) {
                november.add(outcome("p" + i, LocalDate.of(2025, 11, 3 + i), true, LocalDate.of(2026, 11, 3 + i)));
            }
            send(settings, november);

            Map<String, Object> published;
            ApplicationContext a = start(kafka);
            ApplicationContext b = start(kafka);
            try {
                TableQueries qa = a.getBean(TableQueries.class);
                TableQueries qb = b.getBean(TableQueries.class);
                await(
                        () -> NOVEMBER_END.equals(qa.cube().asOf())
                                && NOVEMBER_END.equals(qb.cube().asOf())
                                && outcomes(qa) == november.size()
                                && outcomes(qb) == november.size()
                                && estimate(qa) != null
                                && estimate(qa).equals(estimate(qb))
                                && estimate(qa).get("estimate").equals(3.0),
                        "November loaded by both instances");
                published = estimate(qa);
                assertThat(published).containsEntry("status", "estimate");

                // The clock leaves November: both instances find the vintage due at about the same time.
                send(settings, List.of(outcome("x1", LocalDate.of(2025, 12, 1), false, LocalDate.of(2025, 12, 1))));
                await(
                        () -> qa.vintages().kept(YearMonth.of(2025, 11))
                                && qb.vintages().kept(YearMonth.of(2025, 11)),
                        "vintage 2025-11 kept by both instances");
            } finally {
                CompletableFuture.allOf(CompletableFuture.runAsync(a::close), CompletableFuture.runAsync(b::close))
                        .get();
            }
            // Written once: one record per cell (2024-11 and 2025-11, one border post) and the marker.
            Map<String, List<EstimateVintage>> onTopic = vintagesOnTopic(settings);
            assertThat(onTopic.get("2025-11")).hasSize(3);

            // Learnt later: p0 and p1 left on 2025-11-20 and 21 (exits delivered late); by 2027-01-01 every outcome
            // of November 2025 is final, 2 long-term migrations.
            List<CrossingOutcome> later = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                later.add(outcome("p" + i, LocalDate.of(2025, 11, 3 + i), false, LocalDate.of(2026, 3, 22 + i)));
            }
            later.add(outcome("x2", LocalDate.of(2027, 1, 1), false, LocalDate.of(2027, 1, 1)));
            send(settings, later);

            ApplicationContext c = start(kafka);
            try {
                TableQueries qc = c.getBean(TableQueries.class);
                await(
                        () -> LocalDate.of(2027, 1, 1).equals(qc.cube().asOf())
                                && qc.vintages().kept(YearMonth.of(2025, 11))
                                && Long.valueOf(2).equals(stage0(qc).get("finalCount")),
                        "restarted instance at the 2027 clock with the late exits");
                Map<String, Object> stage0 = stage0(qc);
                assertThat(stage0)
                        .containsEntry("vintage", "PUBLISHED")
                        .containsEntry("finalCount", 2L)
                        .containsEntry("estimate", published.get("estimate"))
                        .containsEntry("lower", published.get("lower"))
                        .containsEntry("upper", published.get("upper"));
            } finally {
                c.close();
            }
            Map<String, List<EstimateVintage>> after = vintagesOnTopic(settings);
            // Not written again; and no other vintage: the months that ended while no instance ran were not seen.
            assertThat(after).isEqualTo(onTopic);
        }
    }

    /** The crossings in the instance's 12/16 cells. */
    private static double outcomes(TableQueries q) {
        return q.cube().read(() -> q.cube().cells("migration-12-16").stream()
                .mapToDouble(org.borderflows.query.tables.Cell::count)
                .sum());
    }

    private static Map<String, Object> stage0(TableQueries q) {
        var rows = q.run(
                        Query.parse(
                                "migration-12-16-revisions",
                                Map.of(
                                        "from",
                                        "2025-11",
                                        "to",
                                        "2025-11",
                                        "citizenship",
                                        "TJK",
                                        "by",
                                        "vintage",
                                        "stage",
                                        "0")),
                        false)
                .rows();
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    private static Map<String, Object> estimate(TableQueries q) {
        var rows = q.run(
                        Query.parse(
                                "migration-12-16", Map.of("from", "2025-11", "to", "2025-11", "citizenship", "TJK")),
                        false)
                .rows();
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static CrossingOutcome outcome(String id, LocalDate date, boolean ltm, LocalDate finalDate) {
        return Fixtures.arrival(id, date, ltm, finalDate, date.isAfter(NOVEMBER_END) ? date : NOVEMBER_END)
                .build();
    }

    private static void send(KafkaSettings settings, List<CrossingOutcome> outcomes) {
        try (KafkaProducer<String, CrossingOutcome> producer = new KafkaProducer<>(
                settings.durableProducer("vintages-it"), new StringSerializer(), AvroSerde.of(CrossingOutcome.class))) {
            for (CrossingOutcome o : outcomes) {
                producer.send(new ProducerRecord<>(Topic.CROSSING_OUTCOMES.topicName(), o.getEventId(), o));
            }
            producer.flush();
        }
    }

    /** Every record of the vintages topic, committed ones only, by vintage. */
    private static Map<String, List<EstimateVintage>> vintagesOnTopic(KafkaSettings settings) {
        Properties props = settings.common();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, List<EstimateVintage>> out = new HashMap<>();
        try (KafkaConsumer<String, EstimateVintage> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), AvroSerde.of(EstimateVintage.class))) {
            TopicPartition p = new TopicPartition(Topic.ESTIMATE_VINTAGES.topicName(), 0);
            consumer.assign(List.of(p));
            consumer.seekToBeginning(List.of(p));
            long end = consumer.endOffsets(List.of(p)).get(p);
            while (consumer.position(p) < end) {
                for (ConsumerRecord<String, EstimateVintage> r : consumer.poll(Duration.ofMillis(500))) {
                    out.computeIfAbsent(r.value().getVintage(), k -> new ArrayList<>())
                            .add(r.value());
                }
            }
        }
        return out;
    }

    private static ApplicationContext start(KafkaTestCluster kafka) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", -1);
        props.put("border-flows.kafka.bootstrap-servers", kafka.bootstrapServers());
        props.put(
                "flow-query.kafka.state-dir",
                Files.createTempDirectory("vintages-it").toString());
        props.put("flow-query.estimator-min-cohort", "1");
        props.put("flow-query.vintage-min-month-seconds", "0");
        return ApplicationContext.run(props, "test");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
