package org.borderflows.loader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.borderflows.intake.CardFormat;
import org.borderflows.intake.CardIntake;
import org.borderflows.intake.CardValidator;
import org.borderflows.intake.IntakePublisher;
import org.borderflows.platform.ArchiveLoad;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.platform.TopicCreator;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;
import org.borderflows.testkit.KafkaTestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader against a real in-process Kafka broker. */
class CardLoaderIT {
    private static final String HEADER = "event_id,card_number,direction,crossed_at,border_post,document_country,"
            + "document_number,birth_date,sex,citizenship,purpose,intended_stay_days,transport";

    private static KafkaTestCluster kafka;
    /** One producer for the class, as one loader process has. */
    private static IntakePublisher publisher;

    @TempDir
    Path dir;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = KafkaTestCluster.start(1);
        try (Admin admin = kafka.admin()) {
            TopicCreator.createMissing(admin, (short) 1);
        }
        kafka.warmUp(List.of(Topic.CROSSINGS.topicName(), Topic.REJECTED_RECORDS.topicName()));
        publisher = IntakePublisher.create(KafkaSettings.of(kafka.bootstrapServers()), "loader-it", Map.of());
        publisher.checkTopics();
    }

    @AfterAll
    static void stopKafka() {
        publisher.close();
        kafka.close();
    }

    private FileLoader.Summary load(Path file, CardFormat format) throws Exception {
        Clock clock = Clock.systemUTC();
        CardIntake intake = new CardIntake(
                new CardValidator(Deployment.DEFAULT, clock, Duration.ofMinutes(10)),
                TravellerPseudonymiser.development(),
                clock);
        return new FileLoader(intake, publisher, clock, Duration.ofSeconds(60)).load(file, format, "it", null);
    }

    private static String row(int i, String documentNumber) {
        return "loader-" + i + ",KZ 00" + i + ",ENTRY,2025-0" + (1 + i % 9) + "-15T10:00:00+05:00,KZ-KOR-ROAD,CHN,"
                + documentNumber + ",1975-11-0" + (1 + i % 9) + ",F,CHN,BUSINESS,14,ROAD";
    }

    @Test
    void aGzippedCsvFileIsPublishedWithItsRejectionsWrittenNextToIt() throws Exception {
        Path file = dir.resolve("cards.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            StringBuilder csv = new StringBuilder(HEADER).append('\n');
            for (int i = 0; i < 100; i++) {
                csv.append(row(i, "G" + (7000000 + i))).append('\n');
            }
            csv.append(row(100, "G7000100").replace(",F,", ",Q,")).append('\n');
            csv.append("broken,\"row\n");
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }

        FileLoader.Summary summary = load(file, CardFormat.CSV);

        assertThat(summary.durable()).as(summary.failure()).isTrue();
        assertThat(summary.accepted()).isEqualTo(100);
        assertThat(summary.rejected()).isEqualTo(2);
        Path rejected = dir.resolve("cards.csv.gz.rejected.ndjson");
        assertThat(summary.rejectionFile()).isEqualTo(rejected);
        List<String> lines = Files.readAllLines(rejected);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0))
                .contains("\"position\":101")
                .contains("\"event_id\":\"loader-100\"")
                .contains("\"field\":\"sex\"")
                .contains("\"code\":\"UNKNOWN_CODE\"")
                .doesNotContain("G7000100");
        assertThat(lines.get(1)).contains("\"position\":102").contains("\"code\":\"MALFORMED\"");
    }

    @Test
    void aCsvRowWithInvalidUtf8IsRejectedNamingItsFieldAndTheOtherRowsArePublished() throws Exception {
        Path file = dir.resolve("latin1.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((HEADER + "\n" + row(1, "G8000001") + "\n").getBytes(StandardCharsets.UTF_8));
            // 0xC3 0x28: a two-byte sequence broken by '(' in citizenship
            String bad = row(2, "G8000002").replace(",F,CHN,", ",F,@,");
            out.write(bad.substring(0, bad.indexOf('@')).getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {(byte) 0xC3, 0x28});
            out.write((bad.substring(bad.indexOf('@') + 1) + "\n" + row(3, "G8000003") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }

        FileLoader.Summary summary = load(file, CardFormat.CSV);

        assertThat(summary.durable()).as(summary.failure()).isTrue();
        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(Files.readAllLines(summary.rejectionFile())).singleElement().satisfies(line -> assertThat(line)
                .contains("\"position\":2")
                .contains("\"field\":\"citizenship\"")
                .contains("\"code\":\"MALFORMED\"")
                .contains("0xC3")
                .contains("\\\\xC3(")
                .doesNotContain("\uFFFD")
                .doesNotContain("G8000002"));
    }

    @Test
    void noRawDocumentNumberAppearsInAnyTopicAfterLoadingAFile() throws Exception {
        Path file = dir.resolve("secrets.ndjson");
        List<String> documentNumbers = new ArrayList<>();
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            String number = "ZQ" + (91_000_000 + i * 7);
            documentNumbers.add(number);
            String sex = i % 10 == 0 ? "Q" : "M"; // every tenth is rejected: its payload must be masked too
            ndjson.append("{\"event_id\":\"secret-")
                    .append(i)
                    .append("\",\"direction\":\"EXIT\",\"crossed_at\":\"2025-06-01T12:00:00Z\",")
                    .append("\"border_post\":\"KZ-ALA-AIR\",\"document_country\":\"RUS\",\"document_number\":\"")
                    .append(i % 2 == 0 ? number : number.substring(0, 4) + " " + number.substring(4))
                    .append("\",\"birth_date\":\"1988-02-29\",\"sex\":\"")
                    .append(sex)
                    .append("\",\"citizenship\":\"RUS\",\"purpose\":\"PRIVATE\"}\n");
        }
        ndjson.append("{\"event_id\":\"secret-broken\",\"document_number\":\"ZQ99999999\"\n");
        documentNumbers.add("ZQ99999999");
        Files.writeString(file, ndjson);

        FileLoader.Summary summary = load(file, CardFormat.NDJSON);
        assertThat(summary.durable()).as(summary.failure()).isTrue();
        assertThat(summary.accepted()).isEqualTo(180);
        assertThat(summary.rejected()).isEqualTo(21);

        List<byte[]> everything = allRecordBytes();
        assertThat(everything.size()).isGreaterThanOrEqualTo(201);
        for (String number : documentNumbers) {
            byte[] needle = number.getBytes(StandardCharsets.UTF_8);
            assertThat(everything).noneMatch(bytes -> contains(bytes, needle));
        }
        assertThat(Files.readString(RejectionFile.pathFor(file))).doesNotContain("ZQ9");
    }

    /**
     * RULES.md §8: an archive load stamps its crossings with its name and ends, once Kafka acknowledged them all,
     * with a completion record per crossings partition naming the offset of its last crossing there; a release
     * names the last offset of every partition.
     */
    @Test
    void anArchiveLoadEndsWithACompletionRecordPerPartitionNamingItsLastCrossing() throws Exception {
        Path file = dir.resolve("archive-2024.csv");
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 60; i++) {
            csv.append(row(i, "H" + (6000000 + i)).replace("loader-", "archive-"))
                    .append('\n');
        }
        Files.writeString(file, csv);
        Clock clock = Clock.systemUTC();
        CardIntake intake = new CardIntake(
                new CardValidator(Deployment.DEFAULT, clock, Duration.ofMinutes(10)),
                TravellerPseudonymiser.development(),
                clock);

        FileLoader.Summary summary = new FileLoader(intake, publisher, clock, Duration.ofSeconds(60))
                .load(file, CardFormat.CSV, "file:archive-2024.csv", "file:archive-2024.csv", null);
        assertThat(summary.durable()).as(summary.failure()).isTrue();

        Map<Integer, Long> lastArchived = new TreeMap<>();
        for (ConsumerRecord<byte[], Crossing> r : kafka.readAll(
                Topic.CROSSINGS.topicName(), Integer.MAX_VALUE, Duration.ofSeconds(3), CardLoaderIT::crossing)) {
            if (r.value() != null
                    && "file:archive-2024.csv".equals(r.value().getIntake().getArchiveLoad())) {
                lastArchived.merge(r.partition(), r.offset(), Math::max);
            }
        }
        assertThat(lastArchived).as("partitions the load wrote to").hasSizeGreaterThan(1);
        assertThat(completions("file:archive-2024.csv")).isEqualTo(lastArchived);

        assertThat(ArchiveRelease.release(
                        KafkaSettings.of(kafka.bootstrapServers()), publisher, "abandoned", Duration.ofSeconds(30)))
                .isTrue();
        Map<Integer, Long> lastOfAll = new TreeMap<>();
        try (Admin admin = kafka.admin()) {
            org.borderflows.testkit.Backfill.endOffsets(admin, List.of(Topic.CROSSINGS.topicName()))
                    .forEach((partition, end) -> {
                        if (end > 0) {
                            lastOfAll.put(partition.partition(), end - 1);
                        }
                    });
        }
        assertThat(completions("abandoned")).isEqualTo(lastOfAll);
    }

    private static Crossing crossing(byte[] value) {
        return value.length == 0
                ? null
                : AvroSerde.of(Crossing.class).deserializer().deserialize("", value);
    }

    /** The completion records of {@code load} on engine-clock: partition to the offset each names. */
    private static Map<Integer, Long> completions(String load) {
        Map<Integer, Long> out = new TreeMap<>();
        for (ConsumerRecord<byte[], Long> r : kafka.readAll(
                Topic.ENGINE_CLOCK.topicName(), Integer.MAX_VALUE, Duration.ofSeconds(3), v -> ByteBuffer.wrap(v)
                        .getLong())) {
            if (ArchiveLoad.completionKey(load).equals(new String(r.key(), StandardCharsets.UTF_8))) {
                out.put(r.partition(), r.value());
            }
        }
        return out;
    }

    /** Keys, values and headers of every record of every topic on the cluster, internal ones included. */
    private static List<byte[]> allRecordBytes() throws Exception {
        Set<String> topics;
        try (Admin admin = kafka.admin()) {
            topics = new HashSet<>(admin.listTopics(new ListTopicsOptions().listInternal(true))
                    .names()
                    .get());
        }
        assertThat(topics).contains(Topic.CROSSINGS.topicName(), Topic.REJECTED_RECORDS.topicName());
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<byte[]> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline
                    && partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() != null) {
                        out.add(r.key());
                    }
                    if (r.value() != null) {
                        out.add(r.value());
                    }
                    for (Header h : r.headers()) {
                        out.add(h.value());
                    }
                }
            }
        }
        return out;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
