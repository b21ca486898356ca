package org.borderflows.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/** Every RocksDB store of the JVM in one memory budget ({@link BoundedRocksDbMemory}), on real RocksDB stores. */
class BoundedRocksDbMemoryTest {
    private static final long BUDGET = 8L << 20;

    @Test
    void twoStoresCountCorrectlyInOneSharedCache() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("entries", Consumed.with(Serdes.String(), Serdes.String()))
                .groupByKey()
                .count(Materialized.as("entries-per-traveller"));
        builder.stream("exits", Consumed.with(Serdes.String(), Serdes.String()))
                .groupByKey()
                .count(Materialized.as("exits-per-traveller"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bounded-memory-test");
        props.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("bounded-memory").toString());
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0"); // every update reaches RocksDB
        props.putAll(BoundedRocksDbMemory.properties(BUDGET));

        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, String> entries =
                    driver.createInputTopic("entries", new StringSerializer(), new StringSerializer());
            TestInputTopic<String, String> exits =
                    driver.createInputTopic("exits", new StringSerializer(), new StringSerializer());
            for (int i = 0; i < 3_000; i++) {
                entries.pipeInput("traveller-" + i % 1_000, "entry");
                exits.pipeInput("traveller-" + i % 500, "exit");
            }
            KeyValueStore<String, Long> entryCounts = driver.getKeyValueStore("entries-per-traveller");
            KeyValueStore<String, Long> exitCounts = driver.getKeyValueStore("exits-per-traveller");
            assertThat(entryCounts.get("traveller-7")).isEqualTo(3L);
            assertThat(exitCounts.get("traveller-7")).isEqualTo(6L);
            assertThat(BoundedRocksDbMemory.sharedBytes()).isEqualTo(BUDGET);
            assertThat(BoundedRocksDbMemory.usage())
                    .as("memtables counted in the shared cache")
                    .isPositive();
        }
    }

    @Test
    void everyStoreGetsTheSameWriteBufferManagerAndLz4() {
        RocksDB.loadLibrary();
        Map<String, Object> configs = Map.copyOf(BoundedRocksDbMemory.properties(BUDGET));
        try (Options first = new Options();
                Options second = new Options()) {
            first.setTableFormatConfig(new BlockBasedTableConfig()); // as Kafka Streams hands them over
            second.setTableFormatConfig(new BlockBasedTableConfig());
            new BoundedRocksDbMemory().setConfig("travellers", first, configs);
            new BoundedRocksDbMemory().setConfig("clock", second, configs);

            assertThat(first.writeBufferManager()).isNotNull().isSameAs(second.writeBufferManager());
            assertThat(first.compressionType()).isEqualTo(CompressionType.LZ4_COMPRESSION);
        }
    }

    @Test
    void aMissingOrMalformedBudgetIsRefusedNamingTheKey() {
        RocksDB.loadLibrary();
        try (Options options = new Options()) {
            assertThatThrownBy(() -> new BoundedRocksDbMemory().setConfig("travellers", options, Map.of()))
                    .hasMessageContaining(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG);
            assertThatThrownBy(() -> new BoundedRocksDbMemory()
                            .setConfig(
                                    "travellers", options, Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, "256MB")))
                    .hasMessageContaining(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG)
                    .hasMessageContaining("'256MB'");
        }
        assertThatThrownBy(() -> BoundedRocksDbMemory.properties(1000))
                .hasMessageContaining(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG)
                .hasMessageContaining("at least 1 MiB");
    }
}
