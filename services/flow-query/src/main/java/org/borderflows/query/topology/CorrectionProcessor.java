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
 * The cells of the previous value of each key are kept in a (changelogged) store ({@link CountedCells}).
 *
 * <p>The -1 and +1 of a cell that both values fall into are sent as one net delta, and not at all when it is 0
 * (it would not change the count): the engine writes a value again whenever a crossing changes any of its facts,
 * and most of its cells often stay as they were (a frequent traveller's crossing rewrites several of his outcomes,
 * RULES.md §5), while each delta costs a repartition, a sum, a cell write and invalidates the answers of its
 * dataset. The processing clock is the latest clock of <em>any</em> cell (the cube keeps the maximum), so a newer
 * clock needs one cell to carry it, not every cell of the value: a zero delta is sent (to one existing cell of the
 * value) only when this task has not yet sent that clock. Sending every cell's zero delta made the aggregator fall
 * minutes behind at 2,000 cards/s.
 */
final class CorrectionProcessor<V> implements Processor<String, V, String, CellSum> {
    private final String storeName;
    private final Function<V, List<TableCell>> contributions;
    private final Function<V, LocalDate> clock;
    private KeyValueStore<String, CountedCells> previous;
    private ProcessorContext<String, CellSum> context;
    /**
     * The latest clock this processor has sent to a cell since {@link #init}. In memory only: after a restart
     * (or a task reinitialised after an aborted transaction) the next newer clock is simply sent again.
     */
    private LocalDate clockSent;

    CorrectionProcessor(String storeName, Function<V, List<TableCell>> contributions, Function<V, LocalDate> clock) {
        this.storeName = storeName;
        this.contributions = contributions;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, CellSum> context) {
        this.context = context;
        this.previous = context.getStateStore(storeName);
        this.clockSent = null;
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null) {
            return; // a compacted topic without a key cannot be corrected; the engine always sets one
        }
        CountedCells old = previous.get(record.key());
        V value = record.value();
        CountedCells now = value == null ? null : CountedCells.of(contributions.apply(value), clock.apply(value));
        if (old == null && now == null) {
            return;
        }
        LocalDate asOf = now != null ? now.asOf() : old.asOf();
        Map<String, CellSum> net = new LinkedHashMap<>();
        if (old != null) {
            for (int i = 0; i < old.size(); i++) {
                net.merge(old.key(i), new CellSum(-old.count(i), asOf), CellSum::plus);
            }
        }
        if (now != null) {
            for (int i = 0; i < now.size(); i++) {
                net.merge(now.key(i), new CellSum(now.count(i), asOf), CellSum::plus);
            }
        }
        boolean unchanged = old != null && now != null && net.values().stream().allMatch(CellSum::isZero);
        if (now == null) {
            previous.delete(record.key());
        } else if (!unchanged) {
            // A value whose cells are those of the stored one is not stored: the stored cells give the same
            // deltas when the value is next corrected (they carry the newer value's clock), and the store write
            // and its changelog record were most of the cost of the engine's re-publications.
            previous.put(record.key(), now);
        }
        // A zero delta (a cell of both values, so the cell exists) carries a clock this task has not sent yet.
        boolean clockToSend = clockSent == null || asOf.isAfter(clockSent);
        for (Map.Entry<String, CellSum> delta : net.entrySet()) {
            boolean zero = delta.getValue().isZero();
            if (!zero || clockToSend) {
                context.forward(new Record<>(delta.getKey(), delta.getValue(), record.timestamp()));
                // Sent with a retraction, which may delete its cell, the clock could be lost with it.
                if (clockToSend && (zero || delta.getValue().count() > 0)) {
                    clockToSend = false;
                    clockSent = asOf;
                }
            }
        }
    }
}
