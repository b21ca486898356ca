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
import org.borderflows.query.topology.CellDimension;
import org.borderflows.query.topology.MigrationContribution;

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
 * months, to the day (their final date after c', §5). Their situation at c' is read from the facts the cells keep
 * (the final date, and the time back in bins): a crossing that is not a migration was back on the old side at c'
 * if its decisive time back began by then (its final date is N days after that, less any earlier time back, which
 * the cells give; without it, N days), and on the new side until its time there could have run out (N days before
 * its final date); in between, on an earlier trip back or on its last stay, whichever kind of time it had more of
 * (see {@link #onNewSide}); a migration was on the new side, unless c' fell in its time back: the first time back
 * begins the recorded number of days after the crossing and ends T - that many days before the final date (the
 * final date is crossing + T + time back; a migration's time back is taken as one trip). Its outcome is the final
 * one, or, when still under review at c, its provisional outcome (at most a few months from final by then). Rate =
 * long-term migrations / crossings of that cohort and situation.
 *
 * <p><b>Groups and shrinkage.</b> Groups are direction x citizenship x purpose x status years x sex x age group,
 * each with the situation. Status years are the traveller's own earlier outcomes: the whole years since the migration
 * that gave him his status before the crossing (a resident leaving in the first year after his arrival, in the
 * second, or later), or none (the status from citizenship). Between a direction's citizenships and the direction are
 * its nationals and its foreigners (who leave and arrive for different reasons: a foreign resident leaving is not
 * pulled to the rate of nationals' trips). A group's rate is shrunk towards its coarser group's (beta-binomial,
 * empirical Bayes): p = (k + w p_parent) / (n + w), from the finest group down; above the direction x situation
 * level is the direction's pooled rate (all situations), and above that a uniform Beta(1, 1). The weight w a parent
 * lends is measured per level, direction and situation from how much its groups' rates differ
 * ({@link #priorWeights}), at most {@code priorWeight} and never more than the parent's own weight. So a sparse
 * group leans on its parent instead of being dropped, but a group unlike its siblings (workers among visitors) is not
 * pulled to their rate, and a crossing always gets a rate with an honest weight (never its own provisional outcome
 * taken as certain).
 *
 * <p>A back-cast (revisions: the estimate as it would have been made at a past clock) reads the provisional
 * crossings' situation from their final facts the same way as the cohort's.
 */
final class Estimator<T> {
    private static final String STATUS_YEARS = CellDimension.STATUS_YEARS.key();

    /**
     * The levels read from the cells' dimensions, finest first ({@link Reader#group}); the estimator's own levels are
     * these with {@link #NATIONALITY} between the last two.
     */
    static final List<List<String>> LEVELS = List.of(
            List.of("direction", "citizenship", "purpose", STATUS_YEARS, "sex", "ageGroup"),
            List.of("direction", "citizenship", "purpose", STATUS_YEARS, "sex"),
            List.of("direction", "citizenship", "purpose", STATUS_YEARS),
            List.of("direction", "citizenship", "purpose"),
            List.of("direction", "citizenship"),
            List.of("direction"));

    /** The day a crossing is taken to have been made in its month. */
    private static final int MID_MONTH = 15;

    /** The least weight a coarser group lends, however much the groups under it differ. */
    static final double MIN_PRIOR_WEIGHT = 1;

    /**
     * The level between a direction's citizenships and the direction: its nationals (citizens of the reporting
     * country) or its foreigners. Not a dimension of the cells: read from the citizenship.
     */
    private static final int NATIONALITY = LEVELS.size() - 1;

    /** The direction's level in a situation. */
    private static final int DIRECTION = LEVELS.size();

    /** The level of the direction's rate over both situations, above {@link #DIRECTION}. */
    private static final int POOLED = DIRECTION + 1;

    /** A group of the {@link #NATIONALITY} level: the direction's group (with its month) and nationals or not. */
    private record Nationality(Object direction, boolean national) {}

    /**
     * A provisional crossing's probability p and the weight behind it (cohort crossings plus the prior's), which
     * makes the variance of p about p (1 - p) / (weight + 1).
     */
    record Rate(
            Object group,
            double p,
            double weight,
            Object driftGroup,
            double drift,
            Object revisionGroup,
            double revisionSpread,
            Object sharedRevisionGroup,
            double revisionCorrelation) {}

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

        /** Whether the cell's citizenship is {@code country}'s. */
        boolean citizenOf(T cell, String country);

        LocalDate finalDate(T cell);

        /** The cell's {@link CellDimension#TIME_BACK}: the bin's first day; -1 when none. */
        int timeBack(T cell);

        double count(T cell);
    }

    private final Reader<T> reader;
    private final LocalDate clock;
    private final boolean backCast;
    private final int allowanceDays;
    private final int thresholdDays;
    private final double priorWeight;
    private final String reportingCountry;
    private final Map<Key, Tally> tallies = new HashMap<>();
    /** (level, direction, situation) -> the weight its coarser groups lend it ({@link #priorWeights}). */
    private final Map<List<Object>, Double> priorWeights;

    private final Map<Object, Rate> rates = new ConcurrentHashMap<>(); // shared by queries
    /** How far past estimates were revised; null for a back-cast (its own revisions are not known then). */
    private final RevisionSpread revisions;

    /**
     * @param clock the clock the estimate is made at
     * @param backCast true when {@code clock} is in the past (revisions): the provisional crossings' situation then
     *     is read from their final facts
     * @param priorWeight the most crossings' worth of weight a group's coarser group lends it
     * @param revisions how far past estimates were revised, which widens the intervals; null for a back-cast
     */
    Estimator(
            Iterable<T> cells,
            Reader<T> reader,
            LocalDate clock,
            boolean backCast,
            RuleSettings rules,
            double priorWeight,
            RevisionSpread revisions) {
        this.reader = reader;
        this.revisions = revisions;
        this.clock = clock;
        this.backCast = backCast;
        this.allowanceDays = rules.allowanceDays();
        this.thresholdDays = rules.thresholdDays();
        this.priorWeight = priorWeight;
        this.reportingCountry = rules.reportingCountry();
        Cohort lastYear = Cohort.before(clock, 1);
        Cohort yearBefore = Cohort.before(clock, 2);
        for (T cell : cells) {
            boolean ltm = isFinal(cell) ? reader.ltm(cell) : situation(cell);
            tally(cell, ltm, lastYear, 0);
            tally(cell, ltm, yearBefore, DIRECTION);
        }
        this.priorWeights = priorWeights(priorWeight);
    }

    /** A cohort {@code years} before the clock: its clock, and that clock's month (see {@link Cube#monthIndex}). */
    private record Cohort(int years, LocalDate clock, int month) {
        static Cohort before(LocalDate estimateClock, int years) {
            LocalDate clock = estimateClock.minusYears(years);
            return new Cohort(years, clock, Cube.monthIndex(YearMonth.from(clock)));
        }
    }

    /**
     * Adds a cell to the cohort of the crossings {@code cohort.years()} later, at the same stage, from level {@code
     * from} up; the cohort two years earlier is kept at the coarse levels only, to see how much the rate moves in a
     * year.
     */
    private void tally(T cell, boolean ltm, Cohort cohort, int from) {
        double count = reader.count(cell);
        if (count <= 0
                || reader.month(cell) > cohort.month()
                || !AtClock.provisional(reader.finalDate(cell), cohort.clock())) {
            return; // crossed after the cohort's clock (no crossing to estimate from it), or already final then
        }
        int years = cohort.years();
        boolean onNewSide = onNewSide(cell, cohort.clock());
        Key parent = null;
        for (int level = POOLED; level >= from; level--) {
            Object group = group(cell, level, 0);
            Key key = new Key(level, group, level == POOLED ? null : onNewSide, years);
            Key parentKey = parent;
            Tally t = tallies.computeIfAbsent(key, k -> new Tally(parentKey, reader.direction(cell)));
            t.migrations += ltm ? count : 0;
            t.crossings += count;
            parent = key;
        }
    }

    /** A cohort group's long-term migrations and crossings, with its coarser group and its direction. */
    private static final class Tally {
        final Key parent;
        final Object direction;
        double migrations;
        double crossings;

        Tally(Key parent, Object direction) {
            this.parent = parent;
            this.direction = direction;
        }

        double rate() {
            return migrations / crossings;
        }
    }

    /**
     * The weight each level's coarser groups lend it, by direction and situation: how far the groups' rates spread
     * around their coarser groups' beyond what chance gives (beta-binomial, method of moments). Over the groups i of
     * a level, with n crossings, rate r and coarser rate q: S = sum n (r - q)^2, A = sum q (1 - q), B = sum q (1 - q)
     * (n - 1); their share of variance between groups rho = (S - A) / B, and the prior's weight 1 / rho - 1, between
     * {@link #MIN_PRIOR_WEIGHT} and {@code priorWeight}. A level whose groups differ (arrivals to work and to visit)
     * lends little, one whose groups are alike (men and women of a purpose) lends up to {@code priorWeight}. The
     * direction's rate in a situation has one group per month, too few to measure a spread: it takes {@code
     * priorWeight} from the direction's pooled rate.
     */
    private Map<List<Object>, Double> priorWeights(double priorWeight) {
        Map<List<Object>, double[]> sums = new HashMap<>(); // {S, A, B}
        tallies.forEach((key, t) -> {
            if (key.years() != 1 || key.level() >= DIRECTION) {
                return;
            }
            double q = tallies.get(t.parent).rate();
            double r = t.rate();
            double[] sum = sums.computeIfAbsent(List.of(key.level(), t.direction, key.onNewSide()), k -> new double[3]);
            sum[0] += t.crossings * (r - q) * (r - q);
            sum[1] += q * (1 - q);
            sum[2] += q * (1 - q) * (t.crossings - 1);
        });
        Map<List<Object>, Double> weights = new HashMap<>();
        sums.forEach((level, sum) -> {
            double rho = sum[2] <= 0 ? 0 : (sum[0] - sum[1]) / sum[2];
            weights.put(level, rho <= 0 ? priorWeight : Math.max(MIN_PRIOR_WEIGHT, Math.min(priorWeight, 1 / rho - 1)));
        });
        return weights;
    }

    /**
     * Whether a crossing that ended as a migration was back on the old side at {@code at}: in its time back, from
     * the crossing + the days to its first time back (the middle of the cell's bin) to the final date - T + those
     * days.
     */
    private boolean inTimeBack(T cell, LocalDate at) {
        int toTimeBack = reader.timeBack(cell);
        if (toTimeBack < 0) {
            return false;
        }
        long days = middleOfBin(toTimeBack);
        LocalDate left = crossedAbout(cell).plusDays(days);
        LocalDate returned = reader.finalDate(cell).minusDays(thresholdDays).plusDays(days);
        return !at.isBefore(left) && at.isBefore(returned);
    }

    /** The cells keep a time back in bins of days: taken as the middle of its bin. */
    private static int middleOfBin(int binStart) {
        return binStart + MigrationContribution.TIME_BACK_BIN_DAYS / 2;
    }

    /** The cells keep the month of a crossing, not its day: taken as the middle of the month. */
    private LocalDate crossedAbout(T cell) {
        return Cube.yearMonth(reader.month(cell)).atDay(MID_MONTH);
    }

    /** Today's estimator over decoded migration cells. */
    static Estimator<Cell> ofCells(
            Collection<Cell> cells, LocalDate clock, RuleSettings rules, int priorWeight, RevisionSpread revisions) {
        return new Estimator<>(cells, new CellReader(), clock, false, rules, priorWeight, revisions);
    }

    /** Today's estimator over decoded migration cells, with the revisions measured on them. */
    static Estimator<Cell> ofCells(Collection<Cell> cells, LocalDate clock, RuleSettings rules, int priorWeight) {
        return ofCells(
                cells,
                clock,
                rules,
                priorWeight,
                RevisionSpread.measure(cells, new CellReader(), clock, rules, priorWeight));
    }

    /** The estimator as it would have stood at the end of a past month (revisions). */
    static Estimator<Cell> backCast(Collection<Cell> cells, YearMonth month, RuleSettings rules, int priorWeight) {
        return new Estimator<>(cells, new CellReader(), month.atEndOfMonth(), true, rules, priorWeight, null);
    }

    /** §5: an outcome is final once the clock is past its final date. */
    boolean isFinal(T cell) {
        return !AtClock.provisional(reader.finalDate(cell), clock);
    }

    double count(T cell) {
        return reader.count(cell);
    }

    /**
     * The probability that a provisional crossing ends as a long-term migration, its weight, how far estimates of its
     * direction at its stage were revised ({@link RevisionSpread}), and how much the rate of its direction and
     * situation may move in a year: drift = (p one year earlier - p two years earlier)^2 / 2, the
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
        double[] directionLastYear = shrunk(provisional, onNewSide, 1, DIRECTION);
        double[] directionYearBefore = shrunk(provisional, onNewSide, 2, DIRECTION);
        double change = directionLastYear[0] - directionYearBefore[0];
        Object direction = reader.direction(provisional);
        int month = reader.month(provisional);
        double spread = revisions == null ? 0 : revisions.of(direction, Cube.monthIndex(YearMonth.from(clock)) - month);
        double correlation = revisions == null ? 0 : revisions.correlation(direction);
        Rate rate = new Rate(
                memo,
                lastYear[0],
                lastYear[1],
                List.of(direction, onNewSide),
                change * change / 2,
                List.of("revision", direction, month),
                spread,
                List.of("revision", direction),
                correlation);
        rates.put(memo, rate);
        return rate;
    }

    /** The cell's group at an estimator level, its month moved by {@code months}; null if out of range. */
    private Object group(T cell, int level, int months) {
        if (level < NATIONALITY) {
            return reader.group(cell, level, months);
        }
        Object direction = reader.group(cell, NATIONALITY, months); // LEVELS' last: the direction's group
        return level == NATIONALITY && direction != null
                ? new Nationality(direction, reader.citizenOf(cell, reportingCountry))
                : direction;
    }

    /** {p, weight} of the cohort {@code years} earlier, shrunk from the coarsest level down to {@code finest}. */
    private double[] shrunk(T provisional, boolean onNewSide, int years, int finest) {
        double p = 0.5;
        double weight = 2; // Beta(1, 1)
        for (int level = POOLED; level >= finest; level--) {
            Object group = group(provisional, level, -12 * years);
            Tally t = group == null
                    ? null
                    : tallies.get(new Key(level, group, level == POOLED ? null : onNewSide, years));
            double k = t == null ? 0 : t.migrations;
            double n = t == null ? 0 : t.crossings;
            double prior = level == POOLED
                    ? weight
                    : Math.min(
                            priorWeights.getOrDefault(
                                    List.of(level, reader.direction(provisional), onNewSide), priorWeight),
                            weight);
            p = (k + prior * p) / (n + prior);
            weight = n + prior;
        }
        return new double[] {p, weight};
    }

    /** A provisional crossing's situation: its own provisional outcome, or for a back-cast, read from its facts. */
    private boolean situation(T cell) {
        return backCast ? onNewSide(cell, clock) : reader.ltm(cell);
    }

    /**
     * On the new side at {@code at}, read from final facts. A migration: unless in its time back. Not a migration:
     * until its time on the new side (O days) could have run out, that is N days before its final date; from its
     * decisive time back on, gone back. In between it was either on an earlier trip back (B days in all) or on its
     * last stay before the decisive time back, in an order the cells do not keep: taken as that last stay when O > B
     * (a long stay with a trip home), as a trip back otherwise (a frequent visitor, mostly at home). It went back the
     * days the cell gives before its final date (the middle of their bin but at most N: most went back once, exactly
     * N days before), or N days before when the cell gives none; B is N less those days.
     */
    private boolean onNewSide(T cell, LocalDate at) {
        if (reader.ltm(cell)) {
            return !inTimeBack(cell, at);
        }
        LocalDate finalDate = reader.finalDate(cell);
        if (at.isBefore(finalDate.minusDays(allowanceDays))) {
            return true;
        }
        int bin = reader.timeBack(cell);
        int toFinal = bin < 0 ? allowanceDays : Math.min(middleOfBin(bin), allowanceDays);
        LocalDate wentBack = finalDate.minusDays(toFinal);
        if (!at.isBefore(wentBack)) {
            return false;
        }
        long earlierTimeBack = allowanceDays - toFinal;
        long onNewSide = ChronoUnit.DAYS.between(crossedAbout(cell), wentBack) - earlierTimeBack;
        return onNewSide > earlierTimeBack;
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
            return cell.dim(CellDimension.DIRECTION.key());
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
        public boolean citizenOf(Cell cell, String country) {
            return country.equals(cell.dim(CellDimension.CITIZENSHIP.key()));
        }

        @Override
        public boolean ltm(Cell cell) {
            return "true".equals(cell.dim(CellDimension.LTM.key()));
        }

        @Override
        public LocalDate finalDate(Cell cell) {
            return MONTHS.computeIfAbsent(cell.dim(CellDimension.FINAL_MONTH.key()), YearMonth::parse)
                    .atDay(Integer.parseInt(cell.dim(CellDimension.FINAL_DAY.key())));
        }

        @Override
        public int timeBack(Cell cell) {
            return MigrationContribution.timeBack(cell.dim(CellDimension.TIME_BACK.key()));
        }

        @Override
        public double count(Cell cell) {
            return cell.count();
        }
    }
}
