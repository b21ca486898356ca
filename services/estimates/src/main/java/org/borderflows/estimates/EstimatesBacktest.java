package org.borderflows.estimates;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.borderflows.domain.CrossingFact;
import org.borderflows.platform.config.RulesConfiguration;

/**
 * The backtest of the provisional 12/16 estimates (RULES.md §6) from the command line: for each mix and seed, a
 * simulated history is cut at its last month-ends whose outcomes are final by its end, and the estimates the
 * service would have published then are compared with the final counts. Prints the figures per mix and over all.
 *
 * <p>Arguments (all optional, {@code --name value}): {@code --from 2018-07 --to 2024-12 --travellers 60000
 * --seeds 1,2,3 --mixes central-asia,labour-shift,study-growth --cuts 24 --min-cohort 20}; {@code --fates} also
 * prints, per direction, lag and provisional outcome, how many provisional crossings there were and the share that
 * ended as migrations.
 */
public final class EstimatesBacktest {
    record Options(
            YearMonth from,
            YearMonth to,
            int travellers,
            List<Long> seeds,
            List<Mix> mixes,
            int cuts,
            int minCohort,
            boolean fates) {
        static Options parse(String[] args) {
            YearMonth from = YearMonth.of(2018, 7);
            YearMonth to = YearMonth.of(2024, 12);
            int travellers = 60_000;
            List<Long> seeds = List.of(1L, 2L, 3L);
            List<Mix> mixes = Mix.ALL;
            int cuts = 24;
            int minCohort = 20;
            boolean fates = false;
            for (int i = 0; i < args.length; i += 2) {
                if (args[i].equals("--fates")) {
                    fates = true;
                    i--;
                    continue;
                }
                String v = args[i + 1];
                switch (args[i]) {
                    case "--from" -> from = YearMonth.parse(v);
                    case "--to" -> to = YearMonth.parse(v);
                    case "--travellers" -> travellers = Integer.parseInt(v);
                    case "--seeds" ->
                        seeds = List.of(v.split(",")).stream()
                                .map(Long::parseLong)
                                .toList();
                    case "--mixes" ->
                        mixes = List.of(v.split(",")).stream().map(Mix::named).toList();
                    case "--cuts" -> cuts = Integer.parseInt(v);
                    case "--min-cohort" -> minCohort = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(from, to, travellers, seeds, mixes, cuts, minCohort, fates);
        }
    }

    private EstimatesBacktest() {}

    public static void main(String[] args) {
        Options o = Options.parse(args);
        long started = System.nanoTime();
        List<Backtest.Cut> all = new ArrayList<>();
        for (Mix mix : o.mixes()) {
            List<Backtest.Cut> ofMix = new ArrayList<>();
            for (long seed : o.seeds()) {
                ofMix.addAll(run(o, mix, seed));
            }
            System.out.printf(
                    Locale.ROOT,
                    "== mix %s (%s)%n%s%n",
                    mix.name(),
                    seedsText(o),
                    Figures.of(ofMix).render());
            all.addAll(ofMix);
        }
        System.out.printf(Locale.ROOT, "== all mixes%n%s", Figures.of(all).render());
        System.out.println(refitCost(all));
        System.out.printf(Locale.ROOT, "(%.0f s)%n", (System.nanoTime() - started) / 1e9);
    }

    /** What fitting and scoring cost at each cut (RULES.md §6: they must keep up with the stream). */
    static String refitCost(List<Backtest.Cut> cuts) {
        double[] millis =
                cuts.stream().mapToDouble(Backtest.Cut::refitMillis).sorted().toArray();
        int[] cells =
                cuts.stream().mapToInt(Backtest.Cut::migrationCells).sorted().toArray();
        return String.format(
                Locale.ROOT,
                "first migration-12-16 question on a changed cube (rollup, estimator fit, scoring by month,direction):"
                        + " median %.0f ms, max %.0f ms over %d cuts; migration cells median %d, max %d",
                millis[millis.length / 2],
                millis[millis.length - 1],
                millis.length,
                cells[cells.length / 2],
                cells[cells.length - 1]);
    }

    static List<Backtest.Cut> run(Options o, Mix mix, long seed) {
        History.Settings settings =
                new History.Settings(o.from(), o.to(), o.travellers(), seed, mix, ZoneId.of("Asia/Almaty"));
        List<List<CrossingFact>> travellers = History.travellers(settings);
        Backtest backtest =
                new Backtest(RulesConfiguration.fromEnvironment().settings(mix.reportingCountry()), o.minCohort());
        List<Backtest.Cut> cuts = backtest.run(travellers, o.cuts());
        if (o.fates()) {
            backtest.provisionalFates.forEach((k, v) -> System.out.printf(
                    Locale.ROOT, "%s: %.0f crossings, %.3f ended as migrations%n", k, v[0], v[1] / v[0]));
            backtest.outsideTheMigratingSet.forEach((k, v) -> System.out.printf(
                    Locale.ROOT,
                    "%s: %.0f final migrations, %.1f%% not in the migrating direction at the cut%n",
                    k,
                    v[0],
                    100 * v[1] / v[0]));
        }
        return cuts;
    }

    private static String seedsText(Options o) {
        return o.travellers() + " travellers, " + o.from() + ".." + o.to() + ", seeds " + o.seeds() + ", " + o.cuts()
                + " cut-offs each";
    }
}
