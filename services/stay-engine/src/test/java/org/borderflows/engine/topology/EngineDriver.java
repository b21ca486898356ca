package org.borderflows.engine.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.borderflows.platform.ArchiveLoad;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.Topic;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Intake;
import org.borderflows.schema.IntakeChannel;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.Sex;
import org.borderflows.schema.Spell;
import org.borderflows.schema.TravellerStatus;

/**
 * The stay-engine topology in a TopologyTestDriver, with helpers to write crossings and read the outputs. The
 * driver's wall clock starts at {@link #WALL_CLOCK}; the crossings the helpers build were received when they
 * crossed (years before it), so an engine that catches up ({@link EngineSettings#catchUpBehind}) defers them: the
 * default engine here does not ({@code catchUpBehind} zero), the live path every value is written on.
 */
final class EngineDriver implements AutoCloseable {
    static final String APP = "stay-engine-test";
    static final Deployment KAZ = Deployment.DEFAULT;
    static final Instant WALL_CLOCK = Instant.parse("2026-12-05T12:00:00Z");

    final TopologyTestDriver driver;
    private final TestInputTopic<String, Crossing> crossings;
    private final TestInputTopic<String, Long> clock;
    private final Map<Topic, TestOutputTopic<String, ?>> outputs = new LinkedHashMap<>();
    private final Map<Topic, Map<String, Object>> tables = new LinkedHashMap<>();
    private final Map<Topic, List<KeyValue<String, Object>>> logs = new LinkedHashMap<>();
    private final Map<String, Long> lastArchiveOffset = new LinkedHashMap<>();
    private long crossingsSent;

    EngineDriver() {
        this(EngineSettings.defaults(APP, KAZ).withCatchUpBehind(java.time.Duration.ZERO));
    }

    EngineDriver(EngineSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        StayTopology.build(builder, settings);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // a state directory of its own: another build on the machine may run these tests at the same time
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir().toString());
        driver = new TopologyTestDriver(builder.build(), props, WALL_CLOCK);
        crossings = driver.createInputTopic(
                Topic.CROSSINGS.topicName(), Serdes.String().serializer(), AvroSerde.of(Crossing.class));
        clock = driver.createInputTopic(
                Topic.ENGINE_CLOCK.topicName(),
                Serdes.String().serializer(),
                Serdes.Long().serializer());
        output(Topic.SPELLS, AvroSerde.of(Spell.class));
        output(Topic.CROSSING_OUTCOMES, AvroSerde.of(CrossingOutcome.class));
        output(Topic.TRAVELLER_STATUS, AvroSerde.of(TravellerStatus.class));
        output(Topic.QUALITY_EVENTS, AvroSerde.of(QualityEvent.class));
        output(Topic.LATE_CROSSINGS, AvroSerde.of(Crossing.class));
        output(Topic.ENGINE_CLOCK, Serdes.Long().deserializer());
    }

    private void output(Topic topic, Deserializer<?> values) {
        outputs.put(
                topic,
                driver.createOutputTopic(topic.topicName(), Serdes.String().deserializer(), values));
        tables.put(topic, new LinkedHashMap<>());
        logs.put(topic, new ArrayList<>());
    }

    /** A crossing at 10:00 in Almaty on {@code date}. */
    static Crossing crossing(
            String traveller,
            String eventId,
            Direction direction,
            LocalDate date,
            String citizenship,
            Purpose purpose) {
        Instant at = date.atTime(LocalTime.of(10, 0)).atZone(KAZ.timeZone()).toInstant();
        return Crossing.newBuilder()
                .setEventId(eventId)
                .setTravellerId(traveller)
                .setCardNumber("CARD-" + traveller)
                .setDirection(direction)
                .setCrossedAt(at)
                .setCrossingDate(date)
                .setBorderPost("KZ-ALA-AIR")
                .setDocumentCountry(citizenship)
                .setBirthDate(LocalDate.of(1990, 5, 17))
                .setSex(Sex.F)
                .setCitizenship(citizenship)
                .setPurpose(purpose)
                .setIntake(new Intake(IntakeChannel.HTTP, "KZ-ALA-AIR", at, null))
                .build();
    }

    static Crossing entry(String traveller, String eventId, LocalDate date) {
        return crossing(traveller, eventId, Direction.ENTRY, date, "UZB", Purpose.TOURISM);
    }

    static Crossing exit(String traveller, String eventId, LocalDate date) {
        return crossing(traveller, eventId, Direction.EXIT, date, "UZB", Purpose.TOURISM);
    }

    /** The same crossing at {@code time} (Almaty) on its date: crossedAt and intake time moved. */
    static Crossing at(Crossing c, LocalTime time) {
        Instant at = c.getCrossingDate().atTime(time).atZone(KAZ.timeZone()).toInstant();
        return Crossing.newBuilder(c)
                .setCrossedAt(at)
                .setIntake(new Intake(IntakeChannel.HTTP, c.getBorderPost(), at, null))
                .build();
    }

    EngineDriver send(Crossing... cs) {
        for (Crossing c : cs) {
            crossings.pipeInput(new TestRecord<>(c.getTravellerId(), c, c.getCrossedAt()));
            long offset = crossingsSent++;
            if (c.getIntake().getArchiveLoad() != null) {
                lastArchiveOffset.put(c.getIntake().getArchiveLoad(), offset);
            }
        }
        return this;
    }

    /** The same crossing as a card of the archive load {@code load} (card-loader --archive). */
    static Crossing archived(Crossing c, String load) {
        Intake intake = c.getIntake();
        return Crossing.newBuilder(c)
                .setIntake(new Intake(IntakeChannel.FILE, "file:" + load, intake.getReceivedAt(), load))
                .build();
    }

    /** The loader's completion record of {@code load}: the offset of its last crossing sent (RULES.md §8). */
    EngineDriver archiveComplete(String load) {
        return completionAt(load, lastArchiveOffset.getOrDefault(load, -1L));
    }

    /** A completion record of {@code load} naming {@code lastOffset} in the crossings partition. */
    EngineDriver completionAt(String load, long lastOffset) {
        clock.pipeInput(new TestRecord<>(ArchiveLoad.completionKey(load), lastOffset, WALL_CLOCK));
        return this;
    }

    /** The same crossing received by the intake at {@code receivedAt} (wall clock). */
    static Crossing receivedAt(Crossing c, Instant receivedAt) {
        return Crossing.newBuilder(c)
                .setIntake(new Intake(
                        c.getIntake().getChannel(),
                        c.getIntake().getSubmitter(),
                        receivedAt,
                        c.getIntake().getArchiveLoad()))
                .build();
    }

    /** Moves the driver's wall clock (wall-clock punctuations run). */
    EngineDriver advanceWallClock(java.time.Duration by) {
        driver.advanceWallClockTime(by);
        return this;
    }

    /** A clock tick as another task of the same engine broadcasts it, at noon (Almaty). */
    EngineDriver tick(String applicationId, LocalDate date) {
        return tick(applicationId, date.atTime(LocalTime.NOON));
    }

    /** A clock tick as another task of the same engine broadcasts it, at a local time (Almaty). */
    EngineDriver tick(String applicationId, java.time.LocalDateTime localTime) {
        long ms = localTime.atZone(KAZ.timeZone()).toInstant().toEpochMilli();
        clock.pipeInput(new TestRecord<>(applicationId, ms, Instant.ofEpochMilli(ms)));
        return this;
    }

    /** Drains the output topics into the logs and the "compacted" tables (last value per key, null deletes). */
    private void drain() {
        outputs.forEach((topic, out) -> {
            for (TestRecord<String, ?> r : out.readRecordsToList()) {
                logs.get(topic).add(KeyValue.pair(r.key(), r.value()));
                if (r.value() == null) {
                    tables.get(topic).remove(r.key());
                } else {
                    tables.get(topic).put(r.key(), r.value());
                }
            }
        });
    }

    /** Everything written to a topic so far, in order, tombstones included. */
    @SuppressWarnings("unchecked")
    <V> List<KeyValue<String, V>> log(Topic topic) {
        drain();
        return (List<KeyValue<String, V>>) (List<?>) List.copyOf(logs.get(topic));
    }

    /** A topic as a compacted table would hold it: the last value per key, without deleted keys. */
    @SuppressWarnings("unchecked")
    <V> Map<String, V> table(Topic topic) {
        drain();
        return (Map<String, V>) Map.copyOf(tables.get(topic));
    }

    @Override
    public void close() {
        driver.close(); // TopologyTestDriver deletes its state directory's contents
    }

    private static java.nio.file.Path stateDir() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("stay-engine-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
