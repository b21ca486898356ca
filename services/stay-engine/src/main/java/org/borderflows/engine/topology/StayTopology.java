package org.borderflows.engine.topology;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.Stores;
import org.borderflows.platform.Topic;
import org.borderflows.platform.streams.BeforeCommit;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;

/**
 * The stay engine: crossings in, spells / 12/16 outcomes / traveller status / quality findings out, corrected
 * in place (RULES.md §3-§5, §7, §8).
 *
 * <pre>
 *  crossings (key travellerId, event time = crossedAt) ──► TravellerProcessor ──► spells            (key spellId)
 *                                                              │  ▲               crossing-outcomes (key eventId)
 *       stores: travellers, clock, deferred,           ◄───────┘  │               traveller-status  (key travellerId)
 *               archive-holds                                     │               quality-events    (key issue:eventId)
 *  engine-clock (ticks of every task and archive       ──► ClockProcessor         late-crossings    (key travellerId)
 *                completions, from earliest)                                      engine-clock      (to ALL partitions)
 * </pre>
 *
 * <p>Both sources are in one sub-topology (they share the clock store), so task N reads partition N of crossings
 * and of engine-clock, and its stream time is the max of both: a partition with no crossings still advances.
 */
public final class StayTopology {
    /** Per traveller: kept crossings, carry, hashes of the last outputs ({@link TravellerState}). Key travellerId. */
    public static final String TRAVELLERS_STORE = "travellers";
    /** Per task: {@link #CLOCK_KEY} to the processing clock (stream time, epoch ms). */
    public static final String CLOCK_STORE = "clock";

    public static final String CLOCK_KEY = "clock";

    /** Per task: the travellers whose values wait while the task catches up ({@link CatchUp}), in chunks. */
    static final String DEFERRED_STORE = "deferred";

    /** Per task: travellers held for an archive load in progress ({@link ArchiveHolds}). Key travellerId. */
    static final String ARCHIVE_HOLDS_STORE = "archive-holds";

    /** Runs the travellers processor's output writing before each commit ({@link BeforeCommit}). */
    static final String BEFORE_COMMIT = "outputs-before-commit";

    private StayTopology() {}

    public static void build(StreamsBuilder builder, EngineSettings settings) {
        // No record cache: the processor holds the states of the commit interval itself (HeldStates).
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TRAVELLERS_STORE), Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLOCK_STORE), Serdes.String(), Serdes.Long())
                        .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DEFERRED_STORE), Serdes.Long(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ARCHIVE_HOLDS_STORE), Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(BeforeCommit.store(BEFORE_COMMIT));

        KStream<String, Crossing> crossings = builder.stream(
                settings.topic(Topic.CROSSINGS),
                Consumed.with(Serdes.String(), AvroSerde.of(Crossing.class))
                        .withTimestampExtractor(new EventTime.OfCrossing())
                        .withName("crossings-source"));
        // Earliest: a task with no committed position on engine-clock (a first start, or a task that moves to
        // another instance before its first commit) must still see every tick. Reading from the latest offset
        // would skip the ticks written while a task moved, and a quiet partition's clock would lag: the asOf of
        // the values it writes and the status query's clock (failover IT). Ticks of other applications carry their
        // id and are ignored; an application id re-run from scratch resets engine-clock with its input (README
        // "The clock of quiet partitions").
        KStream<String, Long> ticks = builder.stream(
                settings.topic(Topic.ENGINE_CLOCK),
                Consumed.with(Serdes.String(), Serdes.Long())
                        .withTimestampExtractor(new EventTime.OfClockTick(settings.applicationId()))
                        .withOffsetResetPolicy(AutoOffsetReset.earliest())
                        .withName("clock-source"));
        ticks.process(() -> new ClockProcessor(settings.applicationId()), Named.as("clock-ticks"), CLOCK_STORE);

        EngineOutput.BytesSerde outputSerde = new EngineOutput.BytesSerde();
        InputActivity activity = new InputActivity();
        crossings
                .process(
                        () -> new TravellerProcessor(settings, activity),
                        Named.as("travellers"),
                        TRAVELLERS_STORE,
                        CLOCK_STORE,
                        DEFERRED_STORE,
                        ARCHIVE_HOLDS_STORE,
                        BEFORE_COMMIT)
                .split(Named.as("output-"))
                .branch(
                        (key, out) -> out.topic() == Topic.ENGINE_CLOCK,
                        Branched.withConsumer(
                                ticksOut -> ticksOut.to(
                                        settings.topic(Topic.ENGINE_CLOCK),
                                        Produced.with(Serdes.String(), outputSerde)
                                                .withStreamPartitioner(new ToEveryPartition())
                                                .withName("clock-sink")),
                                "clock"))
                .defaultBranch(Branched.withConsumer(
                        results -> results.to(
                                (key, out, context) -> settings.topic(out.topic()),
                                Produced.with(Serdes.String(), outputSerde).withName("results-sink")),
                        "results"));
    }

    /** Multicast (KIP-837): a clock tick goes to every partition of the clock topic, i.e. to every task. */
    static final class ToEveryPartition implements StreamPartitioner<String, EngineOutput> {
        @Override
        public Optional<Set<Integer>> partitions(String topic, String key, EngineOutput value, int numPartitions) {
            Set<Integer> all = new HashSet<>();
            for (int p = 0; p < numPartitions; p++) {
                all.add(p);
            }
            return Optional.of(all);
        }
    }
}
