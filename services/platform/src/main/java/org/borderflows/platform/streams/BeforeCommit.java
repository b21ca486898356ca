package org.borderflows.platform.streams;

import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * Lets a processor forward what it holds in memory just before each commit of its task, inside the transaction
 * that commits the input offsets: the hook Kafka Streams gives its own record caches (a KTable forwards the latest
 * value per key when its cache is flushed), which the Processor API does not offer.
 *
 * <p>How: a state store that holds nothing and says it is a cached store. A task flushes every cached store before
 * it flushes its producer and commits (StreamTask.prepareCommit: {@code stateMgr.flushCache()}, then
 * {@code recordCollector.flush()}); this store's flush runs the processor's action as that processor's node, as
 * the DSL's cache flush listeners do. Under exactly-once, what the action forwards is in the same transaction as
 * the offsets of the records it came from; if the task dies first, the transaction aborts, the records are read
 * again and the memory is rebuilt ({@code init} starts empty). Kafka Streams' internal classes are used here and
 * only here (one Kafka version across the build; the topology tests run the real task code, so a change in them
 * fails the build).
 *
 * <p>Constraint: the action may forward only to sinks (possibly through stateless processors). A cached store
 * downstream in the same sub-topology might already have been flushed for this commit, and its writes would miss
 * it. Used by the flow-table aggregator's delta combiner and the stay engine's output buffer.
 */
public final class BeforeCommit implements StateStore, CachedStateStore<Object, Object> {
    private final String name;
    private Runnable action = () -> {};
    private boolean open;

    private BeforeCommit(String name) {
        this.name = name;
    }

    /** The store to add to the topology and connect to the processor (no changelog, no state). */
    public static StoreBuilder<BeforeCommit> store(String name) {
        return new Builder(name);
    }

    /**
     * Runs {@code action} before every commit of the task, as the processor whose {@code init} calls this (so
     * that it may forward); records forwarded then carry the stream time. Returns false, and registers nothing,
     * outside a Kafka Streams task (Kafka's {@code MockProcessorContext} in unit tests): there is no commit
     * there, and the processor must forward at once.
     */
    public static boolean register(ProcessorContext<?, ?> context, String storeName, Runnable action) {
        if (!(context instanceof InternalProcessorContext<?, ?> internal)) {
            return false;
        }
        ProcessorNode<?, ?, ?, ?> node = internal.currentNode();
        BeforeCommit store = context.getStateStore(storeName);
        store.action = () -> {
            ProcessorNode<?, ?, ?, ?> previousNode = internal.currentNode();
            ProcessorRecordContext previousRecord = internal.recordContext();
            internal.setRecordContext(new ProcessorRecordContext(
                    Math.max(0, context.currentStreamTimeMs()), -1, -1, null, new RecordHeaders()));
            internal.setCurrentNode(node);
            try {
                action.run();
            } finally {
                internal.setCurrentNode(previousNode);
                internal.setRecordContext(previousRecord);
            }
        };
        return true;
    }

    @Override
    public void flushCache() {
        action.run();
    }

    @Override
    public void clearCache() {}

    @Override
    public boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        context.register(root, (key, value) -> {});
        open = true;
    }

    @Override
    public void close() {
        open = false;
        action = () -> {};
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    private record Builder(String name) implements StoreBuilder<BeforeCommit> {
        @Override
        public StoreBuilder<BeforeCommit> withCachingEnabled() {
            return this;
        }

        @Override
        public StoreBuilder<BeforeCommit> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<BeforeCommit> withLoggingEnabled(Map<String, String> config) {
            throw new UnsupportedOperationException("a before-commit hook has no state to log");
        }

        @Override
        public StoreBuilder<BeforeCommit> withLoggingDisabled() {
            return this;
        }

        @Override
        public BeforeCommit build() {
            return new BeforeCommit(name);
        }

        @Override
        public Map<String, String> logConfig() {
            return Map.of();
        }

        @Override
        public boolean loggingEnabled() {
            return false;
        }
    }
}
