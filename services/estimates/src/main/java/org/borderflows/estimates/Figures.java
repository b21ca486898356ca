package org.borderflows.estimates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The backtest's figures over all cut-offs (RULES.md §6): per series (arrivals = ENTRY of non-residents, departures
 * = EXIT of residents, net = arrivals - departures) the error of the year-ended sum at lags 1-12, in % of the
 * final sum, median and worst over the cut-offs (net also in % of the final gross flow, arrivals + departures,
 * since a % of a net near zero means little, and the net's floor: the median |error| that the provisional
 * crossings' own chance alone gives it, 0.6745 sqrt(sum of p (1 - p)) over both directions' provisional crossings
 * in the year, in % of the final net, which no estimator with these facts can beat); per direction the month-cells'
 * relative errors, the coverage of the 95% intervals and the number of [0, n]-like intervals. Month-cells are month
 * x direction cells that still held provisional outcomes at the cut.
 */
record Figures(
        int cuts,
        Map<String, double[]> medianYearEndedError,
        Map<String, double[]> worstYearEndedError,
        Map<String, CellFigures> cells,
        Map<String, double[]> biasByLag,
        Map<String, double[]> yearEndedCoverage) {

    static final List<String> SERIES = List.of("arrivals", "departures", "net", "net/gross", "net floor");

    /** The median of |X| for X normal with mean 0 and standard deviation 1. */
    private static final double MEDIAN_ABS_NORMAL = 0.6745;

    static final int LAGS = 12;
    /** Lags of month-cells that can hold provisional outcomes (W = 487 days is within 16 months). */
    static final int MONTH_LAGS = 16;

    /**
     * Month-cells of one direction: how many, their |relative error| quantiles, interval coverage, [0, n]-like
     * intervals and the most provisional crossings one of those held (a cell of one or two can have no narrower
     * honest interval).
     */
    record CellFigures(
            int count,
            double medianError,
            double p90Error,
            double maxError,
            double coverage,
            int zeroToN,
            int zeroToNMostProvisional) {}

    static String series(String direction) {
        return direction.equals("ENTRY") ? "arrivals" : "departures";
    }

    static Figures of(List<Backtest.Cut> cuts) {
        Map<String, List<List<Double>>> errors = new HashMap<>();
        SERIES.forEach(s -> {
            List<List<Double>> byLag = new ArrayList<>();
            for (int lag = 0; lag <= LAGS; lag++) {
                byLag.add(new ArrayList<>());
            }
            errors.put(s, byLag);
        });
        Map<String, List<Double>> cellErrors = new HashMap<>();
        Map<String, int[]> covered = new HashMap<>(); // direction -> {cells, covered, zeroToN, most provisional}
        Map<String, double[][]> sums = new HashMap<>(); // direction -> lag -> {estimate, final}
        for (Backtest.Cut cut : cuts) {
            for (int lag = 1; lag <= LAGS; lag++) {
                double[] est = new double[2];
                double[] fin = new double[2];
                double bernoulli = 0;
                for (Backtest.MonthCell c : cut.cells()) {
                    if (c.lag() >= lag && c.lag() < lag + 12) {
                        int i = c.direction().equals("ENTRY") ? 0 : 1;
                        est[i] += c.estimate();
                        fin[i] += c.truth();
                        bernoulli += c.bernoulliVariance();
                    }
                }
                errors.get("arrivals").get(lag).add(percent(est[0], fin[0]));
                errors.get("departures").get(lag).add(percent(est[1], fin[1]));
                errors.get("net").get(lag).add(percent(est[0] - est[1], fin[0] - fin[1]));
                // net near zero makes a % of net meaningless: also its error in % of the gross flow
                errors.get("net/gross").get(lag).add(percent(est[0] - est[1], fin[0] - fin[1], fin[0] + fin[1]));
                errors.get("net floor")
                        .get(lag)
                        .add(percent(MEDIAN_ABS_NORMAL * Math.sqrt(bernoulli), 0, fin[0] - fin[1]));
            }
            for (Backtest.MonthCell c : cut.cells()) {
                if (c.lag() <= MONTH_LAGS) {
                    double[] sum =
                            sums.computeIfAbsent(series(c.direction()), k -> new double[MONTH_LAGS + 1][2])[c.lag()];
                    sum[0] += c.estimate();
                    sum[1] += c.truth();
                }
                if (c.provisional() <= 0) {
                    continue;
                }
                String s = series(c.direction());
                if (c.truth() > 0) {
                    cellErrors
                            .computeIfAbsent(s, k -> new ArrayList<>())
                            .add(Math.abs(c.estimate() - c.truth()) / c.truth());
                }
                int[] n = covered.computeIfAbsent(s, k -> new int[4]);
                n[0]++;
                // bounds are published to 0.1
                n[1] += c.truth() >= c.lower() - 0.05 && c.truth() <= c.upper() + 0.05 ? 1 : 0;
                if (Math.abs(c.lower() - c.finalCount()) < 0.05
                        && Math.abs(c.upper() - c.finalCount() - c.provisional()) < 0.05) {
                    n[2]++;
                    n[3] = Math.max(n[3], (int) Math.round(c.provisional()));
                }
            }
        }
        Map<String, double[]> median = new HashMap<>();
        Map<String, double[]> worst = new HashMap<>();
        errors.forEach((s, byLag) -> {
            double[] m = new double[LAGS + 1];
            double[] w = new double[LAGS + 1];
            for (int lag = 1; lag <= LAGS; lag++) {
                List<Double> abs =
                        new ArrayList<>(byLag.get(lag).stream().map(Math::abs).toList());
                Collections.sort(abs);
                m[lag] = quantile(abs, 0.5);
                w[lag] = abs.isEmpty() ? Double.NaN : abs.get(abs.size() - 1);
            }
            median.put(s, m);
            worst.put(s, w);
        });
        Map<String, CellFigures> cells = new HashMap<>();
        covered.forEach((s, n) -> {
            List<Double> e = new ArrayList<>(cellErrors.getOrDefault(s, List.of()));
            Collections.sort(e);
            cells.put(
                    s,
                    new CellFigures(
                            n[0],
                            quantile(e, 0.5),
                            quantile(e, 0.9),
                            e.isEmpty() ? Double.NaN : e.get(e.size() - 1),
                            (double) n[1] / n[0],
                            n[2],
                            n[3]));
        });
        Map<String, double[]> yearEndedCoverage = new HashMap<>(); // series -> {totals, covered}
        for (Backtest.Cut cut : cuts) {
            for (Backtest.YearEnded y : cut.yearEnded()) {
                String s = y.series().equals("NET") ? "net" : series(y.series());
                double[] c = yearEndedCoverage.computeIfAbsent(s, k -> new double[2]);
                c[0]++;
                c[1] += y.truth() >= y.lower() - 0.05 && y.truth() <= y.upper() + 0.05 ? 1 : 0;
            }
        }
        Map<String, double[]> bias = new HashMap<>();
        sums.forEach((s, byLag) -> {
            double[] b = new double[MONTH_LAGS + 1];
            for (int lag = 0; lag <= MONTH_LAGS; lag++) {
                b[lag] = percent(byLag[lag][0], byLag[lag][1]);
            }
            bias.put(s, b);
        });
        return new Figures(cuts.size(), median, worst, cells, bias, yearEndedCoverage);
    }

    /** The largest worst year-ended error of a series over lags 1-12, in %. */
    double worstYearEnded(String series) {
        return largest(worstYearEndedError.get(series));
    }

    /** The largest median (over cut-offs) year-ended error of a series over lags 1-12, in % (RULES.md §6's target). */
    double largestMedianYearEnded(String series) {
        return largest(medianYearEndedError.get(series));
    }

    private static double largest(double[] byLag) {
        double max = 0;
        for (int lag = 1; lag <= LAGS; lag++) {
            max = Math.max(max, byLag[lag]);
        }
        return max;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "cut-offs: %d%n", cuts));
        out.append("year-ended sum, |error| in % of final: median / worst over cut-offs\n");
        out.append(String.format(Locale.ROOT, "%-11s", "lag"));
        for (int lag = 1; lag <= LAGS; lag++) {
            out.append(String.format(Locale.ROOT, "%14d", lag));
        }
        out.append('\n');
        for (String s : SERIES) {
            out.append(String.format(Locale.ROOT, "%-11s", s));
            for (int lag = 1; lag <= LAGS; lag++) {
                out.append(String.format(
                        Locale.ROOT,
                        "%14s",
                        String.format(
                                Locale.ROOT,
                                "%.2f/%.2f",
                                medianYearEndedError.get(s)[lag],
                                worstYearEndedError.get(s)[lag])));
            }
            out.append('\n');
        }
        out.append("month-cells with provisional outcomes: |relative error| median / p90 / max;"
                + " 95% interval coverage; [0,n]-like intervals\n");
        for (String s : List.of("arrivals", "departures")) {
            CellFigures c = cells.get(s);
            if (c == null) {
                continue;
            }
            out.append(String.format(
                    Locale.ROOT,
                    "%-11s cells %5d  error %.3f / %.3f / %.3f  coverage %.1f%%  [0,n] %d (of at most %d"
                            + " provisional)%n",
                    s,
                    c.count(),
                    c.medianError(),
                    c.p90Error(),
                    c.maxError(),
                    100 * c.coverage(),
                    c.zeroToN(),
                    c.zeroToNMostProvisional()));
        }
        out.append("95% intervals of year-ended totals (frequency=year-ended, lags 1-12) covering the final total:");
        for (String s : List.of("arrivals", "departures", "net")) {
            double[] c = yearEndedCoverage.get(s);
            if (c != null) {
                out.append(String.format(Locale.ROOT, " %s %.1f%% of %.0f", s, 100 * c[1] / c[0], c[0]));
            }
        }
        out.append('\n');
        out.append("bias of month-cells by lag 0-16: (sum of estimates - sum of finals) in % of finals\n");
        for (String s : List.of("arrivals", "departures")) {
            double[] b = biasByLag.get(s);
            out.append(String.format(Locale.ROOT, "%-11s", s));
            for (int lag = 0; lag <= MONTH_LAGS && b != null; lag++) {
                out.append(String.format(Locale.ROOT, "%7.1f", b[lag]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static double percent(double estimate, double truth) {
        return percent(estimate, truth, truth);
    }

    private static double percent(double estimate, double truth, double base) {
        return base == 0
                ? (estimate == truth ? 0 : Double.POSITIVE_INFINITY)
                : 100 * (estimate - truth) / Math.abs(base);
    }

    private static double quantile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }
}
