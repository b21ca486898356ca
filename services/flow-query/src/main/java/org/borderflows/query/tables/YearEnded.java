package org.borderflows.query.tables;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.schema.Direction;

/**
 * Year-ended totals of migration-12-16 (RULES.md §6, §9: the headline figures): each month's row becomes the total
 * of the 12 months ending with it, its estimate and 95% interval computed from the months' parts (their groups'
 * variances add, {@link Estimate#add}), never by adding bounds. When the rows are grouped by direction, each group
 * also gets a {@code NET} row, arrivals (ENTRY) - departures (EXIT), with var = var(arrivals) + var(departures):
 * the two directions are taken as independent ({@link Estimate#net}).
 */
final class YearEnded {
    static final int MONTHS = 12;
    static final String NET = "NET";

    /** A net figure: final count so far, estimate and 95% interval. */
    record Net(double finalCount, double estimate, double lower, double upper) {}

    private YearEnded() {}

    /**
     * @param monthly the rows by month (and the other dimensions) from 11 months before {@code from} on
     * @param from the first month a year-ended row is wanted for (see {@link Cube#monthIndex})
     * @param to the last
     */
    static Map<List<String>, Object> of(Query q, Map<List<String>, Object> monthly, int from, int to) {
        int monthAt = q.by().indexOf("month");
        Map<List<String>, Object> totals = new HashMap<>();
        for (Map.Entry<List<String>, Object> row : monthly.entrySet()) {
            int month = Cube.monthIndex(YearMonth.parse(row.getKey().get(monthAt)));
            for (int end = Math.max(month, from); end < month + MONTHS && end <= to; end++) {
                List<String> key = new ArrayList<>(row.getKey());
                key.set(monthAt, Cube.yearMonth(end).toString());
                ((Estimate) totals.computeIfAbsent(key, k -> new Estimate())).add((Estimate) row.getValue());
            }
        }
        int directionAt = q.by().indexOf("direction");
        if (directionAt >= 0) {
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
            double[] n = Estimate.net((Estimate) row.getValue(), departures);
            List<String> netKey = new ArrayList<>(row.getKey());
            netKey.set(directionAt, NET);
            net.put(netKey, new Net(n[3], n[0], n[1], n[2]));
        }
        for (Map.Entry<List<String>, Object> row : totals.entrySet()) { // departures with no arrivals at all
            List<String> entryKey = new ArrayList<>(row.getKey());
            entryKey.set(directionAt, Direction.ENTRY.name());
            if (row.getKey().get(directionAt).equals(Direction.EXIT.name()) && !totals.containsKey(entryKey)) {
                double[] n = Estimate.net(new Estimate(), (Estimate) row.getValue());
                List<String> netKey = new ArrayList<>(row.getKey());
                netKey.set(directionAt, NET);
                net.put(netKey, new Net(n[3], n[0], n[1], n[2]));
            }
        }
        totals.putAll(net);
    }
}
