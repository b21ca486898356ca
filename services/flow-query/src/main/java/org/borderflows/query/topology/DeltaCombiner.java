package org.borderflows.query.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.borderflows.platform.streams.BeforeCommit;

/**
 * Sums the cell deltas of one commit interval per cell before they cross the repartition topic, and sends the
 * sums just before the commit (a combiner, as in map-reduce).
 *
 * <p>Why: a crossing that changes a provisional 12/16 outcome changes the status before and after of every later
 * crossing of the traveller (RULES.md §5), so one card re-publishes several outcomes that move counts between the
 * same few cells (the traveller's posts and directions): in a 2,000 cards/s run, 3.0 M outcome records gave 8.0 M
 * deltas, but only 2.0 M distinct cells per 200 consecutive records of a partition. Each delta cost a repartition record, a sum
 * store read and write and a cell write; a sum per cell and interval costs one.
 *
 * <p>Exactly once: the sums are only in memory, and they are sent before every commit of the task
 * ({@link BeforeCommit}), in the transaction of the input offsets they come from; after a crash the records are
 * read again. An earlier version kept them in a changelogged store sent on a wall-clock punctuation: its reads,
 * writes and changelog records were a quarter of the aggregator's CPU. Sums go in the order their cells first
 * got a delta, and the aggregator adds them up, so neither the combining nor its timing changes any count. A sum
 * that nets to zero is still sent: it carries its clock to the cell (see {@link CorrectionProcessor}).
 */
final class DeltaCombiner implements Processor<String, CellSum, String, CellSum> {
    /** Sums held at most: beyond, they are sent at once (memory stays bounded whatever the commit interval). */
    static final int MAX_PENDING = 100_000;

    private final String hookName;
    private final String earlierStoreName;
    private final Map<String, CellSum> pending = new LinkedHashMap<>();
    private ProcessorContext<String, CellSum> context;

    DeltaCombiner(String hookName, String earlierStoreName) {
        this.hookName = hookName;
        this.earlierStoreName = earlierStoreName;
    }

    @Override
    public void init(ProcessorContext<String, CellSum> context) {
        this.context = context;
        pending.clear(); // a task revived after an aborted transaction reads its records again
        if (!BeforeCommit.register(context, hookName, this::send)) {
            throw new IllegalStateException("the delta combiner runs only in a Kafka Streams task");
        }
        drainEarlierVersion();
    }

    /**
     * Versions before 2026-11-30 kept the pending sums in a changelogged store: sums it still holds after an
     * upgrade are sent once, and deleted there, in a punctuation (which makes the task commit; the hook runs only
     * for tasks that processed records), so the deletion never commits without the sums.
     */
    private void drainEarlierVersion() {
        KeyValueStore<String, CellSum> earlier = context.getStateStore(earlierStoreName);
        List<KeyValue<String, CellSum>> left = new ArrayList<>();
        try (KeyValueIterator<String, CellSum> all = earlier.all()) {
            all.forEachRemaining(left::add);
        }
        if (left.isEmpty()) {
            return;
        }
        Cancellable[] once = new Cancellable[1];
        once[0] = context.schedule(Duration.ofMillis(1), PunctuationType.WALL_CLOCK_TIME, now -> {
            once[0].cancel();
            long timestamp = Math.max(0, context.currentStreamTimeMs());
            for (KeyValue<String, CellSum> sum : left) {
                context.forward(new Record<>(sum.key, sum.value, timestamp));
                earlier.delete(sum.key);
            }
        });
    }

    @Override
    public void process(Record<String, CellSum> delta) {
        if (delta.key() == null || delta.value() == null) {
            return;
        }
        pending.merge(delta.key(), delta.value(), CellSum::plus);
        if (pending.size() >= MAX_PENDING) {
            send();
        }
    }

    private void send() {
        long timestamp = Math.max(0, context.currentStreamTimeMs());
        pending.forEach((cell, sum) -> context.forward(new Record<>(cell, sum, timestamp)));
        pending.clear();
    }
}
