package org.borderflows.engine.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A commit interval's traveller states, decoded, put in the travellers store just before the commit with the
 * outputs. A traveller crossing again within the interval is neither read from the store nor decoded again, and
 * is stored (encoded, changelogged) once; Kafka Streams' record cache would do the same write with a sorted map of
 * byte keys, which is costly per crossing. Dropped with the task like the held outputs: the store and its
 * changelog are at the last commit then.
 *
 * <p>At most {@code capacity} states are held (a few KB each); beyond, they are stored at once. Not holding
 * (outside a Kafka Streams task) stores every state at once.
 */
final class HeldStates {
    private final KeyValueStore<String, byte[]> store;
    private final int capacity;
    private final boolean holding;
    private final Map<String, TravellerState> held = new HashMap<>();

    HeldStates(KeyValueStore<String, byte[]> store, int capacity, boolean holding) {
        this.store = store;
        this.capacity = capacity;
        this.holding = holding;
    }

    /** The traveller's state: held in this commit interval, else from the store; null when unknown. */
    TravellerState load(String travellerId) {
        TravellerState state = held.get(travellerId);
        if (state != null) {
            return state;
        }
        byte[] stored = store.get(travellerId);
        return stored == null ? null : TravellerState.decode(travellerId, stored);
    }

    void hold(String travellerId, TravellerState state) {
        held.put(travellerId, state);
        if (!holding || held.size() >= capacity) {
            storeAll();
        }
    }

    /** Puts every held state in the store in one RocksDB write batch. */
    void storeAll() {
        List<KeyValue<String, byte[]>> batch = new ArrayList<>(held.size());
        held.forEach((travellerId, state) -> batch.add(KeyValue.pair(travellerId, state.encode())));
        store.putAll(batch);
        held.clear();
    }
}
