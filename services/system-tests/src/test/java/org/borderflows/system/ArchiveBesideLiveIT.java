package org.borderflows.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.borderflows.engine.topology.EngineSettings;
import org.borderflows.engine.topology.StayTopology;
import org.borderflows.engine.topology.TravellerLookup;
import org.borderflows.intake.CardFormat;
import org.borderflows.intake.CardIntake;
import org.borderflows.intake.CardValidator;
import org.borderflows.intake.CsvCardReader;
import org.borderflows.intake.IntakePublisher;
import org.borderflows.intake.PostPermission;
import org.borderflows.intake.PublishBatch;
import org.borderflows.intake.RawCard;
import org.borderflows.intake.Submission;
import org.borderflows.loader.FileLoader;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.platform.TopicCreator;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.IntakeChannel;
import org.borderflows.schema.Spell;
import org.borderflows.testkit.Backfill;
import org.borderflows.testkit.KafkaTestCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RULES.md §8 on a real broker, with the card loader and the stay engine's Kafka Streams application: an agency
 * loads its 2025 archive (card-loader --archive) while live cards of this week stream in. 20 Uzbek tourists of the
 * archive entered on Saturday 1 March 2025 and left on Thursday 20 March 2025; 20 live travellers entered two days
 * ago. Read at today's clock, an archived entry without its exit is a stay hundreds of days past its last
 * authorised day (29 May 2025).
 *
 * <ol>
 *   <li>the live cards and the archive's entries are in, the load still running: the engine has processed them
 *       all, and has written the live travellers' spells and nothing of the archive's travellers; the status query
 *       names the load in progress;
 *   <li>the loader publishes the archive's exits and its completion records: every archived stay is written once,
 *       closed, 1-20 March 2025, and no open spell of an archived traveller was ever written.
 * </ol>
 */
class ArchiveBesideLiveIT {
    private static final String APP = "archive-beside-live-it";
    private static final String LOAD = "file:archive-2025.csv";
    /** This instance, as the status query's routing names it (nothing listens: the store is read in-process). */
    private static final HostInfo SELF = new HostInfo("localhost", 18082);

    private static final int TRAVELLERS = 20;
    private static final Deployment KAZ = Deployment.DEFAULT;
    private static final String HEADER = "event_id,card_number,direction,crossed_at,border_post,document_country,"
            + "document_number,birth_date,sex,citizenship,purpose,intended_stay_days,transport";
    private static final LocalDate ENTERED = LocalDate.of(2025, 3, 1);
    private static final LocalDate LEFT = LocalDate.of(2025, 3, 20);

    private final TravellerPseudonymiser pseudonyms = TravellerPseudonymiser.development();
    private final Clock clock = Clock.systemUTC();

    @TempDir
    Path dir;

    @Test
    void anArchiveBesideLiveTrafficIsHeldUntilItsCompletionThenWrittenOnce() throws Exception {
        try (KafkaTestCluster kafka = KafkaTestCluster.start(1)) {
            try (Admin admin = kafka.admin()) {
                TopicCreator.createMissing(admin, (short) 1);
            }
            List<String> topics =
                    Arrays.stream(Topic.values()).map(Topic::topicName).toList();
            kafka.awaitLeaders(topics);
            // the topics this test's producers write; tombstones, which the engine skips
            kafka.warmUp(List.of(Topic.CROSSINGS.topicName(), Topic.ENGINE_CLOCK.topicName()), null);
            KafkaSettings settings = KafkaSettings.of(kafka.bootstrapServers());
            CardIntake intake =
                    new CardIntake(new CardValidator(KAZ, clock, Duration.ofMinutes(10)), pseudonyms, clock);

            try (KafkaStreams engine = startEngine(settings);
                    IntakePublisher publisher = IntakePublisher.create(settings, "archive-it", Map.of());
                    Admin admin = kafka.admin()) {
                LocalDate twoDaysAgo = LocalDate.now(KAZ.timeZone()).minusDays(2);
                publish(publisher, intake, cards("live", "ENTRY", twoDaysAgo), null);
                publish(publisher, intake, cards("archived", "ENTRY", ENTERED), LOAD);
                awaitProcessed(admin);

                Set<String> written =
                        spells(kafka).stream().map(Spell::getTravellerId).collect(Collectors.toSet());
                assertThat(written).containsAll(travellers("live"));
                assertThat(written)
                        .as("the load is running: nothing of its travellers is written")
                        .doesNotContainAnyElementsOf(travellers("archived"));
                TravellerLookup lookup = new TravellerLookup(engine, SELF, EngineSettings.defaults(APP, KAZ));
                String archivedTraveller = travellers("archived").iterator().next();
                assertThat(lookup.find(archivedTraveller))
                        .as("the status query names the load in progress")
                        .isInstanceOfSatisfying(TravellerLookup.Found.class, found -> assertThat(found.archiveLoad())
                                .isEqualTo(LOAD));

                Path exits = dir.resolve("archive-2025.csv");
                Files.writeString(exits, HEADER + "\n" + String.join("\n", cards("archived", "EXIT", LEFT)) + "\n");
                FileLoader.Summary loaded = new FileLoader(intake, publisher, clock, Duration.ofSeconds(60))
                        .load(exits, CardFormat.CSV, LOAD, LOAD, null);
                assertThat(loaded.durable()).as(loaded.failure()).isTrue();
                awaitProcessed(admin);

                List<Spell> archived = awaitSpellsOf(kafka, travellers("archived"));
                assertThat(lookup.find(archivedTraveller))
                        .isInstanceOfSatisfying(TravellerLookup.Found.class, found -> assertThat(found.archiveLoad())
                                .isNull());
                assertThat(archived)
                        .as("each archived stay written once, closed")
                        .hasSize(TRAVELLERS)
                        .allSatisfy(spell -> {
                            assertThat(spell.getStartDate()).isEqualTo(ENTERED);
                            assertThat(spell.getEndDate()).isEqualTo(LEFT);
                        });
            }
        }
    }

    /** CSV rows of travellers {@code prefix}-0.. crossing in {@code direction} at 10:00 on {@code date}. */
    private static List<String> cards(String prefix, String direction, LocalDate date) {
        String at = date.atTime(10, 0).atZone(ZoneId.of("Asia/Almaty")).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < TRAVELLERS; i++) {
            rows.add(String.join(
                    ",",
                    prefix + "-" + direction + "-" + i,
                    "MC " + i,
                    direction,
                    at,
                    "KZ-ALA-AIR",
                    "UZB",
                    document(prefix, i),
                    "1990-01-01",
                    "F",
                    "UZB",
                    "TOURISM",
                    "",
                    "AIR"));
        }
        return rows;
    }

    private static String document(String prefix, int i) {
        return (prefix.equals("live") ? "L" : "A") + String.format("%07d", i);
    }

    private Set<String> travellers(String prefix) {
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < TRAVELLERS; i++) {
            ids.add(pseudonyms.pseudonym("UZB", document(prefix, i), LocalDate.of(1990, 1, 1)));
        }
        return ids;
    }

    /** The cards through the intake to the topics, as the gateway (load null) or a loader run that has not ended. */
    private void publish(IntakePublisher publisher, CardIntake intake, List<String> rows, String load)
            throws Exception {
        Submission submission = new Submission(
                load == null ? IntakeChannel.HTTP : IntakeChannel.FILE,
                load == null ? "KZ-ALA-AIR" : load,
                PostPermission.ALL,
                clock.instant(),
                load);
        PublishBatch batch = new PublishBatch();
        try (CsvCardReader reader =
                new CsvCardReader(new java.io.StringReader(HEADER + "\n" + String.join("\n", rows)))) {
            for (RawCard card = reader.next(); card != null; card = reader.next()) {
                publisher.publish(intake.process(card, submission), batch);
            }
        }
        publisher.flush();
        assertThat(batch.awaitAll(Duration.ofSeconds(60)))
                .as(String.valueOf(batch.failure()))
                .isTrue();
        assertThat(batch.acknowledgedCrossings()).isEqualTo(TRAVELLERS);
    }

    private KafkaStreams startEngine(KafkaSettings settings) throws Exception {
        Properties props = settings.streams(APP);
        props.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createDirectories(dir.resolve("state")).toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, SELF.host() + ":" + SELF.port());
        StreamsBuilder builder = new StreamsBuilder();
        StayTopology.build(builder, EngineSettings.defaults(APP, KAZ));
        KafkaStreams streams = new KafkaStreams(builder.build(props), props);
        streams.start();
        return streams;
    }

    /** Until the engine has committed every crossing written so far (3 minutes at most). */
    private static void awaitProcessed(Admin admin) throws Exception {
        Map<TopicPartition, Long> ends = Backfill.endOffsets(admin, List.of(Topic.CROSSINGS.topicName()));
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(APP)
                    .partitionsToOffsetAndMetadata()
                    .get();
            if (ends.entrySet().stream().allMatch(e -> {
                OffsetAndMetadata c = committed.get(e.getKey());
                return c != null && c.offset() >= e.getValue();
            })) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the engine did not process the crossings " + ends + " in 3 minutes");
    }

    /** Every spell value written so far, in order (tombstones left out). */
    private static List<Spell> spells(KafkaTestCluster kafka) {
        return kafka
                .readAll(Topic.SPELLS.topicName(), Integer.MAX_VALUE, Duration.ofSeconds(3), bytes -> AvroSerde.of(
                                Spell.class)
                        .deserializer()
                        .deserialize(Topic.SPELLS.topicName(), bytes))
                .stream()
                .map(r -> r.value())
                .filter(v -> v != null)
                .toList();
    }

    /** Every spell value written of {@code travellers}, once all of them have one (2 minutes at most). */
    private static List<Spell> awaitSpellsOf(KafkaTestCluster kafka, Set<String> travellers) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        List<Spell> theirs = List.of();
        while (System.nanoTime() < deadline) {
            theirs = spells(kafka).stream()
                    .filter(s -> travellers.contains(s.getTravellerId()))
                    .toList();
            if (theirs.stream().map(Spell::getTravellerId).distinct().count() == travellers.size()) {
                return theirs;
            }
        }
        return theirs;
    }
}
