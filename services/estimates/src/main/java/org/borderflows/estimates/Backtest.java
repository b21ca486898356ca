package org.borderflows.estimates;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.domain.AtClock;
import org.borderflows.domain.CrossingFact;
import org.borderflows.domain.RuleSettings;
import org.borderflows.domain.TravellerTimeline;
import org.borderflows.query.tables.Cube;
import org.borderflows.query.tables.Datasets;
import org.borderflows.query.tables.Protection;
import org.borderflows.query.tables.Query;
import org.borderflows.query.tables.Table;
import org.borderflows.query.tables.TableQueries;
import org.borderflows.query.topology.CellDimension;
import org.borderflows.query.topology.Cells;
import org.borderflows.query.topology.Contributions;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.EstimateVintage;
import org.borderflows.schema.ProvisionalPart;
import org.borderflows.schema.TableCell;

/**
 * Replays a history and cuts it at month-ends (RULES.md §6 accuracy and calibration). At each cut the outcomes known
 * then are those of the domain library on the crossings dated up to the cut, at the cut's clock (§8: the latest
 * crossing date seen), as the stay engine writes them; they go through flow-query's {@link Contributions} into a
 * {@link Cube} and the published estimates are {@link TableQueries}' answers: the service's own code end to end.
 * The final counts are the same library on the whole history, for months whose outcomes are all final by its end.
 *
 * <p>A traveller is evaluated again at a cut only when it crossed since the previous one: outcomes are facts that
 * change only with a new crossing (§8), as the engine writes them.
 */
final class Backtest {
    private static final Contributions CONTRIBUTIONS = Datasets.contributions();
    private static final String DIRECTION = CellDimension.DIRECTION.key();

    /**
     * Months before a cut whose cells the cube holds: every month a cut reports on (up to {@link #REPORTED_MONTHS}
     * back) and the cohorts a year before those, and the revision spread's settled months (up to about 28 back).
     * RevisionSpread counts its 36 months of data before a measured month from the cube's first month: at a cut more
     * than 60 months into a history (in the default history only the last, 2023-08) that is this window's start, not
     * the data's, and the spread is measured on one settled month fewer than the service's cube, which keeps every
     * month, gives it.
     */
    static final int CUBE_MONTHS = 60;
    /** Months before the cut month reported at each cut: 12 lags of year-ended sums of 12 months each. */
    static final int REPORTED_MONTHS = 23;

    /**
     * One month x direction cell as published at a cut, with its final count.
     *
     * @param bernoulliVariance sum of p (1 - p) over its provisional crossings, p the published probability of each
     *     (from the month-end vintage, as the service keeps it): the variance of the final count if every p were exact
     */
    record MonthCell(
            int lag,
            String direction,
            double finalCount,
            double estimate,
            double lower,
            double upper,
            double provisional,
            double truth,
            double bernoulliVariance) {}

    /** The year-ended figures of one direction or of net migration as published at a cut. */
    record YearEnded(int lag, String series, double estimate, double lower, double upper, double truth) {}

    /**
     * @param refitMillis wall time of the cut's first migration-12-16 question, as the first question after the cube
     *     changed is answered: the estimator's rollup of the cells, its fit (one per cube version, shared by later
     *     questions) and the month x direction cells scored
     * @param migrationCells the cube's migration-12-16 cells
     */
    record Cut(
            LocalDate clock,
            List<MonthCell> cells,
            List<YearEnded> yearEnded,
            double refitMillis,
            int migrationCells) {}

    /**
     * What became of the provisional crossings of all cuts, by direction, lag and provisional outcome: {crossings,
     * long-term migrations in the end} (how predictive the provisional outcome is at each stage).
     */
    final Map<String, double[]> provisionalFates = new java.util.TreeMap<>();

    /**
     * Final long-term migrations of all cuts that were not in the migrating direction at the cut (their status before
     * the crossing was still another one), by direction and lag: {final migrations, of which outside}. No rate can
     * estimate those: they are missing from the provisional crossings.
     */
    final Map<String, double[]> outsideTheMigratingSet = new java.util.TreeMap<>();

    private final Map<String, Boolean> finalOutcome = new HashMap<>();
    /** Month and direction of each final long-term migration, by event id. */
    private final Map<String, String> finalMigration = new HashMap<>();

    private final RuleSettings rules;
    private final int minCohort;

    Backtest(RuleSettings rules, int minCohort) {
        this.rules = rules;
        this.minCohort = minCohort;
    }

    /** The history cut at each of its last {@code cuts} month-ends whose outcomes are all final by its end. */
    List<Cut> run(List<List<CrossingFact>> travellers, int cuts) {
        LocalDate end = latestDate(travellers);
        Map<String, Double> truth = new HashMap<>();
        YearMonth settled = finalCounts(travellers, end, truth);
        List<Cut> out = new ArrayList<>();
        int[] seen = new int[travellers.size()];
        boolean[] crossed = new boolean[travellers.size()];
        List<List<CrossingOutcome>> known = new ArrayList<>();
        travellers.forEach(t -> known.add(List.of()));
        LocalDate clock = null;
        for (YearMonth month = settled.minusMonths(cuts - 1); !month.isAfter(settled); month = month.plusMonths(1)) {
            LocalDate cut = month.atEndOfMonth();
            for (int i = 0; i < travellers.size(); i++) {
                List<CrossingFact> facts = travellers.get(i);
                int k = seen[i];
                while (k < facts.size() && !facts.get(k).date().isAfter(cut)) {
                    clock = clock == null || facts.get(k).date().isAfter(clock)
                            ? facts.get(k).date()
                            : clock;
                    k++;
                }
                crossed[i] = k != seen[i];
                seen[i] = k;
            }
            for (int i = 0; i < travellers.size(); i++) {
                if (crossed[i]) {
                    known.set(
                            i,
                            TravellerTimeline.evaluate(null, travellers.get(i).subList(0, seen[i]), clock, rules)
                                    .outcomes());
                }
            }
            out.add(cut(known, clock, truth));
        }
        return out;
    }

    private Cut cut(List<List<CrossingOutcome>> known, LocalDate clock, Map<String, Double> truth) {
        YearMonth cutMonth = YearMonth.from(clock);
        LocalDate oldest = cutMonth.minusMonths(CUBE_MONTHS).atDay(1);
        Map<String, TableCell> totals = new HashMap<>();
        Map<String, Double> provisional = new HashMap<>();
        java.util.Set<String> migrating = new java.util.HashSet<>();
        for (List<CrossingOutcome> outcomes : known) {
            for (CrossingOutcome o : outcomes) {
                if (o.getCrossingDate().isBefore(oldest)) {
                    continue;
                }
                for (TableCell c : CONTRIBUTIONS.of(o)) {
                    if (!c.getDataset().equals(Datasets.MIGRATION)) {
                        continue;
                    }
                    migrating.add(o.getEventId());
                    String key = Cells.key(c);
                    totals.put(key, Cells.add(totals.get(key), c));
                    if (AtClock.provisional(o.getFinalDate(), clock)) {
                        provisional.merge(c.getMonth() + "|" + o.getDirection().name(), 1.0, Double::sum);
                        fate(o, cutMonth);
                    }
                }
            }
        }
        finalMigration.forEach((eventId, monthAndDirection) -> {
            String[] md = monthAndDirection.split("\\|");
            long lag = ChronoUnit.MONTHS.between(YearMonth.parse(md[0]), cutMonth);
            if (lag >= 0 && lag <= REPORTED_MONTHS) {
                double[] n = outsideTheMigratingSet.computeIfAbsent(
                        String.format(java.util.Locale.ROOT, "%s lag %2d", md[1], lag), k -> new double[2]);
                n[0]++;
                n[1] += migrating.contains(eventId) ? 0 : 1;
            }
        });
        Cube cube = new Cube();
        totals.forEach(cube::apply);
        cube.commit();
        TableQueries queries =
                new TableQueries(cube, new Protection("backtest".getBytes(StandardCharsets.UTF_8)), minCohort, rules);
        Map<String, String> question = new HashMap<>();
        question.put("from", cutMonth.minusMonths(REPORTED_MONTHS).toString());
        question.put("to", cutMonth.toString());
        question.put("by", "month,direction");
        long asked = System.nanoTime();
        Table table = queries.run(Query.parse(Datasets.MIGRATION, question), false);
        double refitMillis = (System.nanoTime() - asked) / 1e6;
        Map<String, Double> bernoulli = bernoulliVariances(queries.makeVintage(cutMonth));
        List<MonthCell> cells = new ArrayList<>();
        for (Map<String, Object> row : table.rows()) {
            YearMonth month = YearMonth.parse((String) row.get("month"));
            String direction = (String) row.get(DIRECTION);
            String key = month + "|" + direction;
            cells.add(new MonthCell(
                    (int) (cutMonth.getYear() * 12L
                            + cutMonth.getMonthValue()
                            - month.getYear() * 12L
                            - month.getMonthValue()),
                    direction,
                    number(row.get("finalCount")),
                    number(row.get("estimate")),
                    number(row.get("lower")),
                    number(row.get("upper")),
                    provisional.getOrDefault(key, 0.0),
                    truth.getOrDefault(key, 0.0),
                    bernoulli.getOrDefault(key, 0.0)));
        }
        question.put("from", cutMonth.minusMonths(Figures.LAGS).toString());
        question.put("to", cutMonth.minusMonths(1).toString());
        question.put("frequency", "year-ended");
        List<YearEnded> yearEnded = new ArrayList<>();
        for (Map<String, Object> row :
                queries.run(Query.parse(Datasets.MIGRATION, question), false).rows()) {
            YearMonth month = YearMonth.parse((String) row.get("month"));
            String series = (String) row.get(DIRECTION);
            double sum = 0;
            for (int m = 0; m < 12; m++) {
                String key = month.minusMonths(m) + "|";
                sum += series.equals("NET")
                        ? truth.getOrDefault(key + "ENTRY", 0.0) - truth.getOrDefault(key + "EXIT", 0.0)
                        : truth.getOrDefault(key + series, 0.0);
            }
            yearEnded.add(new YearEnded(
                    (int) ChronoUnit.MONTHS.between(month, cutMonth),
                    series,
                    number(row.get("estimate")),
                    number(row.get("lower")),
                    number(row.get("upper")),
                    sum));
        }
        return new Cut(clock, cells, yearEnded, refitMillis, cube.size());
    }

    /** month|direction -> sum of crossings x p (1 - p) over the provisional parts of a vintage's cells. */
    private static Map<String, Double> bernoulliVariances(List<EstimateVintage> vintage) {
        Map<String, Double> variance = new HashMap<>();
        for (EstimateVintage cell : vintage) {
            String key = cell.getMonth() + "|" + cell.getDimensions().get(DIRECTION);
            for (ProvisionalPart part : cell.getProvisional()) {
                variance.merge(key, part.getCrossings() * part.getP() * (1 - part.getP()), Double::sum);
            }
        }
        return variance;
    }

    private void fate(CrossingOutcome o, YearMonth cutMonth) {
        long lag = ChronoUnit.MONTHS.between(YearMonth.from(o.getCrossingDate()), cutMonth);
        String key = String.format(
                java.util.Locale.ROOT,
                "%s lag %2d provisional ltm %-5s",
                o.getDirection(),
                lag,
                o.getLongTermMigration());
        double[] fate = provisionalFates.computeIfAbsent(key, k -> new double[2]);
        fate[0]++;
        fate[1] += Boolean.TRUE.equals(finalOutcome.get(o.getEventId())) ? 1 : 0;
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    /**
     * The final count of long-term migrations per month and direction (the whole history at its end) into
     * {@code truth}; returns the last month whose outcomes are all final by then.
     */
    private YearMonth finalCounts(List<List<CrossingFact>> travellers, LocalDate end, Map<String, Double> truth) {
        YearMonth firstUnsettled = YearMonth.from(end).plusMonths(1);
        for (List<CrossingFact> facts : travellers) {
            for (CrossingOutcome o :
                    TravellerTimeline.evaluate(null, facts, end, rules).outcomes()) {
                for (TableCell c : CONTRIBUTIONS.of(o)) {
                    if (!c.getDataset().equals(Datasets.MIGRATION)) {
                        continue;
                    }
                    if (AtClock.provisional(o.getFinalDate(), end)) {
                        YearMonth month = YearMonth.parse(c.getMonth());
                        firstUnsettled = month.isBefore(firstUnsettled) ? month : firstUnsettled;
                    }
                    finalOutcome.put(o.getEventId(), o.getLongTermMigration());
                    if (Boolean.TRUE.equals(o.getLongTermMigration())) {
                        finalMigration.put(
                                o.getEventId(),
                                c.getMonth() + "|" + o.getDirection().name());
                        truth.merge(c.getMonth() + "|" + o.getDirection().name(), 1.0, Double::sum);
                    }
                }
            }
        }
        return firstUnsettled.minusMonths(1);
    }

    private static LocalDate latestDate(List<List<CrossingFact>> travellers) {
        LocalDate latest = LocalDate.MIN;
        for (List<CrossingFact> facts : travellers) {
            LocalDate last = facts.get(facts.size() - 1).date();
            latest = last.isAfter(latest) ? last : latest;
        }
        return latest;
    }
}
