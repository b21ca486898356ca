package org.borderflows.query.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.borderflows.domain.CrossingFact;
import org.borderflows.domain.RuleSettings;
import org.borderflows.domain.TravellerTimeline;
import org.borderflows.platform.Topic;
import org.borderflows.query.Fixtures;
import org.borderflows.query.topology.FlowTableTopology;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.Sex;
import org.borderflows.schema.Spell;
import org.borderflows.schema.TableCell;

/**
 * Hand-written itineraries through the real path, for tests that recompute a table by hand: each traveller's
 * crossings go through the rules the stay engine runs ({@link TravellerTimeline}), the spells through the aggregator
 * topology (TopologyTestDriver) to the table-cells topic, the cells into the cube and questions to
 * {@link TableQueries}. The tables' clock is moved by crossings received at the airport (RULES.md §8).
 */
final class RulesToTables implements AutoCloseable {
    static final RuleSettings RULES = RuleSettings.defaults("KAZ");
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    /** A card: entries at 08:00, exits at 18:00 local time, so a same-day visit is in the right order. */
    record Card(Direction direction, LocalDate date) {
        LocalTime time() {
            return direction == Direction.ENTRY ? LocalTime.of(8, 0) : LocalTime.of(18, 0);
        }
    }

    static Card in(int year, int month, int day) {
        return new Card(Direction.ENTRY, LocalDate.of(year, month, day));
    }

    static Card out(int year, int month, int day) {
        return new Card(Direction.EXIT, LocalDate.of(year, month, day));
    }

    private final Cube cube = new Cube();
    private final TableQueries queries;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Spell> spells;
    private final TestInputTopic<String, Crossing> crossings;
    private final TestOutputTopic<String, TableCell> cells;
    private int clockMoves;

    private final Path stateDir;

    /** A driver with its own state directory, deleted by {@link #close}. */
    RulesToTables(String name) {
        try {
            stateDir = Files.createTempDirectory(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        queries = new TableQueries(cube, new Protection(name.getBytes(StandardCharsets.UTF_8)), 1, RULES);
        StreamsBuilder builder = new StreamsBuilder();
        FlowTableTopology.build(builder, ALMATY, Datasets.contributions());
        Properties props = new Properties();
        props.put("application.id", name);
        props.put("bootstrap.servers", "unused:9092");
        props.put("state.dir", stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), props);
        var keys = Serdes.String();
        spells = driver.createInputTopic(Topic.SPELLS.topicName(), keys.serializer(), AvroSerde.of(Spell.class));
        crossings =
                driver.createInputTopic(Topic.CROSSINGS.topicName(), keys.serializer(), AvroSerde.of(Crossing.class));
        cells = driver.createOutputTopic(
                Topic.TABLE_CELLS.topicName(), keys.deserializer(), AvroSerde.of(TableCell.class));
    }

    /** One traveller's crossings through the engine's rules at {@code clock}, the spells through the aggregator. */
    void traveller(
            LocalDate clock, String id, String citizenship, Purpose purpose, String borderPost, List<Card> cards) {
        List<CrossingFact> facts = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            Card c = cards.get(i);
            facts.add(new CrossingFact(
                    id + "-" + i,
                    id,
                    "MC-" + id + "-" + i,
                    c.direction(),
                    c.date().atTime(c.time()).atZone(ALMATY).toInstant(),
                    c.date(),
                    borderPost,
                    citizenship,
                    Sex.F,
                    LocalDate.of(1985, 4, 2),
                    purpose,
                    null));
        }
        for (Spell s : TravellerTimeline.evaluate(null, facts, clock, RULES).spells()) {
            spells.pipeInput(s.getSpellId(), s);
        }
    }

    /** A crossing received at the airport on {@code date}: the tables' clock (RULES.md §8). */
    void clockAt(LocalDate date) {
        Crossing c = Crossing.newBuilder(Fixtures.crossing("clock-" + clockMoves++, date, Direction.ENTRY))
                .setBorderPost("KZ-ALA-AIR")
                .build();
        crossings.pipeInput(c.getTravellerId(), c);
        for (TestRecord<String, TableCell> r : cells.readRecordsToList()) {
            cube.apply(r.key(), r.value());
        }
        cube.commit();
    }

    Table table(String dataset, boolean protect, String... params) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        return queries.run(Query.parse(dataset, p), protect);
    }

    Cube cube() {
        return cube;
    }

    @Override
    public void close() throws IOException {
        driver.close();
        try (var paths = Files.walk(stateDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
