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
     * A cell of the spells, labour, stock or overstays dataset as it stands at the clock; null when it does not count yet
     * (an open WORK spell under 90 days in the labour dataset, an overstay that has not begun).
     */
    View at(String dataset, Cell cell) {
        switch (dataset) {
            case Contributions.SPELLS, Contributions.LABOUR, Contributions.STOCK -> {
                String startDay = cell.dim(CellDimension.START_DAY.key());
                if (startDay == null || startDay.isEmpty() || Contributions.CLOSED.equals(startDay)) {
                    return cell::dim; // closed (in the stock also not WORK, or a cell from before stock start days)
                }
                Purpose purpose = dataset.equals(Contributions.SPELLS)
                        ? Purpose.valueOf(cell.dim(CellDimension.PURPOSE.key()))
                        : Purpose.WORK; // only an open WORK spell has a start day in labour and stock
                AtClock.Classification c =
                        AtClock.classify(SpellState.OPEN, day(cell, startDay), null, purpose, clock, rules);
                if (dataset.equals(Contributions.LABOUR) && !c.labour()) {
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
            case Contributions.OVERSTAYS -> {
                String day = cell.dim(CellDimension.DAY.key());
                if (Contributions.CLOSED.equals(day)) {
                    return cell::dim;
                }
                return day(cell, day).isAfter(clock) ? null : cell::dim;
            }
            case Contributions.OVERSTAY_RATES -> {
                String day = cell.dim(CellDimension.DAY.key());
                if (Contributions.CLOSED.equals(day)) {
                    return cell::dim; // ON_TIME or OUT_OF_COUNTRY: facts of the exit
                }
                LocalDate latest = day(cell, day);
                String departure = AtClock.suspectedOverstay(SpellState.OPEN, latest, clock)
                        ? OverstayRates.IN_COUNTRY
                        : OverstayRates.NOT_DUE;
                return name -> name.equals(CellDimension.DEPARTURE.key()) ? departure : cell.dim(name);
            }
            default -> {
                return cell::dim;
            }
        }
    }

    /** The date a day-of-month dimension of the cell names, in the cell's month. */
    private static LocalDate day(Cell cell, String dayOfMonth) {
        return Cube.yearMonth(cell.month()).atDay(Integer.parseInt(dayOfMonth));
    }

    /** The dimensions {@link #at} reads besides those asked for. */
    static java.util.List<String> inputs(String dataset) {
        return switch (dataset) {
            case Contributions.SPELLS -> java.util.List.of(CellDimension.START_DAY.key(), CellDimension.PURPOSE.key());
            case Contributions.LABOUR, Contributions.STOCK -> java.util.List.of(CellDimension.START_DAY.key());
            case Contributions.OVERSTAYS -> java.util.List.of(CellDimension.DAY.key());
            case Contributions.OVERSTAY_RATES ->
                java.util.List.of(CellDimension.DAY.key(), CellDimension.DEPARTURE.key());
            default -> java.util.List.of();
        };
    }

    static boolean derives(String dataset) {
        return !inputs(dataset).isEmpty();
    }
}
