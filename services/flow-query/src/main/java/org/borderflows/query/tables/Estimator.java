package org.borderflows.query.tables;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.query.tables.Cube.Cell;
import org.borderflows.query.topology.Contributions;

/**
 * Provisional estimates of 12/16-month long-term migrations (RULES.md §6; the ABS "migration adjustment" and
 * the Stats NZ outcomes-based estimate).
 *
 * <p>For a provisional crossing of month m, seen at clock month c (stage e = c - m months after the crossing
 * month), the probability that it ends as a long-term migration is taken from the cohort that crossed in month
 * m - 12, of the same group, that was also still provisional at the same stage (its final date falls after
 * month c - 12) and whose outcome is now final: p = (long-term migrations) / (crossings) of that cohort. The
 * group is direction x citizenship x purpose x sex x age group; when it has fewer than {@code minCohort}
 * finalised crossings the next coarser group is used (age group, then sex, purpose, citizenship dropped). When
 * no group has any, the provisional outcome itself is used (p = 1 or 0; see {@link #rate}).
 *
 * <p>Interval: the provisional crossings of a group are independent Bernoulli(p) draws and p itself is
 * estimated from m cohort crossings, so Var = n p (1 - p) + n^2 p (1 - p) / m, summed over groups; the 95%
 * interval is estimate +/- 1.96 sd, clipped to [finalCount, finalCount + provisional crossings]; crossings with
 * no cohort at all widen it by their whole range (0 to all of them).
 *
 * <p>Only the final date's month is kept in the cube (to keep it small), so stages are whole months.
 */
final class Estimator {
    static final List<List<String>> LEVELS = List.of(
            List.of("direction", "citizenship", "purpose", "sex", "ageGroup"),
            List.of("direction", "citizenship", "purpose", "sex"),
            List.of("direction", "citizenship", "purpose"),
            List.of("direction", "citizenship"),
            List.of("direction"));

    /** A provisional crossing's probability p, from a cohort of {@code cohort} crossings identified by group. */
    record Rate(Object group, double p, double cohort) {}

    /** A cohort group of packed cells: its level in {@link #LEVELS} and its key bits. */
    private record PackedGroup(int level, long key) {}

    private final int clock;
    /** Today's estimate: finality from the final dates at the query's clock; null for a back-cast. */
    private final ClockView atClock;

    private final int minCohort;
    private final Map<String, double[]> cohorts = new HashMap<>();
    // The packed path (today's estimate over packed cells): the same cohorts, keyed by the cells' code bits.
    private final Cube.Packed packed;
    private final long[] levelMasks;
    private final LongDoubleMap[] ltmCounts;
    private final LongDoubleMap[] totals;
    private final long finalDateMask;
    /** Final-date bits to finality at the clock; shared by queries. */
    private final Map<Long, Boolean> finalAtClock = new java.util.concurrent.ConcurrentHashMap<>();

    private final long ltmMask;
    private final long ltmTrue;
    private final Map<Long, Rate> rates = new java.util.concurrent.ConcurrentHashMap<>(); // shared by queries

    /** Today's estimate at the query's clock: an outcome is final once the clock is past its final date (§5). */
    Estimator(Collection<Cell> migrationCells, ClockView atClock, int minCohort) {
        this(migrationCells, Cube.monthIndex(java.time.YearMonth.from(atClock.clock())), atClock, minCohort);
    }

    /**
     * The estimate as it would have been made at month {@code clock} (back-cast, revisions): a crossing counts as
     * final then when its final date's month is not after it.
     */
    Estimator(Collection<Cell> migrationCells, int clock, int minCohort) {
        this(migrationCells, clock, null, minCohort);
    }

    private Estimator(Collection<Cell> migrationCells, int clock, ClockView atClock, int minCohort) {
        this.clock = clock;
        this.atClock = atClock;
        this.minCohort = minCohort;
        this.packed = null;
        this.levelMasks = null;
        this.ltmCounts = null;
        this.totals = null;
        this.finalDateMask = 0;
        this.ltmMask = 0;
        this.ltmTrue = -1;
        for (Cell cell : migrationCells) {
            if (!isFinal(cell) || finalMonth(cell) <= clock - 12) {
                continue; // not final yet, or already final at the cohort's stage
            }
            boolean ltm = "true".equals(cell.dim("ltm"));
            String[] keys = groupKeys(cell.month(), cell);
            for (String key : keys) {
                double[] counts = cohorts.computeIfAbsent(key, k -> new double[2]);
                counts[0] += ltm ? cell.count() : 0;
                counts[1] += cell.count();
            }
        }
    }

    /**
     * Today's estimator over packed migration cells (fast path, same figures as the cell path): the cells must
     * carry the dimensions of {@link #LEVELS}, ltm, finalMonth and finalDay.
     */
    Estimator(Cube.Packed cells, ClockView atClock, int minCohort) {
        this.clock = Cube.monthIndex(java.time.YearMonth.from(atClock.clock()));
        this.atClock = atClock;
        this.minCohort = minCohort;
        this.packed = cells;
        this.levelMasks = new long[LEVELS.size()];
        this.ltmCounts = new LongDoubleMap[LEVELS.size()];
        this.totals = new LongDoubleMap[LEVELS.size()];
        for (int level = 0; level < LEVELS.size(); level++) {
            long mask = Cube.Packed.MONTH_MASK;
            for (String dim : LEVELS.get(level)) {
                mask |= cells.mask(dim);
            }
            levelMasks[level] = mask;
            ltmCounts[level] = new LongDoubleMap();
            totals[level] = new LongDoubleMap();
        }
        this.finalDateMask = cells.mask("finalMonth") | cells.mask(Contributions.FINAL_DAY);
        this.ltmMask = cells.mask("ltm");
        this.ltmTrue = cells.bits("ltm", "true");
        long finalMonthMask = cells.mask("finalMonth");
        LongDoubleMap finalMonths = new LongDoubleMap();
        for (Cube.Entries e = cells.entries; e.next(); ) {
            long key = e.key();
            if (!isFinal(key)) {
                continue;
            }
            long fmBits = key & finalMonthMask;
            double fm = finalMonths.get(fmBits);
            if (Double.isNaN(fm)) {
                fm = Cube.monthIndex(java.time.YearMonth.parse(cells.decode(key, "finalMonth")));
                finalMonths.put(fmBits, fm);
            }
            if (fm <= clock - 12) {
                continue; // already final at the cohort's stage
            }
            double count = e.value();
            boolean ltm = (key & ltmMask) == ltmTrue;
            for (int level = 0; level < levelMasks.length; level++) {
                long group = key & levelMasks[level];
                add(ltmCounts[level], group, ltm ? count : 0);
                add(totals[level], group, count);
            }
        }
    }

    private static void add(LongDoubleMap map, long key, double value) {
        double current = map.get(key);
        map.put(key, (Double.isNaN(current) ? 0 : current) + value);
    }

    /** True when this estimator reads packed cells ({@link #isFinal(long)}, {@link #rate(long)}). */
    boolean isPacked() {
        return packed != null;
    }

    /** Packed path: whether a cell key's outcomes are final at the clock (decoded once per final date). */
    boolean isFinal(long key) {
        return finalAtClock.computeIfAbsent(
                key & finalDateMask,
                bits -> atClock.outcomeFinal(ClockView.finalDate(
                        packed.decode(key, "finalMonth"), packed.decode(key, Contributions.FINAL_DAY))));
    }

    /** Packed path: {@link #rate(Cell)} of a provisional cell key. */
    Rate rate(long key) {
        long memo = key & (levelMasks[0] | ltmMask);
        Rate known = rates.get(memo);
        if (known != null) {
            return known;
        }
        Rate rate = null;
        long cohortKey = packed.shiftMonth(key, -12);
        for (int level = 0; level < LEVELS.size() && cohortKey >= 0 && rate == null; level++) {
            long group = cohortKey & levelMasks[level];
            double total = totals[level].get(group);
            boolean coarsest = level == LEVELS.size() - 1;
            if (!Double.isNaN(total) && total > 0 && (total >= minCohort || coarsest)) {
                rate = new Rate(new PackedGroup(level, group), ltmCounts[level].get(group) / total, total);
            }
        }
        if (rate == null) {
            rate = new Rate("own-outcome", (key & ltmMask) == ltmTrue ? 1 : 0, 0);
        }
        rates.put(memo, rate);
        return rate;
    }

    boolean isFinal(Cell cell) {
        return atClock != null ? atClock.outcomeFinal(cell) : finalMonth(cell) <= clock;
    }

    /** The probability that a provisional crossing in this cell ends as a long-term migration. */
    Rate rate(Cell provisional) {
        String[] keys = groupKeys(provisional.month() - 12, provisional);
        for (int level = 0; level < LEVELS.size(); level++) {
            String key = keys[level];
            double[] counts = cohorts.get(key);
            boolean coarsest = level == LEVELS.size() - 1;
            if (counts != null && counts[1] > 0 && (counts[1] >= minCohort || coarsest)) {
                return new Rate(key, counts[0] / counts[1], counts[1]);
            }
        }
        // No finalised cohort at all. Today: the engine's provisional outcome. Back-cast: the cube holds only the
        // final outcome, which was not known then, so use the §5 default of a fresh review (the person is
        // assumed to stay: a long-term migration).
        boolean provisionalOutcome = atClock == null || "true".equals(provisional.dim("ltm"));
        return new Rate("own-outcome", provisionalOutcome ? 1 : 0, 0);
    }

    private static final Map<String, Integer> MONTHS = new java.util.concurrent.ConcurrentHashMap<>();

    static int finalMonth(Cell cell) {
        return MONTHS.computeIfAbsent(cell.dim("finalMonth"), m -> Cube.monthIndex(java.time.YearMonth.parse(m)));
    }

    /** The group keys of a cell at every level, finest first; each coarser key is a prefix of the finer one. */
    private static String[] groupKeys(int month, Cell cell) {
        List<String> finest = LEVELS.get(0);
        String[] keys = new String[LEVELS.size()];
        StringBuilder key = new StringBuilder(48).append(month);
        for (int i = 0; i < finest.size(); i++) {
            key.append('|').append(cell.dim(finest.get(i)));
            int level = LEVELS.size() - 1 - i; // LEVELS drop the last dimension of the finest group one by one
            keys[level] = key.toString();
        }
        return keys;
    }

    private record GroupRate(Object group, double p) {}

    /** Accumulates one row's final count and provisional crossings, then gives the estimate and interval. */
    static final class Accumulator {
        private double finalCount;
        private final Map<GroupRate, double[]> groups = new HashMap<>(); // group -> {n, p, cohort}

        void addFinal(double count) {
            finalCount += count;
        }

        void addProvisional(double count, Rate rate) {
            double[] g = groups.computeIfAbsent(
                    new GroupRate(rate.group(), rate.p()), k -> new double[] {0, rate.p(), rate.cohort()});
            g[0] += count;
        }

        double finalCount() {
            return finalCount;
        }

        double estimate() {
            double est = finalCount;
            for (double[] g : groups.values()) {
                est += g[0] * g[1];
            }
            return est;
        }

        /**
         * The 95% interval. Crossings with no cohort at all (p is their own provisional outcome, not an estimate)
         * widen it to every outcome they can still have, from none to all of them long-term migrations: a
         * zero-width interval there would claim a certainty no data supports.
         */
        double[] interval() {
            double variance = 0;
            double provisional = 0;
            double unknown = 0;
            double unknownEstimate = 0;
            for (double[] g : groups.values()) {
                double n = g[0];
                double p = g[1];
                provisional += n;
                if (g[2] > 0) {
                    variance += n * p * (1 - p) + n * n * p * (1 - p) / g[2];
                } else {
                    unknown += n;
                    unknownEstimate += n * p;
                }
            }
            double known = estimate() - unknownEstimate;
            double half = 1.96 * Math.sqrt(variance);
            return new double[] {
                Math.max(finalCount, known - half), Math.min(finalCount + provisional, known + unknown + half)
            };
        }
    }
}
