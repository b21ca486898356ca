package org.borderflows.query.tables;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.borderflows.domain.RuleSettings;
import org.borderflows.query.topology.CellDimension;
import org.borderflows.schema.EstimateVintage;

/**
 * The 12/16 estimates as published at the end of each month of the clock (RULES.md §6 "Revisions"): a vintage is
 * made once, when the clock has passed its month, and kept (topic {@code estimate-vintages}); the revisions table
 * compares the kept vintages with the final counts instead of re-estimating the past from facts known later.
 *
 * <p>A vintage holds, per crossing month of the 16 months it could still revise and per cell of the revisions
 * table's dimensions, the final count so far and the parts of the estimate (see {@link Estimate}), so any sum of
 * cells gets its interval from the parts' variances, as the live estimate does. Thread-safe: the keeper's thread
 * adds, queries read.
 */
public final class Vintages {
    /** The revisions table's dimension saying where a row's estimate comes from. */
    static final String VINTAGE = "vintage";

    /** The revisions table's cell dimensions (its month and stage aside). */
    static final List<String> DIMENSIONS = Datasets.get(Datasets.REVISIONS).dimensions().stream()
            .map(Datasets.Dimension::name)
            .filter(d -> !d.equals(Query.MONTH) && !d.equals(Query.STAGE) && !d.equals(VINTAGE))
            .toList();

    static final String PUBLISHED = "PUBLISHED";
    static final String BACK_CAST = "BACK_CAST";

    private final NavigableMap<YearMonth, Map<String, EstimateVintage>> kept = new ConcurrentSkipListMap<>();

    /** Keeps a record of the vintages topic (again: the same key replaces). */
    public void keep(String key, EstimateVintage vintage) {
        kept.computeIfAbsent(YearMonth.parse(vintage.getVintage()), v -> new ConcurrentHashMap<>())
                .put(key, vintage);
    }

    public boolean kept(YearMonth vintage) {
        return kept.containsKey(vintage);
    }

    /** The newest vintage kept, or null. */
    public YearMonth latest() {
        return kept.isEmpty() ? null : kept.lastKey();
    }

    /** The cells of a kept vintage (its marker aside); empty if none is kept. */
    Collection<EstimateVintage> cells(YearMonth vintage) {
        Map<String, EstimateVintage> v = kept.get(vintage);
        return v == null
                ? List.of()
                : v.values().stream().filter(r -> !r.getMonth().isEmpty()).toList();
    }

    /** The key of a vintage's record on the topic: vintage|month|dimensions in {@link #DIMENSIONS} order. */
    public static String key(EstimateVintage v) {
        StringBuilder key = new StringBuilder(v.getVintage()).append('|').append(v.getMonth());
        for (String dim : DIMENSIONS) {
            String value = v.getDimensions().get(dim);
            if (value != null) {
                key.append('|').append(value);
            }
        }
        return key.toString();
    }

    /**
     * The vintage of a month: the estimates of the migration cells as they stand, at a clock on the month's last
     * day, for the crossing months from {@link RuleSettings#windowMonths} before it to the month itself, and the marker last.
     * Call inside {@link Cube#read}.
     *
     * @param cells the migration cells with the estimator's and the revisions table's dimensions
     */
    static List<EstimateVintage> make(Collection<Cell> cells, YearMonth vintage, RuleSettings rules, int minCohort) {
        Estimator<Cell> estimator = Estimator.ofCells(cells, vintage.atEndOfMonth(), rules, minCohort);
        int last = Cube.monthIndex(vintage);
        Map<List<String>, Estimate> byCell = new HashMap<>();
        for (Cell cell : cells) {
            if (cell.month() < last - rules.windowMonths() || cell.month() > last) {
                continue;
            }
            List<String> key = new ArrayList<>(DIMENSIONS.size() + 1);
            key.add(Cube.yearMonth(cell.month()).toString());
            for (String dim : DIMENSIONS) {
                key.add(cell.dim(dim));
            }
            MigrationTable.addOutcome(
                    estimator,
                    byCell.computeIfAbsent(key, k -> new Estimate()),
                    cell,
                    "true".equals(cell.dim(CellDimension.LTM.key())));
        }
        String name = vintage.toString();
        List<EstimateVintage> records = new ArrayList<>(byCell.size() + 1);
        for (Map.Entry<List<String>, Estimate> e : byCell.entrySet()) {
            Map<String, String> dims = new TreeMap<>();
            for (int i = 0; i < DIMENSIONS.size(); i++) {
                dims.put(DIMENSIONS.get(i), e.getKey().get(i + 1));
            }
            records.add(e.getValue()
                    .toVintage(name)
                    .setVintage(name)
                    .setMonth(e.getKey().get(0))
                    .setDimensions(dims)
                    .setAsOf(vintage.atEndOfMonth())
                    .build());
        }
        records.sort(java.util.Comparator.comparing(Vintages::key));
        records.add(marker(vintage));
        return records;
    }

    /** The record that marks a vintage as kept (also when it holds no cell). */
    public static EstimateVintage marker(YearMonth vintage) {
        return EstimateVintage.newBuilder()
                .setVintage(vintage.toString())
                .setMonth("")
                .setDimensions(Map.of())
                .setFinalCount(0)
                .setProvisional(List.of())
                .setDrifts(List.of())
                .setAsOf(vintage.atEndOfMonth())
                .build();
    }

    /** The migration cells' dimensions a vintage reads. */
    static List<String> cellDimensions() {
        List<String> dims = new ArrayList<>(MigrationTable.ESTIMATOR_DIMENSIONS);
        for (String d : DIMENSIONS) {
            if (!dims.contains(d)) {
                dims.add(d);
            }
        }
        return dims;
    }
}
