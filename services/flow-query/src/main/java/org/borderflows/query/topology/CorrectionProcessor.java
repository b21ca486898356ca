package org.borderflows.query.topology;

import java.time.LocalDate;
import java.util.List;
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
        if (old != null) {
            for (TableCell cell : contributions.apply(old)) {
                forward(record, Cells.scaled(cell, -1, asOf));
            }
        }
        if (now != null) {
            for (TableCell cell : contributions.apply(now)) {
                forward(record, cell);
            }
            previous.put(record.key(), now);
        } else {
            previous.delete(record.key());
        }
    }

    private void forward(Record<String, ?> source, TableCell cell) {
        context.forward(new Record<>(Cells.key(cell), cell, source.timestamp()));
    }
}
