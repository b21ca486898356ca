package org.borderflows.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
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
import org.borderflows.platform.ArchiveLoad;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.Topic;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.query.tables.Cube;
import org.borderflows.query.tables.Datasets;
import org.borderflows.query.tables.OverstayerList;
import org.borderflows.query.tables.Protection;
import org.borderflows.query.tables.Query;
import org.borderflows.query.tables.TableQueries;
import org.borderflows.query.topology.FlowTableTopology;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.Intake;
import org.borderflows.schema.IntakeChannel;
import org.borderflows.schema.Spell;
import org.borderflows.schema.TableCell;
import org.borderflows.simulator.gen.Card;
import org.borderflows.simulator.gen.FaultRates;
import org.borderflows.simulator.gen.Simulation;
import org.borderflows.simulator.out.CardFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RULES.md §8, the acceptance of an archive beside live traffic, on every table: the simulator's traffic of 2024
 * and the first half of 2025 (a realistic mix: tourists, labour migrants, students, frontier workers, settlers,
 * nationals abroad), cut on 1 January 2025. Loading the 2024 archive first, then the live cards, is the reference.
 * Loading the archive beside the live cards (each archived card slipped in at a random place of the live stream,
 * then the loader's completion record) gives every dataset's table of the reference, cell for cell, and the
 * overstayer list of the reference; and half-way through the load the list holds no stay that the cards already
 * behind the clock show ended.
 *
 * <p>Cards go through the intake, the stay engine's topology and the query service's aggregator (each in a
 * TopologyTestDriver) into a cube, and are read with the query service's own {@link TableQueries}.
 */
class ArchiveBesideLiveTablesTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
    private static final Deployment KAZ = Deployment.DEFAULT;
    private static final LocalDate CUT = LocalDate.of(2025, 1, 1);
    private static final Instant NOW = Instant.parse("2025-07-01T00:00:00Z");
    private static final String LOAD = "file:archive-2024.csv";
    private static final RuleSettings RULES = RuleSettings.defaults("KAZ");

    @TempDir
    Path stateDir;

    private int drivers;

    @Test
    void anArchiveBesideLiveTrafficGivesTheTablesOfLoadingItFirst() throws Exception {
        List<Crossing> crossings = crossings(Simulation.run(new Simulation.Settings(
                YearMonth.of(2024, 1), YearMonth.of(2025, 6), 1_500, 0, 7, FaultRates.all(0), ZONE)));
        List<Crossing> archive = crossings.stream()
                .filter(c -> c.getCrossingDate().isBefore(CUT))
                .toList();
        List<Crossing> live = crossings.stream()
                .filter(c -> !c.getCrossingDate().isBefore(CUT))
                .toList();
        long started = System.nanoTime();
        assertThat(archive).hasSizeGreaterThan(1_000);
        assertThat(live).hasSizeGreaterThan(1_000);

        List<Crossing> archiveFirst = new ArrayList<>(archive);
        archiveFirst.addAll(live);
        Map<Topic, List<TestRecord<byte[], byte[]>>> archiveFirstOut = engine(archiveFirst, false);
        Cube reference = cube(archiveFirst, archiveFirstOut);

        List<Crossing> beside = besideLive(new Random(7), archive, live);
        Cube besideCube = cube(beside, engine(beside, true));
        TableQueries expected = queries(reference);
        TableQueries actual = queries(besideCube);

        assertThat(besideCube.asOf()).isEqualTo(reference.asOf());
        int compared = 0;
        for (Datasets.Dataset dataset : Datasets.all()) {
            for (Datasets.Dimension dimension : dataset.dimensions()) {
                Query q = Query.parse(dataset.name(), Map.of("by", by(dimension)));
                assertThat(actual.run(q, false).rows())
                        .as("%s by %s", dataset.name(), by(dimension))
                        .isEqualTo(expected.run(q, false).rows());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(30);
        System.out.printf(
                "archive %d and live %d crossings: %d tables equal (%.0f s)%n",
                archive.size(), live.size(), compared, (System.nanoTime() - started) / 1e9);
        assertThat(actual.overstayers(Map.of()).rows())
                .isEqualTo(expected.overstayers(Map.of()).rows());
        assertThat(expected.overstayers(Map.of()).rows()).isNotEmpty();

        // half-way through the load: no overstayer whose stay the cards already behind the clock show ended
        List<Crossing> firstHalf = beside.subList(0, beside.size() / 2);
        Map<String, LocalDate> ends = stayEnds(archiveFirstOut.get(Topic.SPELLS));
        OverstayerList.Answer halfWay =
                queries(cube(firstHalf, engine(firstHalf, false))).overstayers(Map.of());
        assertThat(halfWay.rows()).isNotEmpty();
        assertThat(halfWay.rows()).as("overstayers as at %s", halfWay.asOf()).noneMatch(row -> {
            LocalDate end = ends.get(row.get("cardNumber") + "@" + row.get("entryDate"));
            return end != null && !end.isAfter(halfWay.asOf());
        });
    }

    private static String by(Datasets.Dimension dimension) {
        return dimension.name().equals("month") ? "month" : "month," + dimension.name();
    }

    /** The accepted crossings of the simulator's cards, through the intake, in delivery order. */
    private static List<Crossing> crossings(Simulation.World world) throws Exception {
        CardIntake intake = new CardIntake(
                new CardValidator(KAZ, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(10)),
                TravellerPseudonymiser.development(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        Submission submission = new Submission(IntakeChannel.HTTP, "simulator", PostPermission.ALL, NOW);
        StringBuilder csv = new StringBuilder(CardFile.csvHeader()).append('\n');
        for (Card card : world.cards()) {
            csv.append(CardFile.csvLine(card)).append('\n');
        }
        List<Crossing> out = new ArrayList<>();
        try (CsvCardReader reader = new CsvCardReader(new StringReader(csv.toString()))) {
            for (RawCard card = reader.next(); card != null; card = reader.next()) {
                if (intake.process(card, submission) instanceof IntakeResult.Accepted accepted) {
                    out.add(accepted.crossing());
                }
            }
        }
        return out;
    }

    /** The live crossings in order, each archived one at a random place, marked, the archive's order kept. */
    private static List<Crossing> besideLive(Random random, List<Crossing> archive, List<Crossing> live) {
        int[] places = random.ints(archive.size(), 0, live.size() + 1).sorted().toArray();
        List<Crossing> out = new ArrayList<>(archive.size() + live.size());
        int a = 0;
        for (int l = 0; l <= live.size(); l++) {
            while (a < archive.size() && places[a] == l) {
                Crossing c = archive.get(a++);
                Intake i = c.getIntake();
                out.add(Crossing.newBuilder(c)
                        .setIntake(new Intake(IntakeChannel.FILE, LOAD, i.getReceivedAt(), LOAD))
                        .build());
            }
            if (l < live.size()) {
                out.add(live.get(l));
            }
        }
        return out;
    }

    /** The engine's outputs for {@code delivery}; {@code complete}: then the load's completion record. */
    private Map<Topic, List<TestRecord<byte[], byte[]>>> engine(List<Crossing> delivery, boolean complete) {
        StreamsBuilder builder = new StreamsBuilder();
        StayTopology.build(
                builder, EngineSettings.defaults("archive-tables", KAZ).withCatchUpBehind(Duration.ZERO));
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props(), NOW)) {
            TestInputTopic<String, Crossing> in = driver.createInputTopic(
                    Topic.CROSSINGS.topicName(), Serdes.String().serializer(), AvroSerde.of(Crossing.class));
            long offset = 0;
            long lastArchived = -1;
            for (Crossing c : delivery) {
                in.pipeInput(new TestRecord<>(c.getTravellerId(), c, c.getCrossedAt()));
                if (c.getIntake().getArchiveLoad() != null) {
                    lastArchived = offset;
                }
                offset++;
            }
            if (complete) {
                driver.createInputTopic(
                                Topic.ENGINE_CLOCK.topicName(),
                                Serdes.String().serializer(),
                                Serdes.Long().serializer())
                        .pipeInput(ArchiveLoad.completionKey(LOAD), lastArchived, NOW);
            }
            Map<Topic, List<TestRecord<byte[], byte[]>>> out = new HashMap<>();
            for (Topic t : List.of(Topic.SPELLS, Topic.CROSSING_OUTCOMES, Topic.QUALITY_EVENTS)) {
                out.put(
                        t,
                        driver.createOutputTopic(
                                        t.topicName(), new ByteArrayDeserializer(), new ByteArrayDeserializer())
                                .readRecordsToList());
            }
            return out;
        }
    }

    /** The aggregator fed with the crossings and the engine's outputs, its table cells in a cube. */
    private Cube cube(List<Crossing> crossings, Map<Topic, List<TestRecord<byte[], byte[]>>> engineOut) {
        Cube cube = new Cube();
        StreamsBuilder builder = new StreamsBuilder();
        FlowTableTopology.build(builder, KAZ.timeZone(), Datasets.contributions());
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props(), NOW)) {
            TestInputTopic<String, Crossing> accepted = driver.createInputTopic(
                    Topic.CROSSINGS.topicName(), Serdes.String().serializer(), AvroSerde.of(Crossing.class));
            crossings.forEach(c -> accepted.pipeInput(c.getTravellerId(), c));
            engineOut.forEach((topic, records) -> {
                TestInputTopic<byte[], byte[]> input = driver.createInputTopic(
                        topic.topicName(), new ByteArraySerializer(), new ByteArraySerializer());
                records.forEach(input::pipeInput);
            });
            var cells = AvroSerde.of(TableCell.class).deserializer();
            for (TestRecord<byte[], byte[]> r : driver.createOutputTopic(
                            Topic.TABLE_CELLS.topicName(), new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList()) {
                cube.apply(
                        new String(r.key(), StandardCharsets.UTF_8),
                        r.value() == null ? null : cells.deserialize(Topic.TABLE_CELLS.topicName(), r.value()));
            }
            cube.commit();
        }
        return cube;
    }

    private static TableQueries queries(Cube cube) {
        return new TableQueries(cube, new Protection("k".getBytes(StandardCharsets.UTF_8)), 1, RULES);
    }

    /** From the spells written for the whole history: start card number and date of each ended stay to its end. */
    private static Map<String, LocalDate> stayEnds(List<TestRecord<byte[], byte[]>> written) {
        Map<String, LocalDate> ends = new HashMap<>();
        var spells = AvroSerde.of(Spell.class).deserializer();
        for (TestRecord<byte[], byte[]> r : written) {
            if (r.value() != null) {
                Spell s = spells.deserialize(Topic.SPELLS.topicName(), r.value());
                String key = s.getStartCardNumber() + "@" + s.getStartDate();
                if (s.getEndDate() != null) {
                    ends.put(key, s.getEndDate());
                } else {
                    ends.remove(key);
                }
            }
        }
        return ends;
    }

    private Properties props() {
        Properties props = new Properties();
        props.put("application.id", "archive-tables-" + drivers);
        props.put("bootstrap.servers", "unused:9092");
        props.put("state.dir", stateDir.resolve("driver-" + drivers++).toString());
        return props;
    }
}
