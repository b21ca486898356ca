package org.borderflows.query.tables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.borderflows.domain.RuleSettings;
import org.borderflows.query.topology.CellDimension;
import org.borderflows.schema.Direction;

/**
 * Which rows of an answer changed after an instant (SDMX {@code updatedAfter}): every cell keeps the time it last
 * changed (deletions included, {@link Cube#changedAfter}), and a row changed when a cell it sums did, or when what
 * it derives at the clock may have. Conservative: a row that may have changed is reported, none that did is missed.
 *
 * <ul>
 *   <li>A row sums the cells of its dimension values (after the filters) and of its months: a month, the months of a
 *       quarter or a year, the 12 months of a year-ended total; a stock every month up to its period's end (a stay
 *       started then may still be open); a net row both directions.
 *   <li>The datasets whose figures derive at the processing clock (12/16 estimates and revisions, spells' classes,
 *       labour, overstays, stock) changed entirely when the clock moved after the instant; the others (crossings,
 *       quality) when the clock's month changed (a figure's status, provisional or final, follows it).
 *   <li>A 12/16 estimate holding provisional outcomes (status estimate) changed when any 12/16 cell did: its rates
 *       come from all of them (RULES.md §6).
 * </ul>
 */
final class Updates {
    private Updates() {}

    /** Call inside {@link Cube#read}. */
    static Predicate<Map<String, Object>> changedAfter(
            Cube cube, RuleSettings rules, Query q, Table table, long afterMillis) {
        String source = q.dataset().cells();
        boolean derivesAtClock =
                q.dataset().atClock().derives() || q.dataset().reading().followsTheClock();
        long clockMoved = derivesAtClock ? cube.clockChangeMillis() : cube.clockMonthChangeMillis();
        if (clockMoved > afterMillis) {
            return row -> true;
        }
        boolean estimatesMoved =
                source.equals(Datasets.MIGRATION) && cube.lastChangeMillis(Datasets.MIGRATION) > afterMillis;
        LocalDate asOf = cube.asOf();
        ClockView atClock = asOf == null ? null : new ClockView(asOf, rules);
        Map<List<String>, TreeSet<Integer>> changedMonths = new HashMap<>();
        for (Cell cell : cube.changedAfter(source, afterMillis)) {
            ClockView.View view = q.dataset().atClock().derives()
                    ? (atClock == null ? null : atClock.at(q.dataset(), cell))
                    : cell::dim;
            if (view != null && matches(q, view, cell.month())) {
                changedMonths
                        .computeIfAbsent(key(q, view::dim), k -> new TreeSet<>())
                        .add(cell.month());
            }
        }
        boolean stock = q.dataset().reading() == Reading.STOCK;
        int monthAt = q.by().indexOf(Query.MONTH);
        return row -> {
            if (estimatesMoved && Table.ESTIMATE.equals(row.get(Table.STATUS))) {
                return true;
            }
            int last;
            int first;
            if (monthAt >= 0) {
                last = q.frequency().endOf(String.valueOf(row.get(Query.MONTH)));
                first = q.frequency().firstSummed(last);
            } else {
                first = Cube.monthIndex(table.from());
                last = Cube.monthIndex(table.to());
            }
            int from = stock ? Integer.MIN_VALUE : first;
            for (List<String> key : rowKeys(q, row)) {
                TreeSet<Integer> months = changedMonths.get(key);
                if (months != null && months.ceiling(from) != null && months.ceiling(from) <= last) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The grouped dimensions (month and revision stage aside) of a cell. */
    private static List<String> key(Query q, java.util.function.Function<String, String> dim) {
        List<String> key = new ArrayList<>();
        for (String d : q.by()) {
            if (!d.equals(Query.MONTH) && !d.equals(Query.STAGE)) {
                key.add(dim.apply(d));
            }
        }
        return key;
    }

    /** The cell keys a row sums: its own, or for a net row those of both directions. */
    private static List<List<String>> rowKeys(Query q, Map<String, Object> row) {
        List<String> key = key(q, d -> String.valueOf(row.get(d)));
        if (!YearEnded.NET.equals(row.get(CellDimension.DIRECTION.key()))) {
            return List.of(key);
        }
        return List.of(
                key(q, d -> d.equals("direction") ? Direction.ENTRY.name() : String.valueOf(row.get(d))),
                key(q, d -> d.equals("direction") ? Direction.EXIT.name() : String.valueOf(row.get(d))));
    }

    private static boolean matches(Query q, ClockView.View cell, int month) {
        for (Map.Entry<String, Set<String>> f : q.filters().entrySet()) {
            if (f.getKey().equals(Query.STAGE)) {
                continue;
            }
            String value =
                    f.getKey().equals(Query.MONTH) ? Cube.yearMonth(month).toString() : cell.dim(f.getKey());
            if (!f.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }
}
