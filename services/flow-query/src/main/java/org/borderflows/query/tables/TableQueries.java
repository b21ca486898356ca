package org.borderflows.query.tables;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.borderflows.domain.RuleSettings;
import org.borderflows.query.topology.CellDimension;
import org.borderflows.schema.EstimateVintage;

/**
 * Answers table questions from the cube: filter the cells of the period, group them by the requested
 * dimensions, compute the measures (counts; stock at month ends; §6 estimates) and, for the public, protect
 * every figure (§10). Plain Java, no framework: the HTTP layer only parses and renders.
 */
public final class TableQueries {
    private static final Comparator<List<String>> BY_VALUES = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private final Cube cube;
    private final int minCohort;
    private final RuleSettings rules;
    private final Vintages vintages;
    private final MigrationTable migrationTable;
    private final TableRows tableRows;

    public TableQueries(Cube cube, Protection protection, int minCohort, RuleSettings rules) {
        this(cube, protection, minCohort, rules, new Vintages());
    }

    /** @param vintages the estimates kept as published, for the revisions table */
    public TableQueries(Cube cube, Protection protection, int minCohort, RuleSettings rules, Vintages vintages) {
        if (minCohort < 1) {
            throw new IllegalArgumentException("flow-query.estimator-min-cohort must be at least 1, got " + minCohort);
        }
        this.cube = cube;
        this.minCohort = minCohort;
        this.rules = rules;
        this.vintages = vintages;
        this.migrationTable = new MigrationTable(cube, minCohort, rules, vintages);
        this.tableRows = new TableRows(protection);
    }

    public Cube cube() {
        return cube;
    }

    public Vintages vintages() {
        return vintages;
    }

    /** The vintage of a month made from the cells as they stand (see {@link Vintages#make}). */
    public List<EstimateVintage> makeVintage(YearMonth vintage) {
        return cube.read(() ->
                Vintages.make(cube.cells(Datasets.MIGRATION, Vintages.cellDimensions()), vintage, rules, minCohort));
    }

    public Table run(Query q, boolean protect) {
        return cube.read(() -> runLocked(q, protect));
    }

    private Table runLocked(Query q, boolean protect) {
        LocalDate asOf = cube.asOf();
        String name = q.dataset().name();
        Reading reading = q.dataset().reading();
        Collection<Cell> cells = cube.cells(q.dataset().cells(), dimensionsUsed(q));
        int[] range = cube.monthRange(q.dataset().cells());
        YearMonth from = q.from() != null ? q.from() : range == null ? null : Cube.yearMonth(range[0]);
        YearMonth to = q.to() != null
                ? q.to()
                : asOf != null ? YearMonth.from(asOf) : range == null ? null : Cube.yearMonth(range[1]);
        if (from != null && to != null && from.isAfter(to)) {
            if (q.from() == null) {
                from = to;
            } else {
                to = from;
            }
        }
        List<String> measures =
                q.dataset().measures().stream().map(Datasets.Measure::name).toList();
        if (from == null || to == null) {
            return new Table(name, asOf, protect, from, to, q.by(), measures, q.labels(), List.of());
        }
        Frequency frequency = q.frequency();
        if (frequency == Frequency.QUARTER || frequency == Frequency.YEAR) { // whole periods only
            from = Cube.yearMonth(frequency.periodStart(Cube.monthIndex(from)));
            to = Cube.yearMonth(frequency.periodEnd(Cube.monthIndex(to)));
        }
        Period period = new Period(Cube.monthIndex(from), Cube.monthIndex(to));
        Period summed = frequency == Frequency.YEAR_ENDED ? period.yearEndedFrom() : period;
        ClockView atClock = asOf == null ? null : new ClockView(asOf, rules);
        Map<List<String>, Object> monthly =
                switch (reading) {
                    case COUNTS ->
                        q.dataset().atClock().derives()
                                ? countsAt(q, cells, summed, atClock)
                                : counts(q, cells, summed);
                    case STOCK -> stock(q, cells, summed, atClock);
                    case MIGRATION -> migrationTable.migration(q, cells, summed, atClock);
                    case REVISIONS -> migrationTable.revisions(q, cells, summed, atClock);
                    case OVERSTAY_RATES -> overstayRates(q, cells, summed, atClock);
                    case BORDER_WORKERS -> borderWorkers(q, cells, summed);
                };
        int clockMonth = asOf == null ? Integer.MAX_VALUE : Cube.monthIndex(YearMonth.from(asOf));
        Map<List<String>, Object> groups =
                switch (frequency) {
                    case MONTH -> monthly;
                    case YEAR_ENDED -> YearEnded.of(q, monthly, period.from(), period.to());
                    case QUARTER, YEAR ->
                        reading == Reading.STOCK
                                ? PeriodTotals.atPeriodEnd(q, monthly, clockMonth)
                                : PeriodTotals.sums(q, monthly);
                };
        TreeMap<List<String>, Object> sorted = new TreeMap<>(BY_VALUES);
        sorted.putAll(groups);
        List<Map<String, Object>> rows = new ArrayList<>(groups.size());
        for (Map.Entry<List<String>, Object> group : sorted.entrySet()) {
            rows.add(tableRows.row(q, from, to, group.getKey(), group.getValue(), protect, clockMonth));
        }
        return new Table(name, asOf, protect, from, to, q.by(), measures, q.labels(), rows);
    }

    /**
     * Which rows of {@code table} (the answer to {@code q}) changed after an instant, the cells keeping the time they
     * last changed (see {@link Updates}; conservative: a row that may have changed is included).
     */
    public java.util.function.Predicate<Map<String, Object>> changedAfter(
            Query q, Table table, java.time.Instant after) {
        return cube.read(() -> Updates.changedAfter(cube, rules, q, table, after.toEpochMilli()));
    }

    /**
     * The cell dimensions a question reads: its groups and filters, plus what its measure needs (stock: the end
     * month; 12/16 and revisions: the estimator's groups, outcome and final date; spells, labour, overstays: the
     * dates their values at the clock derive from). The cube answers from a rollup over just these, which gives the
     * same figures as the cells (every measure sums cell counts).
     */
    static java.util.Set<String> dimensionsUsed(Query q) {
        java.util.Set<String> dims = new java.util.HashSet<>(q.by());
        dims.addAll(q.filters().keySet());
        dims.remove(Query.MONTH);
        dims.remove(Query.STAGE);
        dims.remove(Vintages.VINTAGE);
        switch (q.dataset().reading()) {
            case STOCK -> dims.add(CellDimension.END_MONTH.key());
            case BORDER_WORKERS -> dims.add(CellDimension.COUNTED.key());
            case MIGRATION, REVISIONS -> dims.addAll(MigrationTable.ESTIMATOR_DIMENSIONS);
            case COUNTS, OVERSTAY_RATES -> {}
        }
        dims.addAll(q.dataset().atClock().inputs());
        return dims;
    }

    record Period(int from, int to) {
        boolean contains(int month) {
            return month >= from && month <= to;
        }

        /** The months the year-ended totals of this period add up: from 11 months before its first. */
        Period yearEndedFrom() {
            return new Period(from - (YearEnded.MONTHS - 1), to);
        }
    }

    private Map<List<String>, Object> counts(Query q, Collection<Cell> cells, Period period) {
        Map<List<String>, double[]> fast =
                cube.groupedCounts(q.dataset().name(), period.from(), period.to(), q.filters(), q.by());
        if (fast != null) {
            return new HashMap<>(fast);
        }
        Map<List<String>, Object> groups = new HashMap<>();
        for (Cell cell : cells) {
            if (period.contains(cell.month()) && matches(q, cell::dim, cell.month(), Set.of())) {
                ((double[]) groups.computeIfAbsent(key(q, cell::dim, cell.month(), -1), k -> new double[1]))[0] +=
                        cell.count();
            }
        }
        return groups;
    }

    /** Counts of a dataset whose cells hold dates: each cell as it stands at the clock (RULES.md §8). */
    private static Map<List<String>, Object> countsAt(
            Query q, Collection<Cell> cells, Period period, ClockView atClock) {
        Map<List<String>, Object> groups = new HashMap<>();
        if (atClock == null) {
            return groups;
        }
        for (Cell cell : cells) {
            if (!period.contains(cell.month())) {
                continue;
            }
            ClockView.View view = atClock.at(q.dataset(), cell);
            if (view != null && matches(q, view, cell.month(), Set.of())) {
                ((double[]) groups.computeIfAbsent(key(q, view, cell.month(), -1), k -> new double[1]))[0] +=
                        cell.count();
            }
        }
        return groups;
    }

    /**
     * Expected departures by month of the latest authorised exit and how they ended at the clock (RULES.md §7): per
     * row the counts of {@link OverstayRates}, each cell's departure derived at the clock ({@link ClockView}).
     */
    private static Map<List<String>, Object> overstayRates(
            Query q, Collection<Cell> cells, Period period, ClockView atClock) {
        Map<List<String>, Object> groups = new HashMap<>();
        if (atClock == null) {
            return groups;
        }
        for (Cell cell : cells) {
            if (!period.contains(cell.month())) {
                continue;
            }
            ClockView.View view = atClock.at(q.dataset(), cell);
            if (matches(q, view, cell.month(), Set.of())) {
                double[] counts = (double[])
                        groups.computeIfAbsent(key(q, view, cell.month(), -1), k -> OverstayRates.DEPARTURES.counts());
                OverstayRates.DEPARTURES.add(counts, view.dim(CellDimension.DEPARTURE.key()), cell.count());
            }
        }
        return groups;
    }

    /** Frontier workers and their crossings (docs/rules.md §4a): per row the counts of {@link BorderWorkers}. */
    private static Map<List<String>, Object> borderWorkers(Query q, Collection<Cell> cells, Period period) {
        Map<List<String>, Object> groups = new HashMap<>();
        for (Cell cell : cells) {
            if (period.contains(cell.month()) && matches(q, cell::dim, cell.month(), Set.of())) {
                double[] counts = (double[]) groups.computeIfAbsent(
                        key(q, cell::dim, cell.month(), -1), k -> BorderWorkers.COUNTED.counts());
                BorderWorkers.COUNTED.add(counts, cell.dim(CellDimension.COUNTED.key()), cell.count());
            }
        }
        return groups;
    }

    /** Non-residents present at the end of month M: stays started by M, not ended in or before M (§9). */
    /** Stays present at the end of each month up to the clock; an open WORK stay's labour flag at the clock. */
    private Map<List<String>, Object> stock(Query q, Collection<Cell> cells, Period period, ClockView atClock) {
        Map<List<String>, Object> groups = new HashMap<>();
        if (atClock == null) {
            return groups;
        }
        int clockMonth = Cube.monthIndex(YearMonth.from(atClock.clock()));
        for (Cell cell : cells) {
            ClockView.View view = atClock.at(q.dataset(), cell);
            String end = cell.dim(CellDimension.END_MONTH.key());
            int lastPresent = "OPEN".equals(end) ? clockMonth : Cube.monthIndex(YearMonth.parse(end)) - 1;
            int first = Math.max(cell.month(), period.from());
            int last = Math.min(Math.min(lastPresent, period.to()), clockMonth);
            for (int m = first; m <= last; m++) {
                if (matches(q, view, m, Set.of())) {
                    ((double[]) groups.computeIfAbsent(key(q, view, m, -1), k -> new double[1]))[0] += cell.count();
                }
            }
        }
        return groups;
    }

    static boolean matches(Query q, ClockView.View cell, int month, Set<String> skip) {
        for (Map.Entry<String, Set<String>> f : q.filters().entrySet()) {
            if (skip.contains(f.getKey())) {
                continue;
            }
            String value =
                    f.getKey().equals(Query.MONTH) ? Cube.yearMonth(month).toString() : cell.dim(f.getKey());
            if (!f.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }

    static List<String> key(Query q, ClockView.View cell, int month, int stage) {
        return key(q, cell, month, stage, null);
    }

    static List<String> key(Query q, ClockView.View cell, int month, int stage, String source) {
        List<String> key = new ArrayList<>(q.by().size());
        for (String dim : q.by()) {
            key.add(
                    switch (dim) {
                        case Query.MONTH -> Cube.yearMonth(month).toString();
                        case Query.STAGE -> String.valueOf(stage);
                        case Vintages.VINTAGE -> source;
                        default -> String.valueOf(cell.dim(dim));
                    });
        }
        return key;
    }

    /**
     * A row: its dimension values (each followed by its name with {@code labels=both}), its measures and the status
     * of its figures (RULES.md §9, see {@link Table#STATUS}).
     */
    /**
     * Suspected in-country overstayers (RULES.md §7, EES Art. 12), for the border agency only: open stays under the
     * regime whose latest authorised exit the clock is past ({@link OverstayerList}).
     *
     * @param filters from {@link OverstayerList#filters}
     */
    public OverstayerList.Answer overstayers(Map<String, Set<String>> filters) {
        return cube.read(() -> OverstayerList.of(cube, filters));
    }
}
