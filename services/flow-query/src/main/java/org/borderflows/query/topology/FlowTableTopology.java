package org.borderflows.query.topology;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.borderflows.platform.Topic;
import org.borderflows.platform.streams.BeforeCommit;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.RejectedRecord;
import org.borderflows.schema.Spell;
import org.borderflows.schema.TableCell;

/**
 * The flow-table aggregator (RULES.md §9): from the stay engine's outputs to the cells of every published
 * table, at month grain, written to the compacted {@link Topic#TABLE_CELLS} topic.
 *
 * <pre>
 * spells, crossing-outcomes, quality-events (compacted) --CorrectionProcessor--> cell deltas (-old, +new)
 * crossings, rejected-records (append-only)            --contributions-------> cell deltas (+1)
 * cell deltas --summed per cell until the task commits (in memory, DeltaCombiner)
 *             --repartition by cell key--> sum per cell (store "table-cells-sum") --> table-cells topic
 *             (inside the aggregator a delta or sum is a {@link CellSum}: count and clock, the key names the cell)
 * </pre>
 *
 * <p>Instances of the query service share this application id, so the work is split by partition; every
 * instance then reads the whole (small) table-cells topic into memory, so any instance answers any query.
 * A cell whose count returns to zero is deleted (tombstone on the topic).
 */
public final class FlowTableTopology {
    public static final String APPLICATION_ID = "flow-query-aggregator";
    static final String SPELLS_STORE = "previous-spells";
    static final String OUTCOMES_STORE = "previous-outcomes";
    static final String QUALITY_STORE = "previous-quality-events";
    static final String SUM_STORE = "table-cells-sum";
    static final String BEFORE_COMMIT = "combine-deltas-before-commit";
    /** Where versions before 2026-11-30 kept the combiner's pending sums: drained once after an upgrade. */
    static final String EARLIER_PENDING_STORE = "pending-cell-deltas";

    private FlowTableTopology() {}

    /**
     * The aggregator of the datasets whose {@code contributions} are given (their definitions, {@code
     * tables.Datasets#contributions}), rejections dated in {@code zone}.
     */
    public static void build(StreamsBuilder builder, ZoneId zone, Contributions contributions) {
        build(builder, zone, contributions, Topic.TABLE_CELLS.topicName());
    }

    /** As above, writing the cells to {@code cellsTopic} (the replay benchmark writes beside the real topic). */
    public static void build(StreamsBuilder builder, ZoneId zone, Contributions contributions, String cellsTopic) {
        Serde<String> keys = Serdes.String();
        Serde<TableCell> cells = AvroSerde.of(TableCell.class);

        KStream<String, CellSum> spellDeltas = corrections(
                builder, Topic.SPELLS, SPELLS_STORE, AvroSerde.of(Spell.class), contributions::of, Spell::getAsOf);
        KStream<String, CellSum> outcomeDeltas = corrections(
                builder,
                Topic.CROSSING_OUTCOMES,
                OUTCOMES_STORE,
                AvroSerde.of(CrossingOutcome.class),
                contributions::of,
                CrossingOutcome::getAsOf);
        KStream<String, CellSum> qualityDeltas = corrections(
                builder,
                Topic.QUALITY_EVENTS,
                QUALITY_STORE,
                AvroSerde.of(QualityEvent.class),
                contributions::of,
                QualityEvent::getAsOf);
        KStream<String, CellSum> received = builder.stream(
                        Topic.CROSSINGS.topicName(), Consumed.with(keys, AvroSerde.of(Crossing.class)))
                .filter((k, v) -> v != null)
                .flatMap((k, v) -> contributions.of(v).stream()
                        .map(c -> KeyValue.pair(Cells.key(c), CellSum.of(c)))
                        .toList());
        KStream<String, CellSum> rejected = builder.stream(
                        Topic.REJECTED_RECORDS.topicName(), Consumed.with(keys, AvroSerde.of(RejectedRecord.class)))
                .filter((k, v) -> v != null)
                .flatMap((k, v) -> contributions.of(v, zone).stream()
                        .map(c -> KeyValue.pair(Cells.key(c), CellSum.of(c)))
                        .toList());

        builder.addStateStore(BeforeCommit.store(BEFORE_COMMIT));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(EARLIER_PENDING_STORE), Serdes.String(), CellSum.SERDE));
        spellDeltas
                .merge(outcomeDeltas)
                .merge(qualityDeltas)
                .merge(received)
                .merge(rejected)
                .process(
                        () -> new DeltaCombiner(BEFORE_COMMIT, EARLIER_PENDING_STORE),
                        Named.as("combine-deltas"),
                        BEFORE_COMMIT,
                        EARLIER_PENDING_STORE)
                .groupByKey(Grouped.with("cell-deltas", keys, CellSum.SERDE))
                .aggregate(
                        () -> null,
                        (key, delta, total) -> CellSum.add(total, delta),
                        Materialized.<String, CellSum>as(Stores.persistentKeyValueStore(SUM_STORE))
                                .withKeySerde(keys)
                                .withValueSerde(CellSum.SERDE))
                .toStream()
                .mapValues((key, sum) -> sum == null ? null : Cells.fromKey(key, sum.count(), sum.asOf()))
                .to(cellsTopic, Produced.with(keys, cells));
    }

    /**
     * Settings the aggregator needs whoever runs it (the service, the replay benchmark):
     *
     * <ul>
     *   <li>a 32 MiB record cache (all threads; the default is 10) for the sum store;
     *   <li>{@code max.task.idle.ms = -1}: a task reads five input topics, and with the default (0) Kafka Streams
     *       4.3 formats a log message with {@code String.format} for every empty input partition every time it
     *       checks whether a task may process (PartitionGroup.readyToProcess): 17% of the aggregator's stream
     *       threads in a profile of a 2,000 cards/s run. -1 skips that check. The aggregator only sums deltas, so
     *       the order in which it takes records of different topics changes no count.
     * </ul>
     */
    public static void tune(Properties props) {
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, String.valueOf(32L * 1024 * 1024));
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, String.valueOf(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED));
    }

    private static <V> KStream<String, CellSum> corrections(
            StreamsBuilder builder,
            Topic topic,
            String storeName,
            Serde<V> serde,
            Function<V, List<TableCell>> contributions,
            Function<V, LocalDate> clock) {
        // Not cached: a value whose cells did not change is not written at all (CorrectionProcessor), and the
        // record cache's sorted map cost more than it saved (replay of a 2,000 cards/s run: 47.0 k records/s
        // cached, 48.9 k not).
        builder.addStateStore(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(storeName),
                        Serdes.String(),
                        CountedCells.serde(serde, contributions, clock))
                .withCachingDisabled());
        return builder.stream(topic.topicName(), Consumed.with(Serdes.String(), serde))
                .process(() -> new CorrectionProcessor<>(storeName, contributions, clock), storeName);
    }
}
