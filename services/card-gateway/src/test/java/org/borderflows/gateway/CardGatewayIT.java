package org.borderflows.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.borderflows.gateway.ingest.IngestReport;
import org.borderflows.platform.Topic;
import org.borderflows.platform.TopicCreator;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.RejectedRecord;
import org.borderflows.testkit.KafkaTestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The gateway against a real in-process Kafka broker, through real HTTP. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardGatewayIT implements TestPropertyProvider {
    private static final String HEADER = "event_id,card_number,direction,crossed_at,border_post,document_country,"
            + "document_number,birth_date,sex,citizenship,purpose,intended_stay_days,transport";

    private KafkaTestCluster kafka;

    @Inject
    EmbeddedServer server;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        kafka = KafkaTestCluster.start(1);
        try (Admin admin = kafka.admin()) {
            TopicCreator.createMissing(admin, (short) 1);
            kafka.warmUp(List.of(Topic.CROSSINGS.topicName(), Topic.REJECTED_RECORDS.topicName()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "border-flows.kafka.bootstrap-servers",
                kafka.bootstrapServers(),
                "border-flows.inbound.enabled",
                "false");
    }

    @AfterAll
    void stopKafka() {
        kafka.close();
    }

    private static String row(String eventId, String post, String documentNumber) {
        return eventId + ",AB 1234567,ENTRY,2026-03-01T08:15:00+05:00," + post + ",TJK," + documentNumber
                + ",1990-05-17,M,TJK,WORK,180,AIR";
    }

    private HttpResponse<String> post(String apiKey, String contentType, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        return post(server.getURI(), apiKey, contentType, body);
    }

    private HttpResponse<String> post(URI base, String apiKey, String contentType, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve("/api/v1/crossings")).POST(body);
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private IngestReport report(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), IngestReport.class);
    }

    private ErrorBody errorBody(HttpResponse<String> response) throws IOException {
        return json.readValue(response.body(), ErrorBody.class);
    }

    @Test
    void aMixedCsvBatchAcceptsTheValidRecordsAndRejectsEachInvalidOneWithItsReason() throws Exception {
        String p = "mixed-";
        String post = "KZ-ALA-AIR";
        String csv = String.join(
                "\n",
                HEADER,
                row(p + "ok-1", post, "D1000001"), // 1
                row(p + "ok-2", post, "D1000002"), // 2
                row(p + "ok-1", post, "D1000001"), // 3 duplicate: accepted, counted once downstream
                row(p + "direction", post, "D1000004").replace("ENTRY", "SIDEWAYS"), // 4
                row(p + "crossed-format", post, "D1000005").replace("2026-03-01T08:15:00+05:00", "01.03.2026"), // 5
                row(p + "future", post, "D1000006").replace("2026-03-01T08:15:00+05:00", "2999-01-01T00:00:00Z"), // 6
                row(p + "too-old", post, "D1000007").replace("2026-03-01T08:15:00+05:00", "1980-01-01T00:00:00Z"), // 7
                row(p + "other-post", "KZ-NQZ-AIR", "D1000008"), // 8
                row(p + "doc-country", post, "D1000009").replace(",TJK,D", ",XYZ,D"), // 9
                row(p + "doc-missing", post, ""), // 10
                row(p + "born-later", post, "D1000011").replace("1990-05-17", "2026-03-02"), // 11
                row(p + "sex", post, "D1000012").replace(",M,", ",Q,"), // 12
                row(p + "purpose", post, "D1000013").replace("WORK", "HOLIDAY"), // 13
                row(p + "stay", post, "D1000014").replace(",180,", ",4000,"), // 14
                row(p + "transport", post, "D1000015").replace(",AIR", ",BICYCLE"), // 15
                row(p + "citizenship", post, "D1000016").replace(",TJK,WORK", ",ZZZ,WORK"), // 16
                row(p + "event-id-" + "x".repeat(60), post, "D1000017"), // 17: event_id over 64 characters
                "mixed-broken,\"AB\"x,ENTRY", // 18: malformed CSV line
                row(p + "ok-3", post, "D1000019")); // 19

        IngestReport report = report(post("dev-key-KZ-ALA-AIR", "text/csv", HttpRequest.BodyPublishers.ofString(csv)));

        assertThat(report.accepted()).isEqualTo(4);
        assertThat(report.rejected()).isEqualTo(15);
        assertThat(report.rejectionsTruncated()).isFalse();
        assertThat(report.rejections())
                .extracting(r -> r.position() + ":" + r.errors().get(0).field() + ":"
                        + r.errors().get(0).code())
                .containsExactly(
                        "4:direction:UNKNOWN_CODE",
                        "5:crossed_at:BAD_FORMAT",
                        "6:crossed_at:IN_FUTURE",
                        "7:crossed_at:TOO_OLD",
                        "8:border_post:NOT_OWN_POST",
                        "9:document_country:UNKNOWN_CODE",
                        "10:document_number:MISSING",
                        "11:birth_date:OUT_OF_RANGE",
                        "12:sex:UNKNOWN_CODE",
                        "13:purpose:UNKNOWN_CODE",
                        "14:intended_stay_days:OUT_OF_RANGE",
                        "15:transport:UNKNOWN_CODE",
                        "16:citizenship:UNKNOWN_CODE",
                        "17:event_id:OUT_OF_RANGE",
                        "18:record:MALFORMED");
        assertThat(report.rejections().get(0).eventId()).isEqualTo("mixed-direction");
        assertThat(report.rejections().get(14).eventId()).isNull();

        AvroSerde<Crossing> crossings = AvroSerde.of(Crossing.class);
        List<Crossing> stored = TopicReader.read(
                kafka.bootstrapServers(),
                Topic.CROSSINGS.topicName(),
                b -> crossings.deserialize("crossings", b),
                c -> c.getEventId().startsWith(p),
                4);
        assertThat(stored)
                .extracting(Crossing::getEventId)
                .containsExactlyInAnyOrder("mixed-ok-1", "mixed-ok-2", "mixed-ok-1", "mixed-ok-3");
        assertThat(stored).allSatisfy(c -> {
            assertThat(c.getTravellerId()).hasSize(64);
            assertThat(c.getIntake().getSubmitter()).isEqualTo("KZ-ALA-AIR");
        });

        AvroSerde<RejectedRecord> rejections = AvroSerde.of(RejectedRecord.class);
        List<RejectedRecord> rejected = TopicReader.read(
                kafka.bootstrapServers(),
                Topic.REJECTED_RECORDS.topicName(),
                b -> rejections.deserialize("rejected-records", b),
                r -> r.getPayload().contains("mixed-"),
                15);
        assertThat(rejected).hasSize(15);
        assertThat(rejected).extracting(RejectedRecord::getPosition).contains(4L, 8L, 15L, 16L, 17L, 18L);
        assertThat(rejected).allSatisfy(r -> assertThat(r.getPayload()).doesNotContain("D10000"));
    }

    @Test
    void icaoCodesAreAcceptedAndAnInvalidUtf8FieldRejectsOnlyItsRecord() throws Exception {
        String post = "KZ-ALA-AIR";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes((HEADER + "\n"
                        + row("icao-stateless", post, "I7000001").replace(",TJK,WORK", ",XXA,WORK") + "\n"
                        + row("icao-germany", post, "I7000002").replace(",TJK,I", ",D,I") + "\n"
                        + row("icao-broken", post, "I7000003").replaceAll(",M,TJK,.*", ",M,"))
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xC3, 0x28}); // not UTF-8: citizenship of the third row
        body.writeBytes(
                (",WORK,180,AIR\n" + row("icao-refugee", post, "I7000004").replace(",TJK,WORK", ",XXB,WORK"))
                        .getBytes(StandardCharsets.UTF_8));

        IngestReport report = report(
                post("dev-key-KZ-ALA-AIR", "text/csv", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));

        assertThat(report.accepted()).isEqualTo(3);
        assertThat(report.rejections()).singleElement().satisfies(r -> {
            assertThat(r.position()).isEqualTo(3);
            assertThat(r.eventId()).isEqualTo("icao-broken");
            assertThat(r.errors()).extracting(e -> e.field() + ":" + e.code()).containsExactly("citizenship:MALFORMED");
        });
        AvroSerde<Crossing> crossings = AvroSerde.of(Crossing.class);
        List<Crossing> stored = TopicReader.read(
                kafka.bootstrapServers(),
                Topic.CROSSINGS.topicName(),
                b -> crossings.deserialize("crossings", b),
                c -> c.getEventId().startsWith("icao-"),
                3);
        assertThat(stored)
                .extracting(c -> c.getEventId() + ":" + c.getDocumentCountry() + ":" + c.getCitizenship())
                .containsExactlyInAnyOrder("icao-stateless:TJK:XXA", "icao-germany:DEU:TJK", "icao-refugee:TJK:XXB");
        AvroSerde<RejectedRecord> rejections = AvroSerde.of(RejectedRecord.class);
        List<RejectedRecord> rejected = TopicReader.read(
                kafka.bootstrapServers(),
                Topic.REJECTED_RECORDS.topicName(),
                b -> rejections.deserialize("rejected-records", b),
                r -> "icao-broken".equals(r.getEventId()),
                1);
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.getPayload())
                    .contains("\\\\xC3(")
                    .doesNotContain("\uFFFD")
                    .doesNotContain("I7000003");
            assertThat(r.getCrossingDate()).isEqualTo(java.time.LocalDate.of(2026, 3, 1));
        });
    }

    @Test
    void aPostTheKeyDoesNotCoverIsRejectedAsNotOwnPost() throws Exception {
        String csv = HEADER + "\n" + row("foreign-1", "KZ-KOR-ROAD", "F2000001") + "\n";
        IngestReport report = report(post("dev-key-KZ-ALA-AIR", "text/csv", HttpRequest.BodyPublishers.ofString(csv)));
        assertThat(report.accepted()).isZero();
        assertThat(report.rejections())
                .singleElement()
                .satisfies(r -> assertThat(r.errors().get(0).code()).isEqualTo("NOT_OWN_POST"));
    }

    @Test
    void aJsonArrayAndNdjsonAreAccepted() throws Exception {
        String object = "{\"event_id\":\"%s\",\"direction\":\"EXIT\",\"crossed_at\":\"2026-03-01T08:15:00Z\","
                + "\"border_post\":\"KZ-ALA-AIR\",\"document_country\":\"KAZ\",\"document_number\":\"K3000001\","
                + "\"birth_date\":\"1980-01-01\",\"sex\":\"F\",\"citizenship\":\"KAZ\",\"purpose\":\"TOURISM\"}";
        String array = "[" + object.formatted("json-1") + "," + object.formatted("json-2") + "]";
        assertThat(report(post("dev-simulator-key", "application/json", HttpRequest.BodyPublishers.ofString(array)))
                        .accepted())
                .isEqualTo(2);
        String ndjson = object.formatted("nd-1") + "\n" + object.formatted("nd-2") + "\n";
        assertThat(report(post(
                                "dev-simulator-key",
                                "application/x-ndjson",
                                HttpRequest.BodyPublishers.ofString(ndjson)))
                        .accepted())
                .isEqualTo(2);
    }

    @Test
    void aWrongContentTypeIsRefusedWith415() throws Exception {
        HttpResponse<String> response =
                post("dev-simulator-key", "text/plain", HttpRequest.BodyPublishers.ofString("hello"));
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(errorBody(response).message()).contains("text/plain").contains("text/csv");
    }

    @Test
    void anEmptyBodyIsRefusedWith400() throws Exception {
        HttpResponse<String> response = post("dev-simulator-key", "text/csv", HttpRequest.BodyPublishers.noBody());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(errorBody(response).error()).isEqualTo("EMPTY_BODY");
    }

    @Test
    void aMissingOrUnknownApiKeyIsRefusedWith401() throws Exception {
        String csv = HEADER + "\n" + row("nokey-1", "KZ-ALA-AIR", "U4000001") + "\n";
        assertThat(post(null, "text/csv", HttpRequest.BodyPublishers.ofString(csv))
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> unknown = post("guess", "text/csv", HttpRequest.BodyPublishers.ofString(csv));
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(errorBody(unknown).error()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aFiftyMegabyteNdjsonBodyIsStreamedThroughAndEveryRecordStored() throws Exception {
        byte[] line = ("{\"event_id\":\"big-%08d\",\"card_number\":\"AB 1234567\",\"direction\":\"ENTRY\","
                        + "\"crossed_at\":\"2026-03-01T08:15:00+05:00\",\"border_post\":\"KZ-ZHT-ROAD\","
                        + "\"document_country\":\"UZB\",\"document_number\":\"U%08d\",\"birth_date\":\"1985-06-30\","
                        + "\"sex\":\"M\",\"citizenship\":\"UZB\",\"purpose\":\"WORK\",\"intended_stay_days\":90,"
                        + "\"transport\":\"ROAD\",\"note\":\"%s\"}\n")
                .formatted(0, 0, "x".repeat(150))
                .getBytes(StandardCharsets.UTF_8);
        int records = (50 * 1024 * 1024) / line.length + 1;
        long before = crossingsEndOffset();

        HttpResponse<String> response = post(
                "dev-simulator-key",
                "application/x-ndjson",
                HttpRequest.BodyPublishers.ofInputStream(() -> generated(records)));

        IngestReport report = report(response);
        assertThat(report.accepted()).isEqualTo(records);
        assertThat(report.rejected()).isZero();
        assertThat(crossingsEndOffset() - before).isEqualTo(records);
    }

    /** NDJSON of n records, generated while it is sent (the test never holds the 50 MB either). */
    private static InputStream generated(int n) {
        String template = "{\"event_id\":\"big-%08d\",\"card_number\":\"AB 1234567\",\"direction\":\"ENTRY\","
                + "\"crossed_at\":\"2026-03-01T08:15:00+05:00\",\"border_post\":\"KZ-ZHT-ROAD\","
                + "\"document_country\":\"UZB\",\"document_number\":\"U%08d\",\"birth_date\":\"1985-06-30\","
                + "\"sex\":\"M\",\"citizenship\":\"UZB\",\"purpose\":\"WORK\",\"intended_stay_days\":90,"
                + "\"transport\":\"ROAD\",\"note\":\"" + "x".repeat(150) + "\"}\n";
        return new SequenceInputStream(new Enumeration<>() {
            private int i;

            @Override
            public boolean hasMoreElements() {
                return i < n;
            }

            @Override
            public InputStream nextElement() {
                if (i >= n) {
                    throw new NoSuchElementException();
                }
                StringBuilder chunk = new StringBuilder();
                for (int k = 0; k < 1000 && i < n; k++, i++) {
                    chunk.append(template.formatted(i, i));
                }
                return new ByteArrayInputStream(chunk.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private long crossingsEndOffset() throws Exception {
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
            for (int p = 0; p < Topic.CROSSINGS.partitions(); p++) {
                request.put(new TopicPartition(Topic.CROSSINGS.topicName(), p), OffsetSpec.latest());
            }
            return admin.listOffsets(request).all().get().values().stream()
                    .mapToLong(o -> o.offset())
                    .sum();
        }
    }

    @Test
    void whenKafkaIsUnreachableTheGatewayAnswers503WithRetryAfter() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "border-flows.kafka.bootstrap-servers", "localhost:1",
                "border-flows.inbound.enabled", "false",
                "border-flows.gateway.kafka.max-block", "1s",
                "border-flows.gateway.kafka.delivery-timeout", "2s",
                "micronaut.server.port", "-1"))) {
            EmbeddedServer down = context.getBean(EmbeddedServer.class).start();
            String csv = HEADER + "\n" + row("down-1", "KZ-ALA-AIR", "K5000001") + "\n";
            HttpResponse<String> response =
                    post(down.getURI(), "dev-simulator-key", "text/csv", HttpRequest.BodyPublishers.ofString(csv));
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(errorBody(response).error()).isEqualTo("KAFKA_UNAVAILABLE");
            assertThat(batches(context, "503")).as("503 batches counted").isEqualTo(1);
            assertThat(batches(context, "200")).isZero();
        }
    }

    @Test
    void whenTheGatewayIsBusyItAnswers429WithRetryAfter() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "border-flows.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "border-flows.inbound.enabled", "false",
                "border-flows.gateway.max-concurrent-requests", "0",
                "micronaut.server.port", "-1"))) {
            EmbeddedServer busy = context.getBean(EmbeddedServer.class).start();
            String csv = HEADER + "\n" + row("busy-1", "KZ-ALA-AIR", "B6000001") + "\n";
            HttpResponse<String> response =
                    post(busy.getURI(), "dev-simulator-key", "text/csv", HttpRequest.BodyPublishers.ofString(csv));
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(batches(context, "429")).as("429 batches counted").isEqualTo(1);
        }
    }

    /** The gateway's count of batches answered with this status (border_flows_batches_total on /prometheus). */
    private static double batches(ApplicationContext context, String status) {
        return context.getBean(MeterRegistry.class)
                .get("border_flows.batches")
                .tag("status", status)
                .counter()
                .count();
    }

    @Test
    void theOpenApiDocumentIsServed() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(server.getURI().resolve("/swagger/card-gateway-1.yml"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/crossings");
    }
}
