package org.borderflows.query.tables;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.borderflows.schema.TableCell;

/**
 * The in-memory copy of every table cell (the whole compacted table-cells topic), held by each query
 * instance. Updates come from one consumer thread; queries read concurrently. {@link #version()} changes after
 * each applied batch, which lets responses be cached until the data changes.
 */
public final class Cube {
    /** One cell: month as a month index (see {@link #monthIndex}), dimension values, count. */
    public record Cell(int month, Map<String, String> dims, double count) {
        public String dim(String name) {
            return dims.get(name);
        }
    }

    private final Map<String, Map<String, Cell>> byDataset = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final Map<String, String> strings = new ConcurrentHashMap<>();
    private volatile LocalDate asOf = null;

    /** Applies one record of the cell topic: a value replaces the cell, null deletes it. */
    public void apply(String key, TableCell value) {
        String dataset = key.substring(0, key.indexOf('|'));
        Map<String, Cell> cells = byDataset.computeIfAbsent(dataset, d -> new ConcurrentHashMap<>());
        if (value == null) {
            cells.remove(key);
            return;
        }
        double count = value.getMeasures().getOrDefault("count", 0.0);
        cells.put(
                key, new Cell(monthIndex(YearMonth.parse(value.getMonth())), Map.copyOf(value.getDimensions()), count));
        LocalDate cellClock = value.getAsOf();
        // The processing clock only moves forward (RULES.md §8), even when the cell that set it is deleted.
        if (cellClock != null && (asOf == null || cellClock.isAfter(asOf))) {
            asOf = cellClock;
        }
    }

    /**
     * The dimension map with shared instances of its names and values: millions of cells repeat the same few
     * hundred strings ("KZ-ALA-AIR", "TJK", ...), so sharing them keeps the cube small.
     */
    private Map<String, String> canonical(Map<String, String> dims) {
        @SuppressWarnings("unchecked")
        Map.Entry<String, String>[] entries = new Map.Entry[dims.size()];
        int i = 0;
        for (Map.Entry<String, String> e : dims.entrySet()) {
            entries[i++] = Map.entry(shared(e.getKey()), shared(e.getValue()));
        }
        return Map.ofEntries(entries);
    }

    private String shared(String s) {
        if (s.length() > 24) {
            return s; // per-person ids (overstayer list) are not worth sharing
        }
        String known = strings.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    /** Marks the end of a batch of updates: queries cached for an older version are recomputed. */
    public void commit() {
        version.incrementAndGet();
    }

    public long version() {
        return version.get();
    }

    /** The processing clock: the latest crossing date seen, or null before any data. */
    public LocalDate asOf() {
        return asOf;
    }

    public Collection<Cell> cells(String dataset) {
        Map<String, Cell> cells = byDataset.get(dataset);
        return cells == null ? List.of() : cells.values();
    }

    /** "dataset=cells" for each dataset, for benchmarks and logs. */
    public List<String> datasetSizes() {
        return byDataset.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().size())
                .sorted()
                .toList();
    }

    public int size() {
        return byDataset.values().stream().mapToInt(Map::size).sum();
    }

    /** Months counted from year 0, so that month arithmetic is integer arithmetic. */
    public static int monthIndex(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    public static YearMonth yearMonth(int index) {
        return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }
}
