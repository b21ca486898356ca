package org.borderflows.query.tables;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.borderflows.domain.AtClock;
import org.borderflows.domain.RuleSettings;
import org.borderflows.query.tables.Cube.Cell;
import org.borderflows.query.topology.Contributions;

/**
 * The probability that a provisional 12/16 outcome ends as a long-term migration (RULES.md §6; the ABS "migration
 * adjustment" from like travellers 12 months earlier, refined).
 *
 * <p><b>Situation.</b> A provisional crossing at clock c is in one of two situations, read from its own provisional
 * outcome: <i>on the new side</i> (provisionally a migration: the person has not gone back, or not for long) or
 * <i>back on the old side</i> (provisionally not: the person went back and a return before the final date is the
 * only way it can still become a migration). These end very differently, so each has its own rate.
 *
 * <p><b>Cohort.</b> The crossings of the same group 12 months earlier that were still provisional at c' = c - 12
 * months, to the day (their final date after c', §5). Their situation at c' is read from the facts the cells keep:
 * a crossing that ended as a migration, or whose final date is more than N days after c' (a "not a migration"
 * outcome is final N days after the person went back, §5), was on the new side at c'; the others had gone back.
 * A crossing that became a migration after a trip back is counted gone back at c' with the chance that its trip
 * covered c' ({@code backAt}: the cells do not date the trip). Its outcome is the final one, or, when still under review at c, its provisional outcome (at most a
 * few months from final by then). Rate = long-term migrations / crossings of that cohort and situation.
 *
 * <p><b>Groups and shrinkage.</b> Groups are direction x citizenship x purpose x sex x age group, each with the
 * situation. A group's rate is shrunk towards its coarser group's (beta-binomial, empirical Bayes): p = (k + w
 * p_parent) / (n + w), with w = min({@code priorWeight}, weight of the parent), from the finest group down
 * through {@link #LEVELS}; above the direction x situation level is the direction's pooled rate (all situations),
 * and above that a uniform Beta(1, 1). So a sparse group leans on its parent instead of being dropped, and a
 * crossing always gets a rate with an honest weight (never its own provisional outcome taken as certain).
 *
 * <p>A back-cast (revisions: the estimate as it would have been made at a past clock) reads the provisional
 * crossings' situation from their final facts the same way as the cohort's.
 */
final class Estimator<T> {
    static final List<List<String>> LEVELS = List.of(
            List.of("direction", "citizenship", "purpose", "sex", "ageGroup"),
            List.of("direction", "citizenship", "purpose", "sex"),
            List.of("direction", "citizenship", "purpose"),
            List.of("direction", "citizenship"),
            List.of("direction"));

    /** The day a crossing is taken to have been made in its month. */
    private static final int MID_MONTH = 15;

    /** Groups whose trips back inform the timing of the others' (direction x citizenship x purpose). */
    private static final int TIMING_LEVEL = 2;

    private static final int TIMING_DAYS = 10;

    /** The level of the direction's rate over both situations, above {@link #LEVELS}. */
    private static final int POOLED = LEVELS.size();

    /**
     * A provisional crossing's probability p and the weight behind it (cohort crossings plus the prior's), which
     * makes the variance of p about p (1 - p) / (weight + 1).
     */
    record Rate(Object group, double p, double weight, Object driftGroup, double drift) {}

    /** A cohort tally's key: level, group (with its month) and situation (null: both, at {@link #POOLED}). */
    private record Key(int level, Object group, Boolean onNewSide, int years) {}

    /** How the estimator reads a cell: decoded cells, or packed keys. */
    interface Reader<T> {
        /** The cell's month of crossing (see {@link Cube#monthIndex}). */
        int month(T cell);

        /** The cell's direction, as a key. */
        Object direction(T cell);

        /** The cell's group at a level, its month moved by {@code months}; null if out of range. */
        Object group(T cell, int level, int months);

        boolean ltm(T cell);

        LocalDate finalDate(T cell);

        double count(T cell);
    }

    private final Reader<T> reader;
    private final LocalDate clock;
    private final boolean backCast;
    private final int allowanceDays;
    private final int thresholdDays;
    private final double priorWeight;
    private final Map<Key, double[]> tallies = new HashMap<>(); // {long-term migrations, crossings}
    private final Map<Object, Rate> rates = new ConcurrentHashMap<>(); // shared by queries
    /** Per group of {@link #TIMING_LEVEL}: crossings that went back for good, by days on the new side before. */
    private final Map<Object, double[]> leaving = new HashMap<>();

    /**
     * @param clock the clock the estimate is made at
     * @param backCast true when {@code clock} is in the past (revisions): the provisional crossings' situation then
     *     is read from their final facts
     * @param priorWeight crossings' worth of weight a group's coarser group lends it
     */
    Estimator(
            Iterable<T> cells,
            Reader<T> reader,
            LocalDate clock,
            boolean backCast,
            RuleSettings rules,
            double priorWeight) {
        this.reader = reader;
        this.clock = clock;
        this.backCast = backCast;
        this.allowanceDays = rules.allowanceDays();
        this.thresholdDays = rules.thresholdDays();
        this.priorWeight = priorWeight;
        for (T cell : cells) {
            if (!reader.ltm(cell)) {
                leftAfter(cell);
            }
        }
        for (T cell : cells) {
            boolean ltm = isFinal(cell) ? reader.ltm(cell) : situation(cell);
            tally(cell, ltm, 1, 0);
            tally(cell, ltm, 2, POOLED - 1);
        }
    }

    /**
     * Adds a cell to the cohort of the crossings {@code years} later, at the same stage, from level {@code from} up;
     * the cohort two years earlier is kept at the coarse levels only, to see how much the rate moves in a year.
     */
    private void tally(T cell, boolean ltm, int years, int from) {
        LocalDate cohortClock = clock.minusYears(years);
        if (!AtClock.provisional(reader.finalDate(cell), cohortClock)) {
            return; // already final at the cohort's stage
        }
        double count = reader.count(cell);
        double back = ltm ? backAt(cell, cohortClock) : onNewSide(cell, cohortClock) ? 0 : 1;
        for (int level = from; level <= POOLED; level++) {
            Object group = reader.group(cell, Math.min(level, POOLED - 1), 0);
            if (level == POOLED) {
                add(new Key(level, group, null, years), ltm, count);
            } else {
                add(new Key(level, group, true, years), ltm, count * (1 - back));
                add(new Key(level, group, false, years), ltm, count * back);
            }
        }
    }

    private void add(Key key, boolean ltm, double count) {
        if (count > 0) {
            double[] t = tallies.computeIfAbsent(key, k -> new double[2]);
            t[0] += ltm ? count : 0;
            t[1] += count;
        }
    }

    /**
     * Notes when a crossing that is not a migration went back: its final date is N + the days it spent on the new
     * side (§5), which gives the days to the trip back, in {@link #TIMING_DAYS}-day bins per group of level
     * {@link #TIMING_LEVEL}.
     */
    private void leftAfter(T cell) {
        long days = ChronoUnit.DAYS.between(crossedAbout(cell), reader.finalDate(cell)) - allowanceDays;
        if (days >= 0 && days < thresholdDays) {
            double[] bins = leaving.computeIfAbsent(
                    reader.group(cell, TIMING_LEVEL, 0), k -> new double[thresholdDays / TIMING_DAYS + 1]);
            bins[(int) (days / TIMING_DAYS)] += reader.count(cell);
        }
    }

    /**
     * The chance that a crossing which ended as a migration was back on the old side at {@code at}. Its final date is
     * T + the days it spent back (§5); the cells do not say when it went back, so the trip is taken to have begun
     * after as many days on the new side as the group's crossings that went back for good did ({@link #leftAfter}),
     * or uniformly in the T days when the group has none.
     */
    private double backAt(T cell, LocalDate at) {
        LocalDate crossed = crossedAbout(cell);
        long daysBack = ChronoUnit.DAYS.between(crossed, reader.finalDate(cell)) - thresholdDays;
        if (daysBack <= 0) {
            return 0;
        }
        long elapsed =
                ChronoUnit.DAYS.between(crossed, at); // back at `at` if the trip began in (elapsed - back, elapsed]
        double[] bins = leaving.get(reader.group(cell, TIMING_LEVEL, 0));
        double all = 0;
        double covering = 0;
        for (int bin = 0; bins != null && bin < bins.length; bin++) {
            long middle = bin * (long) TIMING_DAYS + TIMING_DAYS / 2;
            all += bins[bin];
            covering += middle > elapsed - daysBack && middle <= elapsed ? bins[bin] : 0;
        }
        if (all > 0) {
            return covering / all;
        }
        long overlap = Math.min(elapsed, thresholdDays) - Math.max(elapsed - daysBack, 0);
        return Math.max(0, Math.min(1, (double) overlap / thresholdDays));
    }

    /** The cells keep the month of a crossing, not its day: taken as the middle of the month. */
    private LocalDate crossedAbout(T cell) {
        return Cube.yearMonth(reader.month(cell)).atDay(MID_MONTH);
    }

    /** Today's estimator over decoded migration cells. */
    static Estimator<Cell> ofCells(Collection<Cell> cells, LocalDate clock, RuleSettings rules, int priorWeight) {
        return new Estimator<>(cells, new CellReader(), clock, false, rules, priorWeight);
    }

    /** The estimator as it would have stood at the end of a past month (revisions). */
    static Estimator<Cell> backCast(Collection<Cell> cells, YearMonth month, RuleSettings rules, int priorWeight) {
        return new Estimator<>(cells, new CellReader(), month.atEndOfMonth(), true, rules, priorWeight);
    }

    /** §5: an outcome is final once the clock is past its final date. */
    boolean isFinal(T cell) {
        return !AtClock.provisional(reader.finalDate(cell), clock);
    }

    double count(T cell) {
        return reader.count(cell);
    }

    /**
     * The probability that a provisional crossing ends as a long-term migration, its weight, and how much the rate of
     * its direction and situation may move in a year: drift = (p one year earlier - p two years earlier)^2 / 2, the
     * variance of a year's change if the rate moves at random from year to year (one pair of years: a rough
     * figure). The change is taken as common to every crossing of the direction and situation, of any month: a
     * shifting mix moves them together.
     */
    Rate rate(T provisional) {
        boolean onNewSide = situation(provisional);
        Key memo = new Key(0, reader.group(provisional, 0, -12), onNewSide, 1);
        Rate known = rates.get(memo);
        if (known != null) {
            return known;
        }
        double[] lastYear = shrunk(provisional, onNewSide, 1, 0);
        double[] directionLastYear = shrunk(provisional, onNewSide, 1, POOLED - 1);
        double[] directionYearBefore = shrunk(provisional, onNewSide, 2, POOLED - 1);
        double change = directionLastYear[0] - directionYearBefore[0];
        Rate rate = new Rate(
                memo, lastYear[0], lastYear[1], List.of(reader.direction(provisional), onNewSide), change * change / 2);
        rates.put(memo, rate);
        return rate;
    }

    /** {p, weight} of the cohort {@code years} earlier, shrunk from the coarsest level down to {@code finest}. */
    private double[] shrunk(T provisional, boolean onNewSide, int years, int finest) {
        double p = 0.5;
        double weight = 2; // Beta(1, 1)
        for (int level = POOLED; level >= finest; level--) {
            Object group = reader.group(provisional, Math.min(level, POOLED - 1), -12 * years);
            double[] t = group == null
                    ? null
                    : tallies.get(new Key(level, group, level == POOLED ? null : onNewSide, years));
            double k = t == null ? 0 : t[0];
            double n = t == null ? 0 : t[1];
            double prior = level == POOLED ? weight : Math.min(priorWeight, weight);
            p = (k + prior * p) / (n + prior);
            weight = n + prior;
        }
        return new double[] {p, weight};
    }

    /** A provisional crossing's situation: its own provisional outcome, or for a back-cast, read from its facts. */
    private boolean situation(T cell) {
        return backCast ? onNewSide(cell, clock) : reader.ltm(cell);
    }

    /** On the new side at {@code at}, read from final facts: a migration, or final more than N days after it. */
    private boolean onNewSide(T cell, LocalDate at) {
        return reader.ltm(cell) || reader.finalDate(cell).isAfter(at.plusDays(allowanceDays));
    }

    /** Decoded cells: groups are strings of the month and the level's values. */
    static final class CellReader implements Reader<Cell> {
        private static final Map<String, YearMonth> MONTHS = new ConcurrentHashMap<>();

        @Override
        public int month(Cell cell) {
            return cell.month();
        }

        @Override
        public Object direction(Cell cell) {
            return cell.dim("direction");
        }

        @Override
        public Object group(Cell cell, int level, int months) {
            StringBuilder key = new StringBuilder(48).append(cell.month() + months);
            for (String dim : LEVELS.get(level)) {
                key.append('|').append(cell.dim(dim));
            }
            return key.toString();
        }

        @Override
        public boolean ltm(Cell cell) {
            return "true".equals(cell.dim("ltm"));
        }

        @Override
        public LocalDate finalDate(Cell cell) {
            return MONTHS.computeIfAbsent(cell.dim("finalMonth"), YearMonth::parse)
                    .atDay(Integer.parseInt(cell.dim(Contributions.FINAL_DAY)));
        }

        @Override
        public double count(Cell cell) {
            return cell.count();
        }
    }
}
