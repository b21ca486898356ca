package org.borderflows.engine.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.borderflows.platform.Topic;

/**
 * A commit interval's values for the compacted output topics, the latest per topic and key, sent just before the
 * task commits ({@link org.borderflows.platform.streams.BeforeCommit}), inside the transaction of the crossings
 * they come from. A reader of a compacted topic needs only the last value of a key, and a traveller crossing again
 * within one commit interval (a backfill, a commuter) re-writes the same outcomes and status: each key is then
 * encoded and sent once. In memory only: a task that dies before its commit aborts its transaction and reads its
 * crossings again.
 *
 * <p>At most {@code capacity} values are held (about 1 KB each): beyond, they are sent at once, so memory stays
 * bounded whatever the commit interval. Not holding (outside a Kafka Streams task) sends every value at once.
 */
final class OutputBuffer {

    /** Where encoded values go: the processor's context. A null value is a tombstone. */
    interface Sink {
        void send(Topic topic, String key, byte[] value, long timestamp);
    }

    private record Key(Topic topic, String key) {}

    private record Held(SpecificRecord value, long timestamp) {}

    private final OutputEncoder encoder;
    private final Sink sink;
    private final int capacity;
    private final Map<Key, Held> held = new LinkedHashMap<>();
    private boolean holding;

    OutputBuffer(OutputEncoder encoder, Sink sink, int capacity) {
        this.encoder = encoder;
        this.sink = sink;
        this.capacity = capacity;
    }

    /** Drops what was held (a task revived at its last commit) and says whether to hold until commits. */
    void reset(boolean holding) {
        this.holding = holding;
        held.clear();
    }

    /** A value (null: a tombstone) for a compacted topic; replaces what the key held. */
    void write(Topic topic, String key, SpecificRecord value, long timestamp) {
        held.put(new Key(topic, key), new Held(value, timestamp));
        if (!holding || held.size() >= capacity) {
            flush();
        }
    }

    /** Encodes and sends everything held, in the order the keys were first written. */
    void flush() {
        for (Map.Entry<Key, Held> e : held.entrySet()) {
            Held h = e.getValue();
            byte[] bytes = h.value() == null ? null : encoder.encode(h.value());
            sink.send(e.getKey().topic(), e.getKey().key(), bytes, h.timestamp());
        }
        held.clear();
    }

    int size() {
        return held.size();
    }
}
