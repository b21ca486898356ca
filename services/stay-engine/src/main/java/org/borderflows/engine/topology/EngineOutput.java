package org.borderflows.engine.topology;

import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.borderflows.platform.Topic;

/**
 * One record the engine writes: its topic and its already-encoded value ({@code null} = tombstone). The
 * processor encodes each value once (it needs the bytes anyway to decide whether the value changed), so the
 * sink only passes the bytes on.
 */
public record EngineOutput(Topic topic, byte[] value) {

    /** Writes the carried bytes; never read back (the engine does not consume its own outputs). */
    public static final class BytesSerde implements Serde<EngineOutput>, Serializer<EngineOutput> {
        @Override
        public byte[] serialize(String topic, EngineOutput data) {
            return data == null ? null : data.value();
        }

        @Override
        public Serializer<EngineOutput> serializer() {
            return this;
        }

        @Override
        public Deserializer<EngineOutput> deserializer() {
            return (topic, data) -> {
                throw new UnsupportedOperationException("engine outputs are write-only");
            };
        }

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {}

        @Override
        public void close() {}
    }
}
