package org.borderflows.query.tables;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borderflows.domain.RuleSettings;
import org.borderflows.query.topology.CellDimension;
import org.borderflows.schema.EstimateVintage;

/**
 * The 12/16 tables of RULES.md §5-§6 for {@link TableQueries}: final counts and today's estimates of long-term
 * migrations ({@code migration-12-16}), and how past estimates compare with the final counts
 * ({@code migration-12-16-revisions}). Today's estimator is built once per cube version and clock and shared by every
 * question; the revisions' spread once per clock date. Called inside {@link Cube#read}.
 */
final class MigrationTable {
    private final Cube cube;
    private final int minCohort;
    private final RuleSettings rules;
    private final Vintages vintages;

    MigrationTable(Cube cube, int minCohort, RuleSettings rules, Vintages vintages) {
        this.cube = cube;
        this.minCohort = minCohort;
        this.rules = rules;
        this.vintages = vintages;
    }

    /** Dimensions of the estimator's groups and outcomes (§6), kept in the migration rollups it reads. */
    static final List<String> ESTIMATOR_DIMENSIONS = List.of(
            "direction",
            "citizenship",
            "purpose",
            CellDimension.STATUS_YEARS.key(),
            "sex",
            "ageGroup",
            "ltm",
            "finalMonth",
            CellDimension.FINAL_DAY.key(),
            CellDimension.TIME_BACK.key());

    /** Final counts and §6 estimates of long-term migrations, at today's clock. */
    Map<List<String>, Object> migration(
            Query q, Collection<Cell> cells, TableQueries.Period period, ClockView atClock) {
        Map<List<String>, Object> groups = new HashMap<>();
        if (atClock == null) {
            return groups;
        }
        PackedCells packed = cube.packed(Datasets.MIGRATION, TableQueries.dimensionsUsed(q));
        PackedCells cohorts = cube.packed(Datasets.MIGRATION, ESTIMATOR_DIMENSIONS);
        if (packed != null && cohorts != null) {
            return migrationPacked(q, packed, period, packedEstimator(cohorts, atClock));
        }
        Estimator<Cell> estimator = cellEstimator(cube.cells(Datasets.MIGRATION, ESTIMATOR_DIMENSIONS), atClock);
        for (Cell cell : cells) {
            if (period.contains(cell.month()) && TableQueries.matches(q, cell::dim, cell.month(), Set.of())) {
                Estimate acc = (Estimate)
                        groups.computeIfAbsent(TableQueries.key(q, cell::dim, cell.month(), -1), k -> new Estimate());
                addOutcome(estimator, acc, cell, "true".equals(cell.dim(CellDimension.LTM.key())));
            }
        }
        return groups;
    }

    /** The migration rows over packed cells: codes compared, no cell decoded (same figures as the cell path). */
    private static Map<List<String>, Object> migrationPacked(
            Query q, PackedCells cells, TableQueries.Period period, Estimator<PackedReader.Entry> estimator) {
        long groupMask = 0;
        for (String dim : q.by()) {
            groupMask |= cells.mask(dim);
        }
        java.util.function.LongPredicate filter = cells.filter(q.filters(), Set.of());
        long ltmMask = cells.mask("ltm");
        long ltmTrue = cells.bits("ltm", "true");
        Map<Long, Estimate> rows = new HashMap<>();
        for (Cube.Entries e = cells.entries; e.next(); ) {
            long key = e.key();
            if (!period.contains(cells.month(key)) || !filter.test(key)) {
                continue;
            }
            Estimate acc = rows.computeIfAbsent(key & groupMask, k -> new Estimate());
            addOutcome(estimator, acc, new PackedReader.Entry(key, e.value()), (key & ltmMask) == ltmTrue);
        }
        Map<List<String>, Object> groups = new HashMap<>();
        for (Map.Entry<Long, Estimate> row : rows.entrySet()) {
            List<String> key = new ArrayList<>(q.by().size());
            for (String dim : q.by()) {
                key.add(cells.decode(row.getKey(), dim));
            }
            groups.put(key, row.getValue());
        }
        return groups;
    }

    private record CachedEstimator(long version, LocalDate clock, boolean packed, Estimator<?> estimator) {}

    private volatile CachedEstimator estimatorCache;

    /** Today's estimator, built once per cube version and clock and shared by every migration question. */
    @SuppressWarnings("unchecked")
    private Estimator<Cell> cellEstimator(Collection<Cell> cells, ClockView atClock) {
        CachedEstimator cached = cachedEstimator(atClock, false);
        if (cached != null) {
            return (Estimator<Cell>) cached.estimator();
        }
        Estimator<Cell> estimator = Estimator.ofCells(
                cells,
                atClock.clock(),
                rules,
                minCohort,
                revisionSpread(
                        atClock,
                        false,
                        () -> RevisionSpread.measure(
                                cells, new Estimator.CellReader(), atClock.clock(), rules, minCohort)));
        estimatorCache = new CachedEstimator(cube.version(Datasets.MIGRATION), atClock.clock(), false, estimator);
        return estimator;
    }

    @SuppressWarnings("unchecked")
    private Estimator<PackedReader.Entry> packedEstimator(PackedCells cells, ClockView atClock) {
        CachedEstimator cached = cachedEstimator(atClock, true);
        if (cached != null) {
            return (Estimator<PackedReader.Entry>) cached.estimator();
        }
        PackedReader reader = new PackedReader(cells);
        List<PackedReader.Entry> entries = reader.entries(); // the cube's cursor: read once
        Estimator<PackedReader.Entry> estimator = new Estimator<>(
                entries,
                reader,
                atClock.clock(),
                false,
                rules,
                minCohort,
                revisionSpread(
                        atClock,
                        true,
                        () -> RevisionSpread.measure(entries, reader, atClock.clock(), rules, minCohort)));
        estimatorCache = new CachedEstimator(cube.version(Datasets.MIGRATION), atClock.clock(), true, estimator);
        return estimator;
    }

    private record CachedSpread(LocalDate clock, boolean packed, RevisionSpread spread) {}

    private volatile CachedSpread spreadCache;

    /**
     * The revisions of past estimates, measured once per clock date: they concern settled months only, which new
     * cells hardly change, and measuring them makes about 30 back-casts. Packed and decoded cells key directions
     * differently, so each has its own.
     */
    private RevisionSpread revisionSpread(
            ClockView atClock, boolean packed, java.util.function.Supplier<RevisionSpread> measure) {
        CachedSpread cached = spreadCache;
        if (cached != null && cached.clock().equals(atClock.clock()) && cached.packed() == packed) {
            return cached.spread();
        }
        RevisionSpread spread = measure.get();
        spreadCache = new CachedSpread(atClock.clock(), packed, spread);
        return spread;
    }

    private CachedEstimator cachedEstimator(ClockView atClock, boolean packed) {
        CachedEstimator cached = estimatorCache;
        return cached != null
                        && cached.version() == cube.version(Datasets.MIGRATION)
                        && cached.clock().equals(atClock.clock())
                        && cached.packed() == packed
                ? cached
                : null;
    }

    static <T> void addOutcome(Estimator<T> estimator, Estimate acc, T cell, boolean ltm) {
        if (estimator.isFinal(cell)) {
            acc.addFinal(ltm ? estimator.count(cell) : 0);
        } else {
            acc.addProvisional(estimator.count(cell), estimator.rate(cell));
        }
    }

    /**
     * For crossing months whose outcomes are now all final: the estimate published 0 to {@link RuleSettings#windowMonths} (16) months after the
     * crossing month (the kept vintage of that month, RULES.md §6), or where none was kept, back-cast from the final facts as
     * it would have been made at the end of that month; next to the final count.
     */
    Map<List<String>, Object> revisions(
            Query q, Collection<Cell> cells, TableQueries.Period period, ClockView atClock) {
        Map<Integer, Boolean> settled = new HashMap<>();
        if (atClock == null) {
            return new HashMap<>();
        }
        for (Cell cell : cells) {
            if (period.contains(cell.month())) {
                settled.merge(cell.month(), atClock.outcomeFinal(cell), Boolean::logicalAnd);
            }
        }
        Set<String> stages = q.filters().get(Query.STAGE);
        Set<String> sources = q.filters().get(Vintages.VINTAGE);
        Map<Integer, Estimator<Cell>> estimators = new HashMap<>();
        Collection<Cell> cohorts = cube.cells(Datasets.MIGRATION, ESTIMATOR_DIMENSIONS);
        Map<List<String>, Object> groups = new HashMap<>();
        Set<Integer> published = new HashSet<>();
        for (Cell cell : cells) {
            if (!Boolean.TRUE.equals(settled.get(cell.month()))
                    || !TableQueries.matches(q, cell::dim, cell.month(), SKIPPED)) {
                continue;
            }
            boolean ltm = "true".equals(cell.dim(CellDimension.LTM.key()));
            for (int stage = 0; stage <= rules.windowMonths(); stage++) {
                int clock = cell.month() + stage;
                boolean kept = vintages.kept(Cube.yearMonth(clock));
                String source = kept ? Vintages.PUBLISHED : Vintages.BACK_CAST;
                if ((stages != null && !stages.contains(String.valueOf(stage)))
                        || (sources != null && !sources.contains(source))) {
                    continue;
                }
                Revision r = (Revision) groups.computeIfAbsent(
                        TableQueries.key(q, cell::dim, cell.month(), stage, source), k -> new Revision());
                r.finalCount += ltm ? cell.count() : 0;
                if (kept) {
                    published.add(clock);
                } else {
                    Estimator<Cell> estimator = estimators.computeIfAbsent(
                            clock, c -> Estimator.backCast(cohorts, Cube.yearMonth(c), rules, minCohort));
                    addOutcome(estimator, r.atStage, cell, ltm);
                }
            }
        }
        for (int clock : published) {
            for (EstimateVintage kept : vintages.cells(Cube.yearMonth(clock))) {
                int month = Cube.monthIndex(YearMonth.parse(kept.getMonth()));
                if (Boolean.TRUE.equals(settled.get(month))
                        && TableQueries.matches(q, kept.getDimensions()::get, month, SKIPPED)) {
                    Revision r = (Revision) groups.computeIfAbsent(
                            TableQueries.key(q, kept.getDimensions()::get, month, clock - month, Vintages.PUBLISHED),
                            k -> new Revision());
                    r.atStage.add(Estimate.of(kept));
                }
            }
        }
        return groups;
    }

    /** Filters of the revisions table that are not cell dimensions. */
    private static final Set<String> SKIPPED = Set.of(Query.STAGE, Vintages.VINTAGE);

    static final class Revision {
        final Estimate atStage = new Estimate();
        double finalCount;
    }
}
