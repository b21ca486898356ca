package org.borderflows.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.borderflows.domain.RuleSettings;
import org.borderflows.engine.topology.EngineSettings;
import org.borderflows.engine.topology.StayTopology;
import org.borderflows.intake.CardIntake;
import org.borderflows.intake.CardValidator;
import org.borderflows.intake.CsvCardReader;
import org.borderflows.intake.IntakeResult;
import org.borderflows.intake.PostPermission;
import org.borderflows.intake.RawCard;
import org.borderflows.intake.Submission;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.Topic;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.query.tables.Cube;
import org.borderflows.query.tables.Datasets;
import org.borderflows.query.tables.OverstayerList;
import org.borderflows.query.tables.Protection;
import org.borderflows.query.tables.TableQueries;
import org.borderflows.query.topology.FlowTableTopology;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.IntakeChannel;
import org.borderflows.schema.RejectedRecord;
import org.borderflows.schema.TableCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RULES.md §2 on the path of the agency's overstayer list (§7): cards with known document numbers go through the
 * intake (validation and pseudonym, as every channel does), the stay engine's topology and the query service's
 * aggregator, each in a TopologyTestDriver; every record of every topic either writes (internal topics included) and
 * the list's JSON and CSV bodies are searched for the document numbers, as sent and normalised. The list names the
 * entry card's number instead, which travels as the crossing's and then the spell's card number.
 *
 * <p>Cards (clock: the second latest border post's date, 10.09.2026, RULES.md §8):
 *
 * <pre>
 * A UZB tourist, document N00123456, card MC 0001001: entered the airport 01.06.2026, authorised until 29.08.2026
 *   (01.06 + 89 days), no exit: 12 days over on 10.09.2026 -> listed
 * B CHN tourist, document "E 7788-99X": entered by road 01.07.2026, left by air 10.09.2026 (on time)
 * C KAZ citizen, document KZ5566778: left by road 10.09.2026 (an absence)
 * D UZB tourist, document n00999888: entered by road 10.09.2026, not due -> not listed
 * R a card with document ZZ0000777 and sex Q: rejected (its payload is published masked)
 * </pre>
 */
class OverstayerListFromCardsTest {
    private static final Deployment KAZ = Deployment.DEFAULT;
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    private static final String CARDS = "event_id,card_number,direction,crossed_at,border_post,document_country,"
            + "document_number,birth_date,sex,citizenship,purpose,intended_stay_days,transport\n"
            + "a-in,MC 0001001,ENTRY,2026-06-01T10:00:00+05:00,KZ-ALA-AIR,UZB,N00123456,1988-02-03,F,UZB,TOURISM,30,AIR\n"
            + "b-in,MC 0001002,ENTRY,2026-07-01T10:00:00+05:00,KZ-KOR-ROAD,CHN,E 7788-99X,1979-11-30,M,CHN,TOURISM,,ROAD\n"
            + "b-out,MC 0001002,EXIT,2026-09-10T09:00:00+05:00,KZ-ALA-AIR,CHN,E 7788-99X,1979-11-30,M,CHN,TOURISM,,AIR\n"
            + "c-out,KZ 0000003,EXIT,2026-09-10T08:00:00+05:00,KZ-KOR-ROAD,KAZ,KZ5566778,1990-01-01,F,KAZ,WORK,,ROAD\n"
            + "d-in,MC 0001004,ENTRY,2026-09-10T11:00:00+05:00,KZ-KOR-ROAD,UZB,n00999888,2001-07-07,M,UZB,TOURISM,,ROAD\n"
            + "r-in,MC 0001005,ENTRY,2026-09-10T11:30:00+05:00,KZ-ALA-AIR,UZB,ZZ0000777,2001-07-07,Q,UZB,TOURISM,,AIR\n";

    /** Every document number above, as sent and normalised (upper case, no spaces or dashes, RULES.md §2). */
    private static final List<String> DOCUMENT_NUMBERS =
            List.of("N00123456", "E 7788-99X", "E778899X", "KZ5566778", "n00999888", "N00999888", "ZZ0000777");

    @TempDir
    Path stateDir;

    /** Every record written to any topic, as bytes, by topic. */
    private final Map<String, List<byte[]>> written = new LinkedHashMap<>();

    @Test
    void noDocumentNumberReachesAnyTopicOrTheListWhichNamesTheEntryCard() throws IOException {
        // 1. Intake: validation and pseudonym (RULES.md §1-§2).
        CardIntake intake = new CardIntake(
                new CardValidator(KAZ, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5)),
                new TravellerPseudonymiser("system-test-pseudonym-key-32-bytes".getBytes(StandardCharsets.UTF_8)),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Submission submission = new Submission(IntakeChannel.HTTP, "test-client", PostPermission.ALL, NOW);
        List<Crossing> crossings = new ArrayList<>();
        List<RejectedRecord> rejections = new ArrayList<>();
        try (CsvCardReader reader = new CsvCardReader(new StringReader(CARDS))) {
            for (RawCard card = reader.next(); card != null; card = reader.next()) {
                IntakeResult result = intake.process(card, submission);
                if (result instanceof IntakeResult.Accepted accepted) {
                    crossings.add(accepted.crossing());
                } else {
                    rejections.add(((IntakeResult.Rejected) result).rejection());
                }
            }
        }
        assertThat(crossings).hasSize(5);
        assertThat(rejections).hasSize(1);
        for (Crossing c : crossings) {
            record(
                    Topic.CROSSINGS.topicName(),
                    AvroSerde.of(Crossing.class).serializer().serialize("", c));
        }
        for (RejectedRecord r : rejections) {
            record(
                    Topic.REJECTED_RECORDS.topicName(),
                    AvroSerde.of(RejectedRecord.class).serializer().serialize("", r));
        }

        // 2. The stay engine's topology.
        Map<String, List<TestRecord<byte[], byte[]>>> engineOut;
        StreamsBuilder engine = new StreamsBuilder();
        StayTopology.build(
                engine, EngineSettings.defaults("stay-engine-system-test", KAZ).withCatchUpBehind(Duration.ZERO));
        try (TopologyTestDriver driver = new TopologyTestDriver(engine.build(), props("engine"), NOW)) {
            TestInputTopic<String, Crossing> in = driver.createInputTopic(
                    Topic.CROSSINGS.topicName(),
                    new org.apache.kafka.common.serialization.StringSerializer(),
                    AvroSerde.of(Crossing.class));
            for (Crossing c : crossings) {
                in.pipeInput(new TestRecord<>(c.getTravellerId(), c, c.getCrossedAt()));
            }
            engineOut = drain(driver);
        }
        assertThat(engineOut).containsKeys(Topic.SPELLS.topicName(), Topic.CROSSING_OUTCOMES.topicName());

        // 3. The query service's aggregator, fed with the engine's outputs, the crossings and the rejections.
        Cube cube = new Cube();
        StreamsBuilder aggregator = new StreamsBuilder();
        FlowTableTopology.build(aggregator, KAZ.timeZone(), Datasets.contributions());
        try (TopologyTestDriver driver = new TopologyTestDriver(aggregator.build(), props("aggregator"), NOW)) {
            TestInputTopic<String, Crossing> accepted = driver.createInputTopic(
                    Topic.CROSSINGS.topicName(),
                    new org.apache.kafka.common.serialization.StringSerializer(),
                    AvroSerde.of(Crossing.class));
            crossings.forEach(c -> accepted.pipeInput(c.getTravellerId(), c));
            TestInputTopic<String, RejectedRecord> rejected = driver.createInputTopic(
                    Topic.REJECTED_RECORDS.topicName(),
                    new org.apache.kafka.common.serialization.StringSerializer(),
                    AvroSerde.of(RejectedRecord.class));
            rejections.forEach(r -> rejected.pipeInput(r.getSubmitter(), r));
            for (Topic t : List.of(Topic.SPELLS, Topic.CROSSING_OUTCOMES, Topic.QUALITY_EVENTS)) {
                List<TestRecord<byte[], byte[]>> records = engineOut.getOrDefault(t.topicName(), List.of());
                TestInputTopic<byte[], byte[]> input =
                        driver.createInputTopic(t.topicName(), new ByteArraySerializer(), new ByteArraySerializer());
                records.forEach(input::pipeInput);
            }
            Map<String, List<TestRecord<byte[], byte[]>>> cells = drain(driver);
            var cellValues = AvroSerde.of(TableCell.class).deserializer();
            for (TestRecord<byte[], byte[]> r : cells.get(Topic.TABLE_CELLS.topicName())) {
                String key = new String(r.key(), StandardCharsets.UTF_8);
                cube.apply(
                        key,
                        r.value() == null ? null : cellValues.deserialize(Topic.TABLE_CELLS.topicName(), r.value()));
            }
            cube.commit();
        }

        // 4. The list, as the agency gets it.
        TableQueries queries = new TableQueries(
                cube, new Protection("k".getBytes(StandardCharsets.UTF_8)), 1, RuleSettings.defaults("KAZ"));
        OverstayerList.Answer list = queries.overstayers(Map.of());
        String json = list.toJson();
        String csv = list.toCsv();
        assertThat(list.asOf()).hasToString("2026-09-10");
        assertThat(list.rows()).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("cardNumber", "MC 0001001")
                .containsEntry("entryBorderPost", "KZ-ALA-AIR")
                .containsEntry("entryDate", "2026-06-01")
                .containsEntry("latestAuthorisedExit", "2026-08-29")
                .containsEntry("overstayDays", 12L)
                .containsEntry("citizenship", "UZB")
                .containsEntry("purpose", "TOURISM"));
        assertThat(csv).contains("\r\nMC 0001001,KZ-ALA-AIR,2026-06-01,2026-08-29,12,UZB,TOURISM,F,35-39,");

        // 5. No document number anywhere: every topic written (engine and aggregator internals included), the bodies.
        assertThat(written.keySet())
                .contains(
                        Topic.CROSSINGS.topicName(),
                        Topic.REJECTED_RECORDS.topicName(),
                        Topic.SPELLS.topicName(),
                        Topic.TRAVELLER_STATUS.topicName(),
                        Topic.TABLE_CELLS.topicName());
        for (String documentNumber : DOCUMENT_NUMBERS) {
            byte[] needle = documentNumber.getBytes(StandardCharsets.UTF_8);
            written.forEach((topic, records) -> {
                for (byte[] bytes : records) {
                    assertThat(indexOf(bytes, needle))
                            .as("document number %s in a record of %s", documentNumber, topic)
                            .isEqualTo(-1);
                }
            });
            assertThat(json).doesNotContain(documentNumber);
            assertThat(csv).doesNotContain(documentNumber);
        }
        // ... while the same search does find what is there: the card numbers.
        assertThat(written.get(Topic.SPELLS.topicName()).stream()
                        .anyMatch(b -> indexOf(b, "MC 0001001".getBytes(StandardCharsets.UTF_8)) >= 0))
                .isTrue();
    }

    private void record(String topic, byte[] value) {
        written.computeIfAbsent(topic, t -> new ArrayList<>()).add(value);
    }

    /** Every record every topic of the driver received (keys and values), remembered in {@link #written}. */
    private Map<String, List<TestRecord<byte[], byte[]>>> drain(TopologyTestDriver driver) {
        Map<String, List<TestRecord<byte[], byte[]>>> out = new LinkedHashMap<>();
        for (String topic : driver.producedTopicNames()) {
            List<TestRecord<byte[], byte[]>> records = driver.createOutputTopic(
                            topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList();
            out.put(topic, records);
            for (TestRecord<byte[], byte[]> r : records) {
                if (r.key() != null) {
                    record(topic, r.key());
                }
                if (r.value() != null) {
                    record(topic, r.value());
                }
            }
        }
        return out;
    }

    private Properties props(String name) {
        Properties props = new Properties();
        props.put("application.id", "overstayer-list-" + name);
        props.put("bootstrap.servers", "unused:9092");
        props.put("state.dir", stateDir.resolve(name).toString());
        return props;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
