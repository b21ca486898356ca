package org.borderflows.query.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Sums the cell deltas of a short stretch of input per cell before they cross the repartition topic, and sends the
 * sums every {@code interval} of wall-clock time (a combiner, as in map-reduce).
 *
 * <p>Why: a re-evaluated provisional 12/16 outcome changes the status of every later crossing of the traveller
 * (RULES.md §5), so one card re-publishes several outcomes that move counts between the same few cells (the
 * traveller's posts and directions): in a 2,000 cards/s run, 3.0 M outcome records gave 8.0 M deltas, but only
 * 2.0 M distinct cells per 200 consecutive records of a partition. Each delta cost a repartition record, a sum
 * store read and write and a cell write; a sum per cell and interval costs one.
 *
 * <p>Exactly once: the pending sums live in a changelogged store, so a crash or a rebalance hands them over with
 * the input offsets they belong to; they are never held only in memory. The sums are sent in key order and the
 * aggregator adds them up, so neither the combining nor its timing changes any count. A sum that nets to zero is
 * still sent: it carries its clock to the cell (see {@link CorrectionProcessor}).
 */
final class DeltaCombiner implements Processor<String, CellSum, String, CellSum> {
    private final String storeName;
    private final Duration interval;
    private ProcessorContext<String, CellSum> context;
    private KeyValueStore<String, CellSum> pending;

    DeltaCombiner(String storeName, Duration interval) {
        this.storeName = storeName;
        this.interval = interval;
    }

    @Override
    public void init(ProcessorContext<String, CellSum> context) {
        this.context = context;
        this.pending = context.getStateStore(storeName);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> send());
    }

    @Override
    public void process(Record<String, CellSum> delta) {
        if (delta.key() == null || delta.value() == null) {
            return;
        }
        CellSum sum = pending.get(delta.key());
        pending.put(delta.key(), sum == null ? delta.value() : sum.plus(delta.value()));
    }

    private void send() {
        List<KeyValue<String, CellSum>> sums = new ArrayList<>();
        try (KeyValueIterator<String, CellSum> all = pending.all()) {
            all.forEachRemaining(sums::add);
        }
        long timestamp = Math.max(0, context.currentStreamTimeMs());
        for (KeyValue<String, CellSum> sum : sums) {
            context.forward(new Record<>(sum.key, sum.value, timestamp));
            pending.delete(sum.key);
        }
    }
}
