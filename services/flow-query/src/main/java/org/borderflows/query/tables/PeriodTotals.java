package org.borderflows.query.tables;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Quarterly and annual rows from monthly ones (RULES.md §9): a flow's quarter is the sum of its months (counts add; a
 * 12/16 estimate merges its months' parts, {@link Estimate#add}); a stock's is its value at the end of the quarter,
 * or at the clock's month while the quarter is not over. The sums are exact: the public figure of a quarter is
 * protected as a cell of its own afterwards (§10), never added up from protected months.
 */
final class PeriodTotals {
    private PeriodTotals() {}

    /** Flow rows: each month's row added to the row of its period (the month value replaced by the period label). */
    static Map<List<String>, Object> sums(Query q, Map<List<String>, Object> monthly) {
        int monthAt = q.by().indexOf(Query.MONTH);
        if (monthAt < 0) {
            return monthly; // already the total over whole periods
        }
        Map<List<String>, Object> out = new HashMap<>();
        for (Map.Entry<List<String>, Object> row : monthly.entrySet()) {
            out.merge(relabel(q, row.getKey(), monthAt), copy(row.getValue()), PeriodTotals::plus);
        }
        return out;
    }

    /** Stock rows: the value at the last month of each period, or at the clock's month for the current period. */
    static Map<List<String>, Object> atPeriodEnd(Query q, Map<List<String>, Object> monthly, int clockMonth) {
        int monthAt = q.by().indexOf(Query.MONTH);
        if (monthAt < 0) {
            return monthly;
        }
        Map<List<String>, Object> out = new HashMap<>();
        for (Map.Entry<List<String>, Object> row : monthly.entrySet()) {
            int month = Cube.monthIndex(YearMonth.parse(row.getKey().get(monthAt)));
            if (month == Math.min(q.frequency().periodEnd(month), clockMonth)) {
                out.put(relabel(q, row.getKey(), monthAt), row.getValue());
            }
        }
        return out;
    }

    private static List<String> relabel(Query q, List<String> key, int monthAt) {
        List<String> out = new ArrayList<>(key);
        out.set(monthAt, q.frequency().label(Cube.monthIndex(YearMonth.parse(key.get(monthAt)))));
        return out;
    }

    /** A new accumulator holding a row's value (a count, overstay-rates counts or a 12/16 estimate). */
    static Object copy(Object value) {
        if (value instanceof double[] count) {
            return count.clone();
        }
        Estimate copy = new Estimate();
        copy.add((Estimate) value);
        return copy;
    }

    /** Adds {@code value} to the accumulator {@code acc} (from {@link #copy}) and returns it. */
    static Object plus(Object acc, Object value) {
        if (acc instanceof double[] counts) { // a count, or the counts of an overstay-rates row
            double[] add = (double[]) value;
            for (int i = 0; i < counts.length; i++) {
                counts[i] += add[i];
            }
        } else {
            ((Estimate) acc).add((Estimate) value);
        }
        return acc;
    }
}
