package org.borderflows.query.tables;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.query.tables.Datasets.Dimension;

/**
 * The rows of a {@link TableQueries} answer: a group's dimension values and labels, its figures (counts, 12/16
 * estimates and intervals, revisions, overstay rates, border workers) protected for the public (RULES.md §10, one
 * keyed draw per figure's identity), and the status of every row (§9: final, provisional, estimate, suppressed).
 */
final class TableRows {
    private final Protection protection;

    TableRows(Protection protection) {
        this.protection = protection;
    }

    /** The row of one group: its dimension values (and labels), its figures, protected for the public, and its status. */
    Map<String, Object> row(
            Query q, YearMonth from, YearMonth to, List<String> key, Object value, boolean protect, int clockMonth) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < key.size(); i++) {
            String dim = q.by().get(i);
            row.put(dim, key.get(i));
            if (q.labels()) {
                row.put(dim + Table.LABEL, Labels.of(dim, key.get(i), q.frequency()));
            }
        }
        String identity = protect ? identity(q, from, to, key) : null;
        boolean estimated = false;
        if (value instanceof double[] counts && q.dataset().reading() == Reading.OVERSTAY_RATES) {
            OverstayRates.put(row, counts, (measure, exact) -> figure(identity, measure, exact, protect));
        } else if (value instanceof double[] counts && q.dataset().reading() == Reading.BORDER_WORKERS) {
            BorderWorkers.put(row, counts, (measure, exact) -> figure(identity, measure, exact, protect));
        } else if (value instanceof double[] count) {
            row.put("count", figure(identity, "count", Math.round(count[0]), protect));
        } else if (value instanceof Estimate acc) {
            putEstimates(row, identity, acc, acc.finalCount(), protect);
            estimated = acc.provisional() > 0;
        } else if (value instanceof YearEnded.Net net) {
            putFigures(row, identity, net.finalCount(), net.estimate(), net.lower(), net.upper(), protect);
            estimated = net.provisional();
        } else if (value instanceof MigrationTable.Revision r) {
            putEstimates(row, identity, r.atStage, r.finalCount, protect);
            Object fin = row.get("finalCount");
            Object est = row.get("estimate");
            row.put(
                    "revision",
                    fin == null || est == null ? null : ((Number) fin).doubleValue() - ((Number) est).doubleValue());
            estimated = r.atStage.provisional() > 0;
        }
        String primary = q.dataset().primaryMeasure();
        row.put(
                Table.STATUS,
                row.get(primary) == null
                        ? Table.SUPPRESSED
                        : estimated
                                ? Table.ESTIMATE
                                : notOver(q, to, key, clockMonth) ? Table.PROVISIONAL : Table.FINAL);
        return row;
    }

    /**
     * Whether the months a row sums include the month of the clock, which is not over, or a later one: its figures are
     * provisional (a quarter, a year or a year-ended total holding that month too, RULES.md §9).
     */
    private static boolean notOver(Query q, YearMonth to, List<String> key, int clockMonth) {
        int monthAt = q.by().indexOf(Query.MONTH);
        int last = monthAt >= 0 ? q.frequency().endOf(key.get(monthAt)) : Cube.monthIndex(to);
        return clockMonth <= last; // a period after the clock's (overstay-rates: stays not due yet) is not over either
    }

    private void putEstimates(
            Map<String, Object> row, String identity, Estimate acc, double finalCount, boolean protect) {
        double[] interval = acc.interval();
        putFigures(row, identity, finalCount, acc.estimate(), interval[0], interval[1], protect);
    }

    private void putFigures(
            Map<String, Object> row,
            String identity,
            double finalCount,
            double estimate,
            double lower,
            double upper,
            boolean protect) {
        row.put("finalCount", figure(identity, "finalCount", Math.round(finalCount), protect));
        // (Object) casts: a suppressed figure is null, which a Long/double conditional would unbox (NPE).
        row.put(
                "estimate",
                protect
                        ? (Object) figure(identity, "estimate", Math.round(estimate), true)
                        : (Object) round1(estimate));
        row.put(
                "lower",
                protect ? (Object) figure(identity, "lower", Math.round(lower), true) : (Object) round1(lower));
        row.put(
                "upper",
                protect ? (Object) figure(identity, "upper", Math.round(upper), true) : (Object) round1(upper));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private Long figure(String identity, String measure, long exact, boolean protect) {
        return protect ? protection.protect(identity + "|" + measure, exact) : Long.valueOf(exact);
    }

    /**
     * The identity of a protected figure: dataset, and for every dimension either its grouped value, its filter
     * or "*"; the period when month is not grouped. Independent of parameter order or spelling, so the same
     * question gives the same draw.
     */
    private static String identity(Query q, YearMonth from, YearMonth to, List<String> key) {
        StringBuilder id = new StringBuilder(q.dataset().name());
        if (q.frequency() != Frequency.MONTH) { // a quarter, a year, a year-ended total: cells of their own
            id.append("|frequency=").append(q.frequency().parameter());
        }
        if (!q.by().contains(Query.MONTH)) {
            id.append("|period=").append(from).append("..").append(to);
        }
        for (Dimension dim : q.dataset().dimensions()) {
            int grouped = q.by().indexOf(dim.name());
            id.append('|').append(dim.name());
            if (grouped >= 0) {
                id.append('=').append(key.get(grouped));
            } else if (q.filters().containsKey(dim.name())) {
                id.append(" in ").append(q.filters().get(dim.name()));
            } else {
                id.append("=*");
            }
        }
        return id.toString();
    }
}
