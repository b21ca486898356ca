package org.borderflows.query.tables;

import java.time.LocalDate;
import java.time.YearMonth;
import org.borderflows.domain.AtClock;
import org.borderflows.domain.RuleSettings;
import org.borderflows.query.topology.CellDimension;
import org.borderflows.query.topology.Contributions;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.SpellState;

/**
 * What a cell's facts mean at the query's clock (RULES.md §8): the cells hold dates, the answers derive from them
 * what depends on the clock, with the domain's one definition ({@link AtClock}): whether a 12/16 outcome is still
 * provisional (§5), an open spell's duration class, its finality and whether it is a labour spell yet (§4), and
 * whether an open stay is a suspected in-country overstay yet (§7: {@code overstays}, and in {@code overstay-rates}
 * whether a stay with no exit is an in-country overstay or not due yet).
 */
final class ClockView {
    private final LocalDate clock;
    private final RuleSettings rules;

    ClockView(LocalDate clock, RuleSettings rules) {
        this.clock = clock;
        this.rules = rules;
    }

    LocalDate clock() {
        return clock;
    }

    /** A cell's dimensions at the clock, or null when the cell does not count at the clock. */
    interface View {
        String dim(String name);
    }

    /** §5: the outcomes of a migration cell are final once the clock is past their final date. */
    boolean outcomeFinal(Cell migration) {
        return outcomeFinal(finalDate(
                migration.dim(CellDimension.FINAL_MONTH.key()), migration.dim(CellDimension.FINAL_DAY.key())));
    }

    boolean outcomeFinal(LocalDate finalDate) {
        return !AtClock.provisional(finalDate, clock);
    }

    static LocalDate finalDate(String finalMonth, String finalDay) {
        return YearMonth.parse(finalMonth).atDay(Integer.parseInt(finalDay));
    }

    /**
     * A cell of {@code dataset} as it stands at the clock (what its definition derives, {@link ClockDerivation});
     * null when it does not count yet (an open WORK spell under 90 days in the labour dataset, an overstay that has
     * not begun).
     */
    View at(Datasets.Dataset dataset, Cell cell) {
        return switch (dataset.atClock()) {
            case NOTHING -> cell::dim;
            case OPEN_SPELL -> openSpell(cell, Purpose.valueOf(cell.dim(CellDimension.PURPOSE.key())), false);
            // only an open WORK spell has a start day in labour and stock
            case LABOUR_SPELL_BEGUN -> openSpell(cell, Purpose.WORK, true);
            case OPEN_WORK_STAY -> openSpell(cell, Purpose.WORK, false);
            case OVERSTAY_BEGUN -> {
                String day = cell.dim(CellDimension.DAY.key());
                yield Contributions.CLOSED.equals(day) || !day(cell, day).isAfter(clock) ? cell::dim : null;
            }
            case DEPARTURE_DUE -> {
                String day = cell.dim(CellDimension.DAY.key());
                if (Contributions.CLOSED.equals(day)) {
                    yield cell::dim; // ON_TIME or OUT_OF_COUNTRY: facts of the exit
                }
                String departure = AtClock.suspectedOverstay(SpellState.OPEN, day(cell, day), clock)
                        ? OverstayRates.IN_COUNTRY
                        : OverstayRates.NOT_DUE;
                yield name -> name.equals(CellDimension.DEPARTURE.key()) ? departure : cell.dim(name);
            }
        };
    }

    /**
     * A spell cell at the clock: a closed one as it is (in the stock also one not WORK, or a cell from before stock
     * start days); an open one with its class, finality and labour flag derived from its start day; null when
     * {@code labourOnly} and it is not a labour spell yet.
     */
    private View openSpell(Cell cell, Purpose purpose, boolean labourOnly) {
        String startDay = cell.dim(CellDimension.START_DAY.key());
        if (startDay == null || startDay.isEmpty() || Contributions.CLOSED.equals(startDay)) {
            return cell::dim;
        }
        AtClock.Classification c = AtClock.classify(SpellState.OPEN, day(cell, startDay), null, purpose, clock, rules);
        if (labourOnly && !c.labour()) {
            return null;
        }
        String durationClass = c.durationClass().name();
        String classFinal = String.valueOf(c.classFinal());
        String labour = String.valueOf(c.labour());
        return name -> name.equals(CellDimension.DURATION_CLASS.key())
                ? durationClass
                : name.equals(CellDimension.FINAL.key())
                        ? classFinal
                        : name.equals(CellDimension.LABOUR.key()) ? labour : cell.dim(name);
    }

    /** The date a day-of-month dimension of the cell names, in the cell's month. */
    private static LocalDate day(Cell cell, String dayOfMonth) {
        return Cube.yearMonth(cell.month()).atDay(Integer.parseInt(dayOfMonth));
    }
}
