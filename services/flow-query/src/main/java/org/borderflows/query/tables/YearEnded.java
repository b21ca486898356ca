package org.borderflows.query.tables;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.query.topology.CellDimension;
import org.borderflows.schema.Direction;

/**
 * Year-ended totals of the flow datasets (RULES.md §6, §9: the headline figures): each month's row becomes the total
 * of the 12 months ending with it (counts add; a 12/16 estimate and its 95% interval are computed from the months'
 * parts, their groups' variances adding, {@link Estimate#add}, never by adding bounds). When migration-12-16 rows are
 * grouped by direction, each group also gets a {@code NET} row, arrivals (ENTRY) - departures (EXIT), with var =
 * var(arrivals) + var(departures): the two directions are taken as independent ({@link Estimate#net}).
 */
public final class YearEnded {
    static final int MONTHS = 12;
    /** The direction value of net migration rows (ENTRY - EXIT). */
    public static final String NET = "NET";

    /** A net figure: final count so far, estimate and 95% interval; provisional when either side has provisional outcomes. */
    record Net(double finalCount, double estimate, double lower, double upper, boolean provisional) {}

    private YearEnded() {}

    /**
     * @param monthly the rows by month (and the other dimensions) from 11 months before {@code from} on
     * @param from the first month a year-ended row is wanted for (see {@link Cube#monthIndex})
     * @param to the last
     */
    static Map<List<String>, Object> of(Query q, Map<List<String>, Object> monthly, int from, int to) {
        int monthAt = q.by().indexOf(Query.MONTH);
        Map<List<String>, Object> totals = new HashMap<>();
        for (Map.Entry<List<String>, Object> row : monthly.entrySet()) {
            int month = Cube.monthIndex(YearMonth.parse(row.getKey().get(monthAt)));
            for (int end = Math.max(month, from); end < month + MONTHS && end <= to; end++) {
                List<String> key = new ArrayList<>(row.getKey());
                key.set(monthAt, Cube.yearMonth(end).toString());
                totals.merge(key, PeriodTotals.copy(row.getValue()), PeriodTotals::plus);
            }
        }
        int directionAt = q.by().indexOf("direction");
        if (directionAt >= 0 && q.dataset().reading() == Reading.MIGRATION && bothDirections(q)) {
            addNet(totals, directionAt);
        }
        return totals;
    }

    private static void addNet(Map<List<String>, Object> totals, int directionAt) {
        Map<List<String>, Object> net = new HashMap<>();
        for (Map.Entry<List<String>, Object> row : totals.entrySet()) {
            if (!row.getKey().get(directionAt).equals(Direction.ENTRY.name())) {
                continue;
            }
            List<String> exitKey = new ArrayList<>(row.getKey());
            exitKey.set(directionAt, Direction.EXIT.name());
            Estimate departures = (Estimate) totals.getOrDefault(exitKey, new Estimate());
            net.put(netKey(row.getKey(), directionAt), net((Estimate) row.getValue(), departures));
        }
        for (Map.Entry<List<String>, Object> row : totals.entrySet()) { // departures with no arrivals at all
            List<String> entryKey = new ArrayList<>(row.getKey());
            entryKey.set(directionAt, Direction.ENTRY.name());
            if (row.getKey().get(directionAt).equals(Direction.EXIT.name()) && !totals.containsKey(entryKey)) {
                net.put(netKey(row.getKey(), directionAt), net(new Estimate(), (Estimate) row.getValue()));
            }
        }
        totals.putAll(net);
    }

    /** Net rows need both directions: none is filtered out. */
    private static boolean bothDirections(Query q) {
        java.util.Set<String> directions = q.filters().get(CellDimension.DIRECTION.key());
        return directions == null || directions.containsAll(List.of(Direction.ENTRY.name(), Direction.EXIT.name()));
    }

    private static List<String> netKey(List<String> key, int directionAt) {
        List<String> netKey = new ArrayList<>(key);
        netKey.set(directionAt, NET);
        return netKey;
    }

    private static Net net(Estimate arrivals, Estimate departures) {
        double[] n = Estimate.net(arrivals, departures);
        return new Net(n[3], n[0], n[1], n[2], arrivals.provisional() + departures.provisional() > 0);
    }
}
