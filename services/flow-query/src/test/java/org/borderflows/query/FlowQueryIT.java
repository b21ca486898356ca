package org.borderflows.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.platform.TopicCreator;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Direction;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.QualityIssue;
import org.borderflows.schema.RejectedRecord;
import org.borderflows.schema.ResidenceStatus;
import org.borderflows.schema.Sex;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellKind;
import org.borderflows.testkit.KafkaTestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * From the engine's topics on a real broker to the API: a small hand-made set of spells, outcomes, findings,
 * rejections and crossings (with a correction and two retractions), and every dataset's figures computed by
 * hand in the comments. The service under test runs the aggregator and the cell reader against the cluster.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlowQueryIT implements TestPropertyProvider {
    private static final String STAT = "statistician";
    private static final String STAT_PASSWORD = "statistician-dev-password";
    private static final LocalDate CLOCK = LocalDate.of(2026, 3, 31);

    private KafkaTestCluster kafka;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    MeterRegistry meters;

    @Override
    public Map<String, String> getProperties() {
        kafka = KafkaTestCluster.start(1);
        try (Admin admin = kafka.admin()) {
            TopicCreator.createMissing(admin, (short) 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        publish();
        try {
            return Map.of(
                    "border-flows.kafka.bootstrap-servers", kafka.bootstrapServers(),
                    "flow-query.kafka.state-dir",
                            Files.createTempDirectory("flow-query-it").toString(),
                    "flow-query.estimator-min-cohort", "1");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stopKafka() {
        kafka.close();
    }

    // ---- the hand-made world -------------------------------------------------------------------------

    private void publish() {
        KafkaSettings settings = KafkaSettings.of(kafka.bootstrapServers());
        // S1: TJK stay 2026-01-10 .. 2026-02-20, VISIT.
        Spell s1 = Fixtures.closedStay("t1", LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 20), DurationClass.VISIT)
                .setAsOf(CLOCK)
                .build();
        // S2: UZB stay open since 2026-02-05, PENDING (54 days).
        Spell s2 = Fixtures.openStay("t2", LocalDate.of(2026, 2, 5), DurationClass.PENDING, CLOCK)
                .setCitizenship("UZB")
                .setSex(Sex.F)
                .setPurpose(Purpose.TOURISM)
                .setStartBorderPost("KZ-KOR-ROAD")
                .build();
        // S3: KAZ resident abroad for work since 2025-10-01, open, SHORT_TERM provisional: labour emigrant out.
        Spell s3 = Fixtures.openStay("t3", LocalDate.of(2025, 10, 1), DurationClass.SHORT_TERM, CLOCK)
                .setKind(SpellKind.ABSENCE)
                .setCitizenship("KAZ")
                .setLabour(true)
                .build();
        // S4: first open SHORT_TERM since 2025-11-01; the late exit of 2025-12-15 corrects it to a closed VISIT.
        Spell s4Open = Fixtures.openStay("t4", LocalDate.of(2025, 11, 1), DurationClass.SHORT_TERM, CLOCK)
                .build();
        Spell s4Closed = Fixtures.closedStay(
                        "t4", LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 15), DurationClass.VISIT)
                .setAsOf(CLOCK)
                .build();
        // S5: CHN tourist since 2025-12-01 on card MC 5005, authorised until 2026-02-28: suspected in-country
        // overstay; the only expected departure (overstay-rates).
        Spell s5 = Fixtures.openStay("t5", LocalDate.of(2025, 12, 1), DurationClass.SHORT_TERM, CLOCK)
                .setCitizenship("CHN")
                .setPurpose(Purpose.TOURISM)
                .setStartCardNumber("MC 5005")
                .setLatestAuthorisedExit(LocalDate.of(2026, 2, 28))
                .setSuspectedOverstay(true)
                .build();
        // S6: published, then retracted.
        Spell s6 = Fixtures.openStay("t6", LocalDate.of(2026, 3, 1), DurationClass.PENDING, CLOCK)
                .build();
        send(settings, Topic.SPELLS, AvroSerde.of(Spell.class), new Object[][] {
            {s1.getSpellId(), s1}, {s2.getSpellId(), s2}, {s3.getSpellId(), s3}, {s4Open.getSpellId(), s4Open},
            {s4Closed.getSpellId(), s4Closed}, {s5.getSpellId(), s5}, {s6.getSpellId(), s6}, {s6.getSpellId(), null}
        });

        // Outcomes: O1 t1 arrival, provisional not-LTM (final 2026-06-22); O2 t1 departure (non-migrating);
        // O3 t2 arrival provisional LTM; O4 t3 resident departure provisional LTM; O5 t7 arrival 2025-01-15
        // final LTM on 2026-01-15.
        CrossingOutcome o1 = Fixtures.arrival("o1", LocalDate.of(2026, 1, 10), false, LocalDate.of(2026, 6, 22), CLOCK)
                .build();
        CrossingOutcome o2 = Fixtures.arrival("o2", LocalDate.of(2026, 2, 20), false, LocalDate.of(2026, 2, 20), CLOCK)
                .setDirection(Direction.EXIT)
                .build();
        CrossingOutcome o3 = Fixtures.arrival("o3", LocalDate.of(2026, 2, 5), true, LocalDate.of(2027, 2, 5), CLOCK)
                .setCitizenship("UZB")
                .build();
        CrossingOutcome o4 = Fixtures.arrival("o4", LocalDate.of(2025, 10, 1), true, LocalDate.of(2026, 10, 1), CLOCK)
                .setDirection(Direction.EXIT)
                .setStatusBefore(ResidenceStatus.RESIDENT)
                .setStatusAfter(ResidenceStatus.NON_RESIDENT)
                .setCitizenship("KAZ")
                .build();
        CrossingOutcome o5 = Fixtures.arrival("o5", LocalDate.of(2025, 1, 15), true, LocalDate.of(2026, 1, 15), CLOCK)
                .build();
        send(settings, Topic.CROSSING_OUTCOMES, AvroSerde.of(CrossingOutcome.class), new Object[][] {
            {"o1", o1}, {"o2", o2}, {"o3", o3}, {"o4", o4}, {"o5", o5}
        });

        QualityEvent duplicate = QualityEvent.newBuilder(
                        Fixtures.quality(QualityIssue.DUPLICATE, "e9", LocalDate.of(2026, 2, 10), CLOCK))
                .setOccurrences(2)
                .build();
        send(settings, Topic.QUALITY_EVENTS, AvroSerde.of(QualityEvent.class), new Object[][] {
            {"DUPLICATE:e9", duplicate},
            {"ORPHAN_EXIT:e10", Fixtures.quality(QualityIssue.ORPHAN_EXIT, "e10", LocalDate.of(2026, 3, 2), CLOCK)},
            {"ORPHAN_EXIT:e11", Fixtures.quality(QualityIssue.ORPHAN_EXIT, "e11", LocalDate.of(2026, 3, 3), CLOCK)},
            {"ORPHAN_EXIT:e11", null}
        });
        send(settings, Topic.REJECTED_RECORDS, AvroSerde.of(RejectedRecord.class), new Object[][] {
            {"r1", Fixtures.rejected(1, Instant.parse("2026-03-03T06:00:00Z"), "MISSING")},
            {"r2", Fixtures.rejected(2, Instant.parse("2026-03-04T06:00:00Z"), "BAD_FORMAT", "MISSING")}
        });
        send(settings, Topic.CROSSINGS, AvroSerde.of(Crossing.class), new Object[][] {
            {"t-c1", Fixtures.crossing("c1", LocalDate.of(2026, 1, 10), Direction.ENTRY)},
            {"t-c2", Fixtures.crossing("c2", LocalDate.of(2026, 2, 20), Direction.EXIT)},
            {"t-c3", Fixtures.crossing("c3", CLOCK, Direction.ENTRY)}
        });
    }

    @SuppressWarnings("unchecked")
    private static <V> void send(KafkaSettings settings, Topic topic, Serializer<V> serde, Object[][] records) {
        try (KafkaProducer<String, V> producer =
                new KafkaProducer<>(settings.durableProducer("flow-query-it"), new StringSerializer(), serde)) {
            for (Object[] r : records) {
                producer.send(new ProducerRecord<>(topic.topicName(), (String) r[0], (V) r[1]));
            }
            producer.flush();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private HttpResponse<String> get(HttpRequest<?> request) {
        return http.toBlocking().exchange(request, String.class);
    }

    /** Polls (the aggregator is asynchronous) until the statistician's answer equals the expected body. */
    private void awaitExact(String uri, String accept, String expected) throws InterruptedException {
        String last = null;
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            last = get(HttpRequest.GET(uri).basicAuth(STAT, STAT_PASSWORD).accept(accept))
                    .body();
            if (expected.equals(last)) {
                return;
            }
            Thread.sleep(200);
        }
        assertThat(last).isEqualTo(expected);
    }

    private static String json(String dataset, String from, String to, String by, String rows) {
        return "{\"dataset\":\"" + dataset + "\",\"asOf\":\"2026-03-31\",\"protected\":false,\"from\":\"" + from
                + "\",\"to\":\"" + to + "\",\"by\":[" + by + "],\"rows\":[" + rows + "]}";
    }

    // ---- meters --------------------------------------------------------------------------------------

    @Test
    void everyCellOfCardsReceivedIsTimedFromTheNewestCardBehindIt() throws Exception {
        // table-cells was empty at start, so every cell is read live; the crossings and rejections were published
        // just before the service started, and the aggregator stamps each cell with the newest of their times.
        awaitExact("/api/v1/datasets/quality?issue=RECEIVED", "text/csv", "count,status\r\n5,provisional\r\n");
        Timer freshness = meters.get("border_flows.card_to_table").timer();
        assertThat(freshness.count()).as("cells timed").isPositive();
        assertThat(freshness.max(TimeUnit.SECONDS)).as("oldest age, s").isBetween(0.0, 300.0);
    }

    // ---- every dataset, JSON and CSV -----------------------------------------------------------------

    @Test
    void crossingsByMonthAndDirection() throws Exception {
        String uri = "/api/v1/datasets/crossings?by=month,direction";
        awaitExact(
                uri,
                "application/json",
                json(
                        "crossings",
                        "2025-01",
                        "2026-03",
                        "\"month\",\"direction\"",
                        "{\"month\":\"2025-01\",\"direction\":\"ENTRY\",\"count\":1,\"status\":\"final\"},"
                                + "{\"month\":\"2025-10\",\"direction\":\"EXIT\",\"count\":1,\"status\":\"final\"},"
                                + "{\"month\":\"2026-01\",\"direction\":\"ENTRY\",\"count\":1,\"status\":\"final\"},"
                                + "{\"month\":\"2026-02\",\"direction\":\"ENTRY\",\"count\":1,\"status\":\"final\"},"
                                + "{\"month\":\"2026-02\",\"direction\":\"EXIT\",\"count\":1,\"status\":\"final\"}"));
        awaitExact(
                uri,
                "text/csv",
                "month,direction,count,status\r\n2025-01,ENTRY,1,final\r\n2025-10,EXIT,1,final\r\n"
                        + "2026-01,ENTRY,1,final\r\n2026-02,ENTRY,1,final\r\n2026-02,EXIT,1,final\r\n");
    }

    @Test
    void spellsByMonthAndClassAfterTheCorrectionAndTheRetraction() throws Exception {
        // S4 moved from SHORT_TERM to VISIT; S6 retracted.
        String uri = "/api/v1/datasets/spells?by=month,durationClass";
        awaitExact(
                uri,
                "application/json",
                json(
                        "spells",
                        "2025-10",
                        "2026-03",
                        "\"month\",\"durationClass\"",
                        "{\"month\":\"2025-10\",\"durationClass\":\"SHORT_TERM\",\"count\":1,\"status\":\"final\"},"
                                + "{\"month\":\"2025-11\",\"durationClass\":\"VISIT\",\"count\":1,\"status\":\"final\"},"
                                + "{\"month\":\"2025-12\",\"durationClass\":\"SHORT_TERM\",\"count\":1,\"status\":\"final\"},"
                                + "{\"month\":\"2026-01\",\"durationClass\":\"VISIT\",\"count\":1,\"status\":\"final\"},"
                                + "{\"month\":\"2026-02\",\"durationClass\":\"PENDING\",\"count\":1,\"status\":\"final\"}"));
        awaitExact(
                uri + "&format=csv",
                "*/*",
                "month,durationClass,count,status\r\n2025-10,SHORT_TERM,1,final\r\n2025-11,VISIT,1,final\r\n"
                        + "2025-12,SHORT_TERM,1,final\r\n2026-01,VISIT,1,final\r\n2026-02,PENDING,1,final\r\n");
    }

    @Test
    void longTermMigrationsFinalAndEstimated() throws Exception {
        // Clock 2026-03-31 (RULES.md §6, see EstimatesTest for the method). O1 (2026-01, provisionally not a migration:
        // gone back): the 2025-01 cohort is O5, provisional at 2025-03-31 and on the new side then (no time back:
        // final 365 days after mid-January), a migration; none gone back. So the direction's pooled rate is
        // (1 + 2 x 0.5) / (1 + 2) = 2/3 (weight 3) and the groups of O1's situation, empty, keep it: 0.667 -> 0.7.
        // Variance 1 x 2/3 x 1/3 x 4/4 = 0.222 + drift ((2/3 - 0.5)^2 / 2 = 0.0139, no 2024-01 cohort) = 0.236,
        // sd 0.486: 0.667 +/- 0.952 within [0, 1] -> [0, 1]. O3 (2026-02) and O4 (2025-10, a departure) have no
        // cohort in any group: the uniform 0.5, variance 0.25, 0.5 +/- 0.98 within [0, 1] -> [0, 1].
        String uri = "/api/v1/datasets/migration-12-16?by=month";
        awaitExact(
                uri,
                "application/json",
                json(
                        "migration-12-16",
                        "2025-01",
                        "2026-03",
                        "\"month\"",
                        "{\"month\":\"2025-01\",\"finalCount\":1,\"estimate\":1,\"lower\":1,\"upper\":1,\"status\":\"final\"},"
                                + "{\"month\":\"2025-10\",\"finalCount\":0,\"estimate\":0.5,\"lower\":0,\"upper\":1,\"status\":\"estimate\"},"
                                + "{\"month\":\"2026-01\",\"finalCount\":0,\"estimate\":0.7,\"lower\":0,\"upper\":1,\"status\":\"estimate\"},"
                                + "{\"month\":\"2026-02\",\"finalCount\":0,\"estimate\":0.5,\"lower\":0,\"upper\":1,\"status\":\"estimate\"}"));
        awaitExact(
                uri,
                "text/csv",
                "month,finalCount,estimate,lower,upper,status\r\n2025-01,1,1,1,1,final\r\n2025-10,0,0.5,0,1,estimate\r\n"
                        + "2026-01,0,0.7,0,1,estimate\r\n2026-02,0,0.5,0,1,estimate\r\n");
    }

    @Test
    void stockOfStaysAtMonthEnds() throws Exception {
        // End Nov: S4; Dec: S5; Jan: S1 S5; Feb: S2 S5; Mar: S2 S5.
        String uri = "/api/v1/datasets/stock?by=month&from=2025-11&to=2026-03";
        awaitExact(
                uri,
                "application/json",
                json(
                        "stock",
                        "2025-11",
                        "2026-03",
                        "\"month\"",
                        "{\"month\":\"2025-11\",\"count\":1,\"status\":\"final\"},{\"month\":\"2025-12\",\"count\":1,\"status\":\"final\"},"
                                + "{\"month\":\"2026-01\",\"count\":2,\"status\":\"final\"},{\"month\":\"2026-02\",\"count\":2,\"status\":\"final\"},"
                                + "{\"month\":\"2026-03\",\"count\":2,\"status\":\"provisional\"}"));
        awaitExact(
                uri,
                "text/csv",
                "month,count,status\r\n2025-11,1,final\r\n2025-12,1,final\r\n2026-01,2,final\r\n2026-02,2,final\r\n"
                        + "2026-03,2,provisional\r\n");
    }

    @Test
    void labourEmigrantOut() throws Exception {
        String uri = "/api/v1/datasets/labour?by=month,flow";
        awaitExact(
                uri,
                "application/json",
                json(
                        "labour",
                        "2025-10",
                        "2026-03",
                        "\"month\",\"flow\"",
                        "{\"month\":\"2025-10\",\"flow\":\"OUT\",\"count\":1,\"status\":\"final\"}"));
        awaitExact(uri, "text/csv", "month,flow,count,status\r\n2025-10,OUT,1,final\r\n");
    }

    @Test
    void overstaysAndTheAgencyList() throws Exception {
        String uri = "/api/v1/datasets/overstays?by=month,type";
        awaitExact(
                uri,
                "application/json",
                json(
                        "overstays",
                        "2026-03",
                        "2026-03",
                        "\"month\",\"type\"",
                        "{\"month\":\"2026-03\",\"type\":\"IN_COUNTRY\",\"count\":1,\"status\":\"provisional\"}"));
        awaitExact(uri, "text/csv", "month,type,count,status\r\n2026-03,IN_COUNTRY,1,provisional\r\n");
        assertThat(get(HttpRequest.GET("/api/v1/overstayers").basicAuth("agency", "agency-dev-password"))
                        .body())
                .contains("\"cardNumber\":\"MC 5005\"")
                .contains("\"travellerId\":\"t5\"")
                .contains("\"overstayDays\":31");
        assertThat(get(HttpRequest.GET("/api/v1/overstayers?format=csv").basicAuth("agency", "agency-dev-password"))
                        .body())
                .contains("\r\nMC 5005,KZ-ALA-AIR,2025-12-01,2026-02-28,31,CHN,TOURISM,M,25-29,t5,");
        assertThatThrownBy(() -> get(HttpRequest.GET("/api/v1/overstayers").basicAuth(STAT, STAT_PASSWORD)))
                .isInstanceOfSatisfying(
                        HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(403));
    }

    @Test
    void overstayRates() throws Exception {
        // S5 is the one expected departure: month of its latest authorised exit 2026-02-28, no exit, clock past it.
        String uri = "/api/v1/datasets/overstay-rates?by=month,citizenship";
        awaitExact(
                uri,
                "application/json",
                json(
                        "overstay-rates",
                        "2026-02",
                        "2026-03",
                        "\"month\",\"citizenship\"",
                        "{\"month\":\"2026-02\",\"citizenship\":\"CHN\",\"expectedDepartures\":1,"
                                + "\"departedOnTime\":0,\"outOfCountryOverstays\":0,\"inCountryOverstays\":1,"
                                + "\"inCountryNotDue\":0,\"overstays\":1,\"overstayRate\":100.00,"
                                + "\"inCountryOverstayRate\":100.00,\"status\":\"final\"}"));
        awaitExact(
                uri,
                "text/csv",
                "month,citizenship,expectedDepartures,departedOnTime,outOfCountryOverstays,inCountryOverstays,"
                        + "inCountryNotDue,overstays,overstayRate,inCountryOverstayRate,status\r\n"
                        + "2026-02,CHN,1,0,0,1,0,1,100.00,100.00,final\r\n");
    }

    @Test
    void qualityByIssueAndReason() throws Exception {
        // Received: 3 crossings + 2 rejected records; rejected: MISSING 2, BAD_FORMAT 1; e11 retracted.
        String uri = "/api/v1/datasets/quality?by=issue,reason";
        awaitExact(
                uri,
                "application/json",
                json(
                        "quality",
                        "2026-01",
                        "2026-03",
                        "\"issue\",\"reason\"",
                        "{\"issue\":\"DUPLICATE\",\"reason\":\"NONE\",\"count\":2,\"status\":\"provisional\"},"
                                + "{\"issue\":\"ORPHAN_EXIT\",\"reason\":\"NONE\",\"count\":1,\"status\":\"provisional\"},"
                                + "{\"issue\":\"RECEIVED\",\"reason\":\"NONE\",\"count\":5,\"status\":\"provisional\"},"
                                + "{\"issue\":\"REJECTED\",\"reason\":\"BAD_FORMAT\",\"count\":1,\"status\":\"provisional\"},"
                                + "{\"issue\":\"REJECTED\",\"reason\":\"MISSING\",\"count\":2,\"status\":\"provisional\"}"));
        awaitExact(
                uri,
                "text/csv",
                "issue,reason,count,status\r\nDUPLICATE,NONE,2,provisional\r\nORPHAN_EXIT,NONE,1,provisional\r\n"
                        + "RECEIVED,NONE,5,provisional\r\nREJECTED,BAD_FORMAT,1,provisional\r\n"
                        + "REJECTED,MISSING,2,provisional\r\n");
    }

    // ---- protection, caching, errors ------------------------------------------------------------------

    @Test
    void thePublicSeesSmallCountsSuppressed() throws Exception {
        awaitExact("/api/v1/datasets/quality?issue=RECEIVED", "text/csv", "count,status\r\n5,provisional\r\n");
        HttpResponse<String> open = get(HttpRequest.GET("/api/v1/datasets/quality?issue=RECEIVED"));
        assertThat(open.body())
                .contains("\"protected\":true")
                .contains("\"rows\":[{\"count\":null,\"status\":\"suppressed\"}]");
    }

    @Test
    void anUnchangedAnswerIsNotModified() throws Exception {
        awaitExact("/api/v1/datasets/labour", "text/csv", "count,status\r\n1,provisional\r\n");
        HttpResponse<String> first =
                get(HttpRequest.GET("/api/v1/datasets/labour").basicAuth(STAT, STAT_PASSWORD));
        HttpResponse<String> second = get(HttpRequest.GET("/api/v1/datasets/labour")
                .basicAuth(STAT, STAT_PASSWORD)
                .header("If-None-Match", first.header("ETag")));
        assertThat(second.status().getCode()).isEqualTo(304);
    }

    @Test
    void badQuestionsAreRefusedWithTheParameterNamed() {
        for (String[] bad : new String[][] {
            {"/api/v1/datasets/flows", "dataset"},
            {"/api/v1/datasets/crossings?by=colour", "by"},
            {"/api/v1/datasets/crossings?citizenship=tajik", "citizenship"},
            {"/api/v1/datasets/crossings?from=2026-3", "from"},
            {"/api/v1/datasets/crossings?from=2026-03&to=2026-01", "from"}
        }) {
            assertThatThrownBy(() -> get(HttpRequest.GET(bad[0])))
                    .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(400);
                        assertThat(e.getResponse().getBody(String.class).orElseThrow())
                                .contains("\"parameter\":\"" + bad[1] + "\"");
                    });
        }
    }

    @Test
    void aWrongPasswordIsUnauthorized() {
        assertThatThrownBy(
                        () -> get(HttpRequest.GET("/api/v1/datasets/crossings").basicAuth(STAT, "guess")))
                .isInstanceOfSatisfying(
                        HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(401));
    }
}
