package org.borderflows.query.tables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.schema.DriftPart;
import org.borderflows.schema.EstimateVintage;
import org.borderflows.schema.ProvisionalPart;

/**
 * The §6 estimate of one figure (RULES.md §6): its final count so far plus, per provisional crossing, the probability
 * that it ends as a long-term migration, with a 95% prediction interval of the final count.
 *
 * <p>Variance: the provisional crossings of one estimator group share one rate p of weight w (p is known about as
 * well as w crossings tell), so their number of migrations is beta-binomial: n p (1 - p) (w + n) / (w + 1), the
 * Bernoulli variance n p (1 - p) widened by the uncertainty of p. To that comes the rates' possible change since the
 * cohort's year ({@link Estimator.Rate#drift()}), taken as one shift common to all provisional crossings of a
 * direction and situation, whatever their month: (sum of n sqrt(drift))^2, so a year-ended total is not made more
 * certain by adding months that move together. And the spread of past revisions at the crossings' stage
 * ({@link RevisionSpread}), per direction and month: (provisional crossings x spread)^2, of which the measured
 * correlation r of months revised at the same clock is one part shared by all months of the direction and 1 - r is
 * the month's own: a sum of months gets (1 - r) sum(a_m^2) + r (sum a_m)^2, a single month a_m^2.
 * Otherwise groups are taken as independent (each has its own cohort),
 * so variances add; a sum of figures (a year-ended total) merges
 * their groups, never their bounds. The interval is estimate +/- 1.96 sd, within what the final count can still
 * be: [final count, final count + provisional crossings].
 */
final class Estimate {
    static final double Z95 = 1.96;

    private double finalCount;
    private final Map<Object, double[]> groups = new HashMap<>(); // rate group -> {n, p, weight}
    private final Map<Object, double[]> drifts = new HashMap<>(); // drift series -> {sum of n sqrt(drift)}

    void addFinal(double count) {
        finalCount += count;
    }

    void addProvisional(double count, Estimator.Rate rate) {
        groups.computeIfAbsent(rate.group(), k -> new double[] {0, rate.p(), rate.weight()})[0] += count;
        drifts.computeIfAbsent(rate.driftGroup(), k -> new double[1])[0] += count * Math.sqrt(rate.drift());
        double spread = count * rate.revisionSpread();
        double shared = rate.revisionCorrelation();
        if (spread > 0 && shared < 1) {
            drifts.computeIfAbsent(rate.revisionGroup(), k -> new double[1])[0] += spread * Math.sqrt(1 - shared);
        }
        if (spread > 0 && shared > 0) {
            drifts.computeIfAbsent(rate.sharedRevisionGroup(), k -> new double[1])[0] += spread * Math.sqrt(shared);
        }
    }

    /** Adds another figure's parts (a month to a year-ended total). */
    void add(Estimate other) {
        finalCount += other.finalCount;
        other.groups.forEach((group, g) -> groups.computeIfAbsent(group, k -> new double[] {0, g[1], g[2]})[0] += g[0]);
        other.drifts.forEach((group, d) -> drifts.computeIfAbsent(group, k -> new double[1])[0] += d[0]);
    }

    /**
     * The estimate as kept in a vintage: the final count and its parts, named so that parts that share a rate (of
     * this vintage, hence the prefix) or a drift merge again when added up.
     */
    EstimateVintage.Builder toVintage(String vintage) {
        List<ProvisionalPart> parts = new ArrayList<>(groups.size());
        groups.forEach((group, g) -> parts.add(new ProvisionalPart(vintage + "/" + group, g[0], g[1], g[2])));
        List<DriftPart> spreads = new ArrayList<>(drifts.size());
        drifts.forEach((group, d) -> spreads.add(new DriftPart(String.valueOf(group), d[0])));
        return EstimateVintage.newBuilder()
                .setFinalCount(finalCount)
                .setProvisional(parts)
                .setDrifts(spreads);
    }

    /** An estimate as a vintage kept it. */
    static Estimate of(EstimateVintage kept) {
        Estimate e = new Estimate();
        e.finalCount = kept.getFinalCount();
        for (ProvisionalPart part : kept.getProvisional()) {
            e.groups.computeIfAbsent(part.getRateGroup(), k -> new double[] {0, part.getP(), part.getWeight()})[0] +=
                    part.getCrossings();
        }
        for (DriftPart part : kept.getDrifts()) {
            e.drifts.computeIfAbsent(part.getDriftGroup(), k -> new double[1])[0] += part.getSpread();
        }
        return e;
    }

    double finalCount() {
        return finalCount;
    }

    double provisional() {
        double n = 0;
        for (double[] g : groups.values()) {
            n += g[0];
        }
        return n;
    }

    double estimate() {
        double est = finalCount;
        for (double[] g : groups.values()) {
            est += g[0] * g[1];
        }
        return est;
    }

    double variance() {
        double variance = 0;
        for (double[] g : groups.values()) {
            double n = g[0];
            double p = g[1];
            double w = g[2];
            variance += n * p * (1 - p) * (w + n) / (w + 1);
        }
        for (double[] d : drifts.values()) {
            variance += d[0] * d[0];
        }
        return variance;
    }

    /** The 95% interval, within [final count, final count + provisional crossings]. */
    double[] interval() {
        double half = Z95 * Math.sqrt(variance());
        double estimate = estimate();
        return new double[] {
            Math.max(finalCount, estimate - half), Math.min(finalCount + provisional(), estimate + half)
        };
    }

    /**
     * Net migration, arrivals - departures: the estimates' difference and, assuming the two directions independent
     * (their crossings are different people's reviews and have different cohorts), var = var(arrivals) +
     * var(departures); the interval is within what the final net can still be.
     *
     * @return {estimate, lower, upper, final count}
     */
    static double[] net(Estimate arrivals, Estimate departures) {
        double estimate = arrivals.estimate() - departures.estimate();
        double half = Z95 * Math.sqrt(arrivals.variance() + departures.variance());
        double lowest = arrivals.finalCount() - departures.finalCount() - departures.provisional();
        double highest = arrivals.finalCount() + arrivals.provisional() - departures.finalCount();
        return new double[] {
            estimate,
            Math.max(lowest, estimate - half),
            Math.min(highest, estimate + half),
            arrivals.finalCount() - departures.finalCount()
        };
    }
}
