package org.borderflows.query.topology;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.borderflows.schema.TableCell;

/**
 * Turns a compacted changelog (a newer value for a key replaces the older; null retracts it) into cell deltas:
 * -1 for every cell of the previous value, +1 for every cell of the new one. Summing the deltas per cell
 * therefore always equals counting the current values, however often a key is corrected: counts never drift.
 * The previous value of each key is kept in a (changelogged) store.
 *
 * <p>The -1 and +1 of a cell that both values fall into are sent as one net delta, and not at all when it is 0
 * and the clock did not move (it would change neither the count nor the cell's clock): the engine re-publishes
 * outcomes and spells often, mostly unchanged, and each delta costs a repartition, a sum and a cell write.
 */
final class CorrectionProcessor<V> implements Processor<String, V, String, TableCell> {
    private final String storeName;
    private final Function<V, List<TableCell>> contributions;
    private final Function<V, LocalDate> clock;
    private KeyValueStore<String, V> previous;
    private ProcessorContext<String, TableCell> context;

    CorrectionProcessor(String storeName, Function<V, List<TableCell>> contributions, Function<V, LocalDate> clock) {
        this.storeName = storeName;
        this.contributions = contributions;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, TableCell> context) {
        this.context = context;
        this.previous = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null) {
            return; // a compacted topic without a key cannot be corrected; the engine always sets one
        }
        V old = previous.get(record.key());
        V now = record.value();
        if (old == null && now == null) {
            return;
        }
        LocalDate asOf = clock.apply(now != null ? now : old);
        Map<String, TableCell> net = new LinkedHashMap<>();
        if (old != null) {
            for (TableCell cell : contributions.apply(old)) {
                net.merge(Cells.key(cell), Cells.scaled(cell, -1, asOf), CorrectionProcessor::sum);
            }
        }
        if (now != null) {
            for (TableCell cell : contributions.apply(now)) {
                net.merge(Cells.key(cell), cell, CorrectionProcessor::sum);
            }
            previous.put(record.key(), now);
        } else {
            previous.delete(record.key());
        }
        // A zero delta still carries a newer clock to its cell (as the -1 and +1 it replaces did).
        boolean clockMoved = old == null || asOf.isAfter(clock.apply(old));
        for (Map.Entry<String, TableCell> delta : net.entrySet()) {
            if (Math.abs(Cells.count(delta.getValue())) >= 1e-9 || clockMoved) {
                context.forward(new Record<>(delta.getKey(), delta.getValue(), record.timestamp()));
            }
        }
    }

    /** Two deltas of one cell as one: counts add up, the clock is the later of the two. */
    private static TableCell sum(TableCell a, TableCell b) {
        return TableCell.newBuilder(b)
                .setMeasures(new java.util.TreeMap<>(Map.of(Cells.COUNT, Cells.count(a) + Cells.count(b))))
                .setAsOf(b.getAsOf().isAfter(a.getAsOf()) ? b.getAsOf() : a.getAsOf())
                .build();
    }
}
