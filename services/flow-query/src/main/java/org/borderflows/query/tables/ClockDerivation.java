package org.borderflows.query.tables;

import java.util.List;
import org.borderflows.query.topology.CellDimension;

/**
 * What a dataset's answers derive from its cells' dates at the query's clock (RULES.md §8: the cells hold facts and
 * dates; what depends on the clock is derived by the reader, {@link ClockView}), and which cell dimensions that
 * reads. Part of a dataset's definition ({@link Datasets.Dataset#atClock}): a new dataset says what it derives, or
 * {@link #NOTHING}.
 */
public enum ClockDerivation {
    /** The cells are the figures: nothing depends on the clock. */
    NOTHING(List.of()),
    /** spells: an open spell's duration class, its finality and its labour flag, from its start day and purpose (§4). */
    OPEN_SPELL(List.of(CellDimension.START_DAY.key(), CellDimension.PURPOSE.key())),
    /** labour: an open WORK spell counts once it is a labour spell, with its class and finality then (§4). */
    LABOUR_SPELL_BEGUN(List.of(CellDimension.START_DAY.key())),
    /** stock: an open WORK stay's labour flag, from its start day (§4). */
    OPEN_WORK_STAY(List.of(CellDimension.START_DAY.key())),
    /** overstays: a suspected in-country overstay counts once its day has come (§7). */
    OVERSTAY_BEGUN(List.of(CellDimension.DAY.key())),
    /** overstay-rates: a stay with no exit is an in-country overstay once past its latest authorised exit, else not due (§7). */
    DEPARTURE_DUE(List.of(CellDimension.DAY.key(), CellDimension.DEPARTURE.key()));

    private final List<String> inputs;

    ClockDerivation(List<String> inputs) {
        this.inputs = inputs;
    }

    /** The cell dimensions the derivation reads, besides those a question asks for. */
    public List<String> inputs() {
        return inputs;
    }

    public boolean derives() {
        return this != NOTHING;
    }
}
