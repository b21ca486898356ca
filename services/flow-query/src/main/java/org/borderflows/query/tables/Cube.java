package org.borderflows.query.tables;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.borderflows.schema.TableCell;

/**
 * The in-memory copy of every table cell (the whole compacted table-cells topic), held by each query
 * instance. One consumer thread writes; queries read under a read lock ({@link #read}).
 * {@link #version()} changes after each applied batch, which lets answers be cached until the data changes.
 *
 * <p>Memory: a cell of the published datasets is packed into one {@code long} (month in 12 bits, each
 * dimension value as a dictionary code of a few bits, e.g. 9 bits for a border post or a citizenship) plus its
 * count, in an open-addressing hash table: about 30 bytes per cell instead of several hundred for maps of
 * strings. Cells that do not fit (the per-person overstayer list, a dictionary overflow, an unexpected shape)
 * are kept as plain maps.
 *
 * <p>Its parts: this class is the store (the lock, the versions, applying cells, the clock, the queries' entry
 * points); {@link CellSchema} and {@link Dictionary} the packing; {@link DatasetCells} one dataset's cells and
 * rollups; {@link Cell} one cell as queries read it. The store is the one class that takes the lock, hence its
 * length: every entry point is a few lines delegating to those parts under it.
 */
public final class Cube {

    /** A walk over packed entries (cells or rollup groups): key and count. */
    interface Entries {
        boolean next();

        long key();

        double value();
    }

    /** Change times are kept as whole seconds since 2020-01-01 (an int a cell, up to 2088). */
    private static final long STAMP_EPOCH_MILLIS = 1_577_836_800_000L;

    /**
     * The stamp of a change time: the second it falls in, rounded up, so that a cell counts as changed after an
     * instant whenever it may have (a change up to a second before the instant is included, none after it is missed).
     */
    static int stamp(long millis) {
        long seconds = Math.floorDiv(millis - STAMP_EPOCH_MILLIS + 999, 1000);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, seconds));
    }

    private final Map<String, DatasetCells> byDataset = new ConcurrentHashMap<>();
    private final Map<String, Dictionary> dictionaries = new ConcurrentHashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicLong version = new AtomicLong();
    private final QueryClock clock = new QueryClock();
    private volatile LocalDate asOf = null;
    private final java.util.Set<String> changed = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();
    private volatile boolean clockChanged;
    private volatile long clockChangedAt;
    private volatile long clockChangeMillis = Long.MIN_VALUE;
    private volatile long clockMonthChangeMillis = Long.MIN_VALUE;
    private YearMonth clockMonth;

    /** Applies one record of the cell topic, changed now: a value replaces the cell, null deletes it. */
    public void apply(String key, TableCell value) {
        apply(key, value, System.currentTimeMillis());
    }

    /**
     * Applies one record of the cell topic: a value replaces the cell, null deletes it.
     *
     * @param changedAtMillis when the cell took this value (the record's timestamp: when the aggregator wrote it),
     *     kept per cell, deleted ones included, for the cells changed after an instant ({@link #changedAfter})
     */
    public void apply(String key, TableCell value, long changedAtMillis) {
        lock.writeLock().lock();
        try {
            int bar = key.indexOf('|');
            String datasetName = key.substring(0, bar);
            DatasetCells dataset = byDataset.computeIfAbsent(datasetName, d -> new DatasetCells(dictionaries, strings));
            changed.add(datasetName);
            dataset.lastChangeMillis = Math.max(dataset.lastChangeMillis, changedAtMillis);
            if (value == null) {
                dataset.remove(key, changedAtMillis);
                return;
            }
            double count = value.getMeasures().getOrDefault("count", 0.0);
            int month = monthIndex(YearMonth.parse(value.getMonth()));
            dataset.put(key, month, value.getDimensions(), count, changedAtMillis);
            if (clock.see(datasetName, value.getDimensions(), value.getAsOf())) {
                asOf = clock.clock();
                clockChanged = true;
                clockChangeMillis = Math.max(clockChangeMillis, changedAtMillis);
                if (!YearMonth.from(asOf).equals(clockMonth)) {
                    clockMonth = YearMonth.from(asOf);
                    clockMonthChangeMillis = Math.max(clockMonthChangeMillis, changedAtMillis);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Runs a query under the read lock: the cells it sees do not change while it runs. */
    public <T> T read(Supplier<T> query) {
        lock.readLock().lock();
        try {
            return query.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs a batch of updates under one write lock. */
    public void write(Runnable updates) {
        lock.writeLock().lock();
        try {
            updates.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Marks the end of a batch of updates: answers cached for an older version are recomputed. */
    public void commit() {
        long v = version.incrementAndGet();
        if (clockChanged) {
            clockChanged = false;
            clockChangedAt = v;
        }
        for (Iterator<String> it = changed.iterator(); it.hasNext(); ) {
            changedAt.put(it.next(), v);
            it.remove();
        }
    }

    public long version() {
        return version.get();
    }

    /** Marks a dataset's answers as changed by something beside its cells (a kept estimate vintage). */
    public void touch(String dataset) {
        changed.add(dataset);
        commit();
    }

    /**
     * The version at which a dataset's answers last changed: its cells or the processing clock (every answer
     * carries {@code asOf}). Answers about one dataset stay valid while others change.
     */
    public long version(String dataset) {
        return Math.max(changedAt.getOrDefault(dataset, 0L), clockChangedAt);
    }

    /**
     * The cells of a dataset whose value changed after an instant, with every dimension and their current count (0
     * for a deleted cell). Call inside {@link #read}.
     */
    public List<Cell> changedAfter(String dataset, long afterMillis) {
        DatasetCells d = byDataset.get(dataset);
        return d == null ? List.of() : d.changedAfter(afterMillis);
    }

    /** When a cell of a dataset last changed (Long.MIN_VALUE if never). */
    public long lastChangeMillis(String dataset) {
        DatasetCells d = byDataset.get(dataset);
        return d == null ? Long.MIN_VALUE : d.lastChangeMillis;
    }

    /** When the processing clock last moved (the timestamp of the cell that moved it; Long.MIN_VALUE if never). */
    public long clockChangeMillis() {
        return clockChangeMillis;
    }

    /** When the processing clock last moved to another month (Long.MIN_VALUE if never). */
    public long clockMonthChangeMillis() {
        return clockMonthChangeMillis;
    }

    /** The processing clock ({@link QueryClock}): the date the bulk of the traffic has reached; null before any data. */
    public LocalDate asOf() {
        return asOf;
    }

    /** The cells of a dataset; iterate inside {@link #read} (or from the writer thread). */
    public Collection<Cell> cells(String dataset) {
        DatasetCells d = byDataset.get(dataset);
        return d == null ? List.of() : d.view();
    }

    /**
     * The cells of a dataset summed over every dimension not in {@code dims} (month is always kept): a rollup,
     * maintained with every update once a query has asked for it, so a dashboard question walks a few thousand
     * groups instead of millions of cells. Any count computed from it equals the one computed from the cells
     * (counts are sums). Its cells only answer {@link Cell#dim} for the dimensions in {@code dims}. Falls back to
     * all the cells when a rollup would not be much smaller, or the dataset has cells kept as maps. Call inside
     * {@link #read}.
     */
    public Collection<Cell> cells(String dataset, Collection<String> dims) {
        DatasetCells d = byDataset.get(dataset);
        if (d == null) {
            return List.of();
        }
        DatasetCells.Rollup r = d.rollup(dims);
        return r == null ? d.view() : d.view(r);
    }

    /**
     * Fast path of a grouped count over packed cells, without decoding them: filters compare dictionary codes and
     * the group of a cell is its packed key masked to the grouped dimensions. Call inside {@link #read}. Returns
     * null when the dataset has cells kept as maps (the caller then takes the general path).
     *
     * @param from first month index; @param to last month index
     * @param filters dimension (or "month") to accepted values
     * @param by dimensions (or "month") to group by, in output order
     */
    public Map<List<String>, double[]> groupedCounts(
            String datasetName, int from, int to, Map<String, java.util.Set<String>> filters, List<String> by) {
        DatasetCells d = byDataset.get(datasetName);
        if (d == null) {
            return Map.of();
        }
        CellSchema s = d.schema;
        if (s == null || !d.others.isEmpty()) {
            return null;
        }
        long monthMask = CellSchema.MONTH_MASK;
        java.util.Set<String> months = filters.get(Query.MONTH);
        List<long[]> checks = new ArrayList<>(); // {offset, mask} per filter
        List<boolean[]> allowed = new ArrayList<>();
        for (Map.Entry<String, java.util.Set<String>> f : filters.entrySet()) {
            if (f.getKey().equals(Query.MONTH)) {
                continue;
            }
            int i = s.index(f.getKey());
            if (i < 0) {
                return null;
            }
            boolean[] ok = new boolean[(int) s.masks[i] + 1];
            for (String value : f.getValue()) {
                int code = s.dicts[i].existing(value);
                if (code >= 0) {
                    ok[code] = true;
                }
            }
            checks.add(new long[] {s.offsets[i], s.masks[i]});
            allowed.add(ok);
        }
        long groupMask = 0;
        for (String dim : by) {
            if (dim.equals(Query.MONTH)) {
                groupMask |= monthMask;
            } else {
                int i = s.index(dim);
                if (i < 0) {
                    return null;
                }
                groupMask |= s.masks[i] << s.offsets[i];
            }
        }
        java.util.Set<String> used = new java.util.HashSet<>(by);
        used.addAll(filters.keySet());
        DatasetCells.Rollup rollup = d.rollup(used);
        LongDoubleMap groups = new LongDoubleMap();
        cells:
        for (Entries c = rollup == null ? d.packed.entries() : rollup.sums.entries(); c.next(); ) {
            long key = c.key();
            int month = (int) (key & monthMask) + CellSchema.MONTH_BASE;
            if (month < from || month > to) {
                continue;
            }
            if (months != null && !months.contains(yearMonth(month).toString())) {
                continue;
            }
            for (int f = 0; f < checks.size(); f++) {
                long[] check = checks.get(f);
                if (!allowed.get(f)[(int) ((key >>> check[0]) & check[1])]) {
                    continue cells;
                }
            }
            long group = key & groupMask;
            double current = groups.get(group);
            groups.put(group, (Double.isNaN(current) ? 0 : current) + c.value());
        }
        Map<List<String>, double[]> out = new java.util.HashMap<>();
        for (LongDoubleMap.Cursor c = groups.cursor(); c.hasNext(); ) {
            c.advance();
            long group = c.key();
            List<String> values = new ArrayList<>(by.size());
            for (String dim : by) {
                values.add(
                        dim.equals(Query.MONTH)
                                ? yearMonth((int) (group & monthMask) + CellSchema.MONTH_BASE)
                                        .toString()
                                : s.decode(group, dim));
            }
            out.put(values, new double[] {c.value()});
        }
        return out;
    }

    /**
     * PackedCells access to a dataset's cells (or the rollup over {@code dims}) for the fast paths of the 12/16
     * estimates; null when the dataset has cells kept as maps or lacks one of the dimensions. Use inside
     * {@link #read}.
     */
    PackedCells packed(String datasetName, Collection<String> dims) {
        DatasetCells d = byDataset.get(datasetName);
        if (d == null || d.schema == null || !d.others.isEmpty()) {
            return null;
        }
        for (String dim : dims) {
            if (!dim.equals(Query.MONTH) && d.schema.index(dim) < 0) {
                return null;
            }
        }
        DatasetCells.Rollup r = d.rollup(dims);
        return new PackedCells(d.schema, r == null ? d.packed.entries() : r.sums.entries());
    }

    /** The first and last month index (see {@link #monthIndex}) with a cell of the dataset, or null. In {@link #read}. */
    public int[] monthRange(String dataset) {
        DatasetCells d = byDataset.get(dataset);
        return d == null ? null : d.monthRange();
    }

    /** "dataset=cells" for each dataset, for benchmarks and logs. */
    public List<String> datasetSizes() {
        return read(() -> byDataset.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().size())
                .sorted()
                .toList());
    }

    public int size() {
        return read(
                () -> byDataset.values().stream().mapToInt(DatasetCells::size).sum());
    }

    /** Months counted from year 0, so that month arithmetic is integer arithmetic. */
    public static int monthIndex(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    public static YearMonth yearMonth(int index) {
        return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }

    /** Shared instances of short dimension strings for the cells kept as maps, across datasets. */
    private final Map<String, String> strings = new ConcurrentHashMap<>();
}
