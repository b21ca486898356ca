package org.borderflows.query.tables;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.borderflows.domain.AtClock;
import org.borderflows.domain.RuleSettings;
import org.borderflows.query.topology.MigrationContribution;

/**
 * How far the estimator's past estimates were from the final counts, by direction and stage (months after the
 * crossing month), measured on the latest {@link #MONTHS} crossing months whose outcomes are all final and whose
 * cohort month has the estimator's whole groups behind it (RULES.md §6: honest intervals): its crossings' status
 * years, up to {@link MigrationContribution#STATUS_YEARS_CAP}, need that many years of data before them, and the
 * data's first year lacks the earlier crossings of travellers already mid-stay when the data begin. A cohort with
 * less behind it puts its travellers in the wrong groups (a resident of three years counted as in his first, or as
 * a visitor), so its back-casts measure the data's start, not the estimator. For each month measured and stage s
 * the estimate is made again as at the end of month + s (a back-cast, as the revisions table makes it) and its
 * provisional part compared with what those crossings became.
 * The spread of a provisional crossing at that stage is the square root of the mean, over the months, of the
 * squared revision (final - estimate) less the binomial variance the model itself gives it (sum of p (1 - p)), per
 * provisional crossing squared: what the model leaves out, such as its bias in the most recent months, and 0 where
 * it was right. It widens today's intervals by the same relative amount (Stats NZ bases the intervals of its
 * provisional migration estimates on past revisions in the same way).
 *
 * <p>Months estimated at the same clock share its rates, so their revisions move together, and a year-ended total
 * adds twelve of them. Per direction, the correlation of the revisions of two months back-cast at the same clock is
 * measured as sum(revision x revision') / sum(n spread x n' spread') over every such pair (clamped to [0, 1]); a sum
 * of months then gets (1 - correlation) of their spreads' variance as independent parts and the rest as one shared
 * part ({@link Estimate}). A single month's variance is unchanged.
 */
final class RevisionSpread {
    /** The settled crossing months the spread is measured on. */
    static final int MONTHS = 12;

    /**
     * Months from the first month of data to the first month measured: its cohort month, a year earlier, has the
     * longest status years behind it.
     */
    static final int FIRST_MEASURED_AFTER_MONTHS = 12 * (MigrationContribution.STATUS_YEARS_CAP + 1);

    private static final RevisionSpread NONE = new RevisionSpread(Map.of(), Map.of());

    private final Map<List<Object>, Double> spread; // (direction, stage) -> RMS relative revision
    private final Map<Object, Double> correlation; // direction -> correlation of months revised at the same clock

    private RevisionSpread(Map<List<Object>, Double> spread, Map<Object, Double> correlation) {
        this.spread = spread;
        this.correlation = correlation;
    }

    /** The spread of a provisional crossing of {@code direction} at {@code stage}; 0 when nothing was measured. */
    double of(Object direction, int stage) {
        return spread.getOrDefault(List.of(direction, stage), 0.0);
    }

    /** The correlation of two months' revisions of {@code direction} made at the same clock; 0 when not measured. */
    double correlation(Object direction) {
        return correlation.getOrDefault(direction, 0.0);
    }

    static <T> RevisionSpread measure(
            Iterable<T> cells, Estimator.Reader<T> reader, LocalDate clock, RuleSettings rules, double priorWeight) {
        Map<Integer, Boolean> settled = new HashMap<>();
        int first = Integer.MAX_VALUE;
        for (T cell : cells) {
            int month = reader.month(cell);
            settled.merge(month, !AtClock.provisional(reader.finalDate(cell), clock), Boolean::logicalAnd);
            first = Math.min(first, month);
        }
        int firstMeasured = first + FIRST_MEASURED_AFTER_MONTHS;
        TreeSet<Integer> months = new TreeSet<>();
        settled.forEach((month, all) -> {
            // a month with a cohort (no back-cast from the prior alone), the cohort with its status years behind it
            if (all && settled.containsKey(month - 12) && month >= firstMeasured) {
                months.add(month);
            }
        });
        while (months.size() > MONTHS) {
            months.pollFirst();
        }
        if (months.isEmpty()) {
            return NONE;
        }
        Map<Integer, Estimator<T>> backCasts = new HashMap<>();
        Map<List<Object>, double[]> parts =
                new HashMap<>(); // (direction, month, stage) -> {crossings, estimate, final, binomial variance}
        for (T cell : cells) {
            int month = reader.month(cell);
            if (!months.contains(month)) {
                continue;
            }
            double count = reader.count(cell);
            for (int stage = 0; stage <= rules.windowMonths(); stage++) {
                Estimator<T> then = backCasts.computeIfAbsent(
                        month + stage,
                        end -> new Estimator<>(
                                cells, reader, Cube.yearMonth(end).atEndOfMonth(), true, rules, priorWeight, null));
                if (then.isFinal(cell)) {
                    continue;
                }
                double[] part =
                        parts.computeIfAbsent(List.of(reader.direction(cell), month, stage), k -> new double[4]);
                double p = then.rate(cell).p();
                part[0] += count;
                part[1] += count * p;
                part[2] += reader.ltm(cell) ? count : 0;
                part[3] += count * p * (1 - p);
            }
        }
        Map<List<Object>, double[]> squares = new HashMap<>(); // (direction, stage) -> {sum of squares, months}
        parts.forEach((key, part) -> {
            double revision = part[2] - part[1];
            double[] sum = squares.computeIfAbsent(List.of(key.get(0), key.get(2)), k -> new double[2]);
            sum[0] += (revision * revision - part[3]) / (part[0] * part[0]);
            sum[1]++;
        });
        Map<List<Object>, Double> spread = new HashMap<>();
        squares.forEach((key, sum) -> spread.put(key, Math.sqrt(Math.max(0, sum[0] / sum[1]))));
        return new RevisionSpread(spread, correlations(parts, spread));
    }

    /**
     * Per direction: sum over pairs of months back-cast at the same clock of revision x revision', over the same sum
     * of the spreads' n x spread x n' x spread'. The sum over the pairs of one clock is ((sum x)^2 - sum x^2) / 2.
     */
    private static Map<Object, Double> correlations(
            Map<List<Object>, double[]> parts, Map<List<Object>, Double> spread) {
        // (direction, clock) -> sums of {revision, revision^2, n x spread, (n x spread)^2}
        Map<List<Object>, double[]> atClock = new HashMap<>();
        parts.forEach((key, part) -> {
            int clock = (Integer) key.get(1) + (Integer) key.get(2);
            double revision = part[2] - part[1];
            double amplitude = part[0] * spread.get(List.of(key.get(0), key.get(2)));
            double[] sum = atClock.computeIfAbsent(List.of(key.get(0), clock), k -> new double[4]);
            sum[0] += revision;
            sum[1] += revision * revision;
            sum[2] += amplitude;
            sum[3] += amplitude * amplitude;
        });
        Map<Object, double[]> sums = new HashMap<>(); // direction -> {sum of revision products, of amplitude products}
        atClock.forEach((key, s) -> {
            double[] sum = sums.computeIfAbsent(key.get(0), k -> new double[2]);
            sum[0] += (s[0] * s[0] - s[1]) / 2;
            sum[1] += (s[2] * s[2] - s[3]) / 2;
        });
        Map<Object, Double> correlation = new HashMap<>();
        sums.forEach((direction, sum) -> {
            if (sum[1] > 0) {
                correlation.put(direction, Math.min(1, Math.max(0, sum[0] / sum[1])));
            }
        });
        return correlation;
    }
}
