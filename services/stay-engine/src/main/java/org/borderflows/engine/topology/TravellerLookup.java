package org.borderflows.engine.topology;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.borderflows.domain.CrossingFact;
import org.borderflows.domain.Evaluation;
import org.borderflows.domain.RuleSettings;
import org.borderflows.domain.TravellerCarry;
import org.borderflows.domain.TravellerTimeline;

/**
 * Interactive query of one traveller (the border agency's status query and stay calculator): finds which instance
 * owns the traveller's partition ({@link KafkaStreams#queryMetadataForKey}); if it is this one, reads the kept
 * history from the travellers store with the partition's processing clock, so days used / remaining and overstays
 * are current even when nothing was re-emitted.
 */
public final class TravellerLookup {
    private final KafkaStreams streams;
    private final HostInfo self;
    private final EngineSettings settings;

    public TravellerLookup(KafkaStreams streams, HostInfo self, EngineSettings settings) {
        this.streams = streams;
        this.self = self;
        this.settings = settings;
    }

    /** What a lookup found. */
    public sealed interface Result {}

    /**
     * This instance owns the key and knows the traveller: its kept history and the partition's clock, and the archive
     * load the traveller is held for while it is in progress (RULES.md §8, {@link ArchiveHolds}), else null.
     */
    public record Found(TravellerCarry carry, List<CrossingFact> crossings, LocalDate clock, String archiveLoad)
            implements Result {
        /** Everything the rules say at the partition's clock. */
        public Evaluation evaluate(RuleSettings rules) {
            return TravellerTimeline.evaluate(carry, crossings, clock, rules);
        }
    }

    /** This instance owns the key, in {@code partition}: read it with {@link #findLocal}. */
    public record Here(int partition) implements Result {}

    /** This instance owns the key; the traveller has never crossed (or is not in this engine's data). */
    public record Unknown() implements Result {}

    /** Another instance owns the key: ask it. */
    public record Elsewhere(HostInfo owner) implements Result {}

    /** Ownership is moving (start-up, rebalance, restore): ask again shortly. */
    public record Unavailable(String reason) implements Result {}

    public Result find(String travellerId) {
        Result where = locate(travellerId);
        return where instanceof Here here ? findLocal(travellerId, here.partition()) : where;
    }

    /** Which instance owns the traveller ({@link Here}, {@link Elsewhere}), without reading any store. */
    public Result locate(String travellerId) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return new Unavailable("engine is " + streams.state());
        }
        KeyQueryMetadata meta;
        try {
            meta = streams.queryMetadataForKey(
                    StayTopology.TRAVELLERS_STORE, travellerId, Serdes.String().serializer());
        } catch (IllegalStateException e) {
            return new Unavailable(e.getMessage());
        }
        if (meta == null || Objects.equals(meta, KeyQueryMetadata.NOT_AVAILABLE)) {
            return new Unavailable("no instance owns the traveller's partition yet");
        }
        return meta.activeHost().equals(self) ? new Here(meta.partition()) : new Elsewhere(meta.activeHost());
    }

    /** Reads this instance's active store for the partition (no stale reads: a standby could lag). */
    public Result findLocal(String travellerId, int partition) {
        try {
            ReadOnlyKeyValueStore<String, byte[]> store = streams.store(StoreQueryParameters.fromNameAndType(
                            StayTopology.TRAVELLERS_STORE, QueryableStoreTypes.<String, byte[]>keyValueStore())
                    .withPartition(partition));
            ReadOnlyKeyValueStore<String, Long> clocks = streams.store(StoreQueryParameters.fromNameAndType(
                            StayTopology.CLOCK_STORE, QueryableStoreTypes.<String, Long>keyValueStore())
                    .withPartition(partition));
            ReadOnlyKeyValueStore<String, byte[]> holds = streams.store(StoreQueryParameters.fromNameAndType(
                            StayTopology.ARCHIVE_HOLDS_STORE, QueryableStoreTypes.<String, byte[]>keyValueStore())
                    .withPartition(partition));
            Result found = read(travellerId, store.get(travellerId), clocks.get(StayTopology.CLOCK_KEY), settings);
            byte[] hold = holds.get(travellerId);
            return found instanceof Found f && hold != null
                    ? new Found(
                            f.carry(),
                            f.crossings(),
                            f.clock(),
                            ArchiveHolds.decode(hold).load())
                    : found;
        } catch (InvalidStateStoreException e) {
            return new Unavailable(e.getMessage());
        }
    }

    /**
     * A traveller's entry of the {@code travellers} store with its partition's {@code clock} store entry: the
     * clock is the task's stream time, or the traveller's latest crossing date before the task stored one.
     */
    public static Result read(String travellerId, byte[] stored, Long clockMs, EngineSettings settings) {
        if (stored == null) {
            return new Unknown();
        }
        TravellerState state = TravellerState.decode(travellerId, stored);
        LocalDate clock = clockMs == null ? state.latestDate : settings.clockDate(clockMs);
        return new Found(state.carry, List.copyOf(state.crossings), clock, null);
    }

    /** A forwarded request: the traveller as this instance finds it, never pointing elsewhere again. */
    public Result findHere(String travellerId) {
        Result r = find(travellerId);
        if (r instanceof Elsewhere) {
            return new Unavailable("this instance no longer owns the traveller");
        }
        return r;
    }
}
