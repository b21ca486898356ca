package org.borderflows.platform.streams;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.CompressionType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * The RocksDB stores of a JVM share one memory budget: one block cache, in which the memtables (write buffers) and
 * the index and filter blocks are counted too (Kafka Streams' "bounded memory" setter, from its memory-management
 * guide). Without it every store of every task takes its own 50 MB block cache and up to 3 x 16 MB of memtables, so
 * an engine's off-heap memory grows with the tasks it is given (a pod's memory limit cannot be set from the heap).
 * Files are compressed with LZ4: the engine's values are Avro histories with repeated dates and codes.
 *
 * <p>The budget is the Streams property {@link #MEMORY_BYTES_CONFIG}; the first store opened in the JVM fixes it
 * (one cache per JVM, shared by every Kafka Streams client in it).
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    /** Streams property: off-heap bytes all RocksDB stores of this JVM share. */
    public static final String MEMORY_BYTES_CONFIG = "border-flows.rocksdb.memory-bytes";

    /** The memtables' share of the budget. */
    private static final double WRITE_BUFFER_SHARE = 0.5;

    /** The share kept for index and filter blocks (high priority: evicted last). */
    private static final double INDEX_AND_FILTER_SHARE = 0.1;

    private record Shared(long bytes, Cache cache, WriteBufferManager writeBuffers) {}

    private static Shared shared;

    /** The Streams properties that bound every RocksDB store of the client to {@code bytes} shared by the JVM. */
    public static Map<String, Object> properties(long bytes) {
        if (bytes < 1 << 20) {
            throw new IllegalArgumentException(MEMORY_BYTES_CONFIG + " must be at least 1 MiB, got " + bytes);
        }
        return Map.of(
                StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
                BoundedRocksDbMemory.class.getName(),
                MEMORY_BYTES_CONFIG,
                String.valueOf(bytes));
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared budget = shared(budget(configs));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(budget.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(budget.writeBuffers());
        options.setCompressionType(CompressionType.LZ4_COMPRESSION);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write-buffer manager are shared by every store of the JVM: never closed with one
    }

    /** The budget this JVM's stores share (the first one asked for). */
    static synchronized long sharedBytes() {
        return shared == null ? 0 : shared.bytes();
    }

    /** Bytes in use in the shared cache, memtables included. */
    static synchronized long usage() {
        return shared == null ? 0 : shared.cache().getUsage();
    }

    private static synchronized Shared shared(long bytes) {
        if (shared == null) {
            Cache cache = new LRUCache(bytes, -1, false, INDEX_AND_FILTER_SHARE);
            shared = new Shared(bytes, cache, new WriteBufferManager((long) (bytes * WRITE_BUFFER_SHARE), cache));
        }
        return shared;
    }

    private static long budget(Map<String, Object> configs) {
        Object value = configs.get(MEMORY_BYTES_CONFIG);
        if (value == null) {
            throw new IllegalArgumentException(
                    MEMORY_BYTES_CONFIG + " is not set: use BoundedRocksDbMemory.properties");
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MEMORY_BYTES_CONFIG + " must be a number of bytes, got '" + value + "'");
        }
    }
}
