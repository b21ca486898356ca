package org.borderflows.query.tables;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.borderflows.query.topology.CellDimension;
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
 */
public final class Cube {
    private static final int MONTH_BITS = 12;
    private static final int MONTH_BASE = 1990 * 12;

    /** One cell: month (see {@link #monthIndex}), dimension values, count. */
    public static final class Cell {
        private final Schema schema;
        private final long packed;
        private final long projection;
        private final int month;
        private final Map<String, String> dims;
        private final double count;

        private Cell(Schema schema, long packed, long projection, double count) {
            this.schema = schema;
            this.packed = packed;
            this.projection = projection;
            this.month = (int) (packed & ((1L << MONTH_BITS) - 1)) + MONTH_BASE;
            this.dims = null;
            this.count = count;
        }

        private Cell(int month, Map<String, String> dims, double count) {
            this.schema = null;
            this.packed = 0;
            this.projection = -1L;
            this.month = month;
            this.dims = dims;
            this.count = count;
        }

        public int month() {
            return month;
        }

        public double count() {
            return count;
        }

        /**
         * The value of a dimension (null if the dataset has no such dimension). A cell of a rollup ({@link
         * #cells(String, Collection)}) only knows the dimensions it was asked for: asking for another one is a
         * programming error and throws.
         */
        public String dim(String name) {
            if (schema == null) {
                return dims.get(name);
            }
            int i = schema.index(name);
            if (i < 0) {
                return null;
            }
            if (((projection >>> schema.offsets[i]) & schema.masks[i]) != schema.masks[i]) {
                throw new IllegalStateException("dimension " + name + " is not in this rollup");
            }
            return schema.dicts[i].value((int) ((packed >>> schema.offsets[i]) & schema.masks[i]));
        }

        public Map<String, String> dims() {
            if (schema == null) {
                return dims;
            }
            Map<String, String> out = new TreeMap<>();
            for (int i = 0; i < schema.names.length; i++) {
                if (((projection >>> schema.offsets[i]) & schema.masks[i]) == schema.masks[i]) {
                    out.put(schema.names[i], schema.decode(packed, schema.names[i]));
                }
            }
            return out;
        }
    }

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

    /** Rollups kept per dataset at most; the least recently used one gives way to a new one. */
    static final int MAX_ROLLUPS = 24;

    private final Map<String, Dataset> byDataset = new ConcurrentHashMap<>();
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
            Dataset dataset = byDataset.computeIfAbsent(datasetName, d -> new Dataset());
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
        Dataset d = byDataset.get(dataset);
        return d == null ? List.of() : d.changedAfter(afterMillis);
    }

    /** When a cell of a dataset last changed (Long.MIN_VALUE if never). */
    public long lastChangeMillis(String dataset) {
        Dataset d = byDataset.get(dataset);
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
        Dataset d = byDataset.get(dataset);
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
        Dataset d = byDataset.get(dataset);
        if (d == null) {
            return List.of();
        }
        Rollup r = d.rollup(dims);
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
        Dataset d = byDataset.get(datasetName);
        if (d == null) {
            return Map.of();
        }
        Schema s = d.schema;
        if (s == null || !d.others.isEmpty()) {
            return null;
        }
        long monthMask = (1L << MONTH_BITS) - 1;
        java.util.Set<String> months = filters.get("month");
        List<long[]> checks = new ArrayList<>(); // {offset, mask} per filter
        List<boolean[]> allowed = new ArrayList<>();
        for (Map.Entry<String, java.util.Set<String>> f : filters.entrySet()) {
            if (f.getKey().equals("month")) {
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
            if (dim.equals("month")) {
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
        Rollup rollup = d.rollup(used);
        LongDoubleMap groups = new LongDoubleMap();
        cells:
        for (Entries c = rollup == null ? d.packed.entries() : rollup.sums.entries(); c.next(); ) {
            long key = c.key();
            int month = (int) (key & monthMask) + MONTH_BASE;
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
                        dim.equals("month")
                                ? yearMonth((int) (group & monthMask) + MONTH_BASE)
                                        .toString()
                                : s.decode(group, dim));
            }
            out.put(values, new double[] {c.value()});
        }
        return out;
    }

    /**
     * Packed access to a dataset's cells (or the rollup over {@code dims}) for the fast paths of the 12/16
     * estimates; null when the dataset has cells kept as maps or lacks one of the dimensions. Use inside
     * {@link #read}.
     */
    Packed packed(String datasetName, Collection<String> dims) {
        Dataset d = byDataset.get(datasetName);
        if (d == null || d.schema == null || !d.others.isEmpty()) {
            return null;
        }
        for (String dim : dims) {
            if (!dim.equals("month") && d.schema.index(dim) < 0) {
                return null;
            }
        }
        Rollup r = d.rollup(dims);
        return new Packed(d.schema, r == null ? d.packed.entries() : r.sums.entries());
    }

    /** Packed cells of one dataset: their entries and how to read the codes in a key. */
    final class Packed {
        static final long MONTH_MASK = (1L << MONTH_BITS) - 1;
        private final Schema schema;
        final Entries entries;

        private Packed(Schema schema, Entries entries) {
            this.schema = schema;
            this.entries = entries;
        }

        /** The bits of a dimension ("month": the month bits). */
        long mask(String dim) {
            if (dim.equals("month")) {
                return MONTH_MASK;
            }
            int i = schema.index(dim);
            return schema.masks[i] << schema.offsets[i];
        }

        /** The key bits a value of a dimension has (its code in place), or -1 if the value is unknown. */
        long bits(String dim, String value) {
            int i = schema.index(dim);
            int code = schema.dicts[i].existing(value);
            return code < 0 ? -1 : ((long) code) << schema.offsets[i];
        }

        String decode(long key, String dim) {
            return dim.equals("month")
                    ? yearMonth((int) (key & MONTH_MASK) + MONTH_BASE).toString()
                    : schema.decode(key, dim);
        }

        /** Month index (see {@link #monthIndex}) of a key. */
        int month(long key) {
            return (int) (key & MONTH_MASK) + MONTH_BASE;
        }

        /** The key with its month moved by {@code months}, or -1 if out of the packed range. */
        long shiftMonth(long key, int months) {
            long m = (key & MONTH_MASK) + months;
            return m < 0 || m > MONTH_MASK ? -1 : (key & ~MONTH_MASK) | m;
        }

        /**
         * A test of a key against filters (dimension or "month" to accepted values), comparing codes; dimensions
         * in {@code skip} are not tested.
         */
        java.util.function.LongPredicate filter(
                Map<String, java.util.Set<String>> filters, java.util.Set<String> skip) {
            List<long[]> checks = new ArrayList<>(); // {mask, accepted bits...}
            java.util.Set<String> months = null;
            for (Map.Entry<String, java.util.Set<String>> f : filters.entrySet()) {
                if (skip.contains(f.getKey())) {
                    continue;
                }
                if (f.getKey().equals("month")) {
                    months = f.getValue();
                    continue;
                }
                long[] check = new long[1 + f.getValue().size()];
                check[0] = mask(f.getKey());
                int n = 1;
                for (String value : f.getValue()) {
                    long b = bits(f.getKey(), value);
                    check[n++] = b < 0 ? -2 : b; // -2 never equals masked bits
                }
                checks.add(check);
            }
            java.util.Set<String> monthFilter = months;
            long[][] tests = checks.toArray(long[][]::new);
            return key -> {
                for (long[] t : tests) {
                    long v = key & t[0];
                    boolean ok = false;
                    for (int i = 1; i < t.length && !ok; i++) {
                        ok = t[i] == v;
                    }
                    if (!ok) {
                        return false;
                    }
                }
                return monthFilter == null
                        || monthFilter.contains(yearMonth(month(key)).toString());
            };
        }
    }

    /** The first and last month index (see {@link #monthIndex}) with a cell of the dataset, or null. In {@link #read}. */
    public int[] monthRange(String dataset) {
        Dataset d = byDataset.get(dataset);
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
        return read(() -> byDataset.values().stream().mapToInt(Dataset::size).sum());
    }

    /** Months counted from year 0, so that month arithmetic is integer arithmetic. */
    public static int monthIndex(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    public static YearMonth yearMonth(int index) {
        return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }

    /** Values of one dimension and their codes (codes are assigned in order of first appearance). */
    private static final class Dictionary {
        private final int maxCodes;
        private final Map<String, Integer> codes = new ConcurrentHashMap<>();
        private volatile String[] values = new String[16];
        private int size;

        Dictionary(int bits) {
            this.maxCodes = 1 << bits;
        }

        /** The code of a value, adding it if new; -1 when the dictionary is full. */
        int code(String value) {
            Integer code = codes.get(value);
            if (code != null) {
                return code;
            }
            if (size >= maxCodes) {
                return -1;
            }
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[size] = value;
            codes.put(value, size);
            return size++;
        }

        int existing(String value) {
            Integer code = codes.get(value);
            return code == null ? -1 : code;
        }

        String value(int code) {
            return values[code];
        }
    }

    /** Bit layout of a dataset's cells: dimension names (sorted), offsets and dictionaries. */
    private final class Schema {
        final String[] names;
        final int[] offsets;
        final long[] masks;
        final Dictionary[] dicts;

        Schema(List<String> sortedNames) {
            names = sortedNames.toArray(String[]::new);
            offsets = new int[names.length];
            masks = new long[names.length];
            dicts = new Dictionary[names.length];
            int offset = MONTH_BITS;
            for (int i = 0; i < names.length; i++) {
                int bits = CellDimension.bitsOf(names[i]);
                offsets[i] = offset;
                masks[i] = (1L << bits) - 1;
                dicts[i] = dictionaries.computeIfAbsent(names[i], n -> new Dictionary(bits));
                offset += bits;
            }
        }

        int index(String name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        String decode(long packed, String name) {
            int i = index(name);
            return i < 0 ? null : dicts[i].value((int) ((packed >>> offsets[i]) & masks[i]));
        }

        /** The packed key, or -1 when the cell does not fit (month out of range, unknown shape, full dictionary). */
        long pack(int month, Map<String, String> dims, boolean add) {
            int m = month - MONTH_BASE;
            if (m < 0 || m >= (1 << MONTH_BITS) || dims.size() != names.length) {
                return -1;
            }
            long packed = m;
            for (int i = 0; i < names.length; i++) {
                String value = dims.get(names[i]);
                if (value == null) {
                    return -1;
                }
                int code = add ? dicts[i].code(value) : dicts[i].existing(value);
                if (code < 0) {
                    return -1;
                }
                packed |= ((long) code) << offsets[i];
            }
            return packed;
        }
    }

    static boolean packable(Collection<String> names) {
        int bits = MONTH_BITS;
        for (String name : names) {
            int b = CellDimension.bitsOf(name);
            if (b == 0) {
                return false; // a dimension that is not packed (CellDimension)
            }
            bits += b;
        }
        return bits <= 63;
    }

    /** The cells of one dataset: packed ones in a hash table, the others in a map. */
    private final class Dataset {
        private Schema schema;
        private boolean schemaChosen;
        /** The packed cells: key to count, stamped with when each last changed ({@link #stamp}). */
        private final LongDoubleMap packed = new LongDoubleMap(true);

        private final Map<String, Cell> others = new ConcurrentHashMap<>();
        private final Map<Long, Rollup> rollups = new ConcurrentHashMap<>();
        private final java.util.Set<Long> tooLarge = ConcurrentHashMap.newKeySet();
        private final int[] cellsInMonth = new int[1 << MONTH_BITS]; // packed cells per month
        /** When each deleted packed cell was deleted ({@link #stamp}, as a double). */
        private final LongDoubleMap deletedAt = new LongDoubleMap();
        /** The same for the cells kept as maps: the cell (count 0 once deleted) and when it last changed. */
        private final Map<String, Change> othersChanged = new ConcurrentHashMap<>();

        private volatile long lastChangeMillis = Long.MIN_VALUE;

        private record Change(Cell cell, long atMillis) {}

        List<Cell> changedAfter(long afterMillis) {
            List<Cell> out = new ArrayList<>();
            int after = stamp(afterMillis + 1) - 1; // a stamp above it: changed in a second ending after the instant
            packed.forEachStampedAfter(after, (key, count) -> out.add(new Cell(schema, key, -1L, count)));
            for (Entries e = deletedAt.entries(); e.next(); ) {
                if (e.value() > after) {
                    out.add(new Cell(schema, e.key(), -1L, 0));
                }
            }
            for (Change c : othersChanged.values()) {
                if (c.atMillis() > afterMillis) {
                    out.add(c.cell());
                }
            }
            return out;
        }

        /** The first and last month index with a cell, or null when there is none. */
        int[] monthRange() {
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            for (int m = 0; m < cellsInMonth.length; m++) {
                if (cellsInMonth[m] > 0) {
                    first = Math.min(first, m + MONTH_BASE);
                    last = Math.max(last, m + MONTH_BASE);
                }
            }
            for (Cell c : others.values()) {
                first = Math.min(first, c.month());
                last = Math.max(last, c.month());
            }
            return first == Integer.MAX_VALUE ? null : new int[] {first, last};
        }

        void put(String key, int month, Map<String, String> dims, double count, long changedAtMillis) {
            Schema s = schemaFor(dims);
            long p = s == null ? -1 : s.pack(month, dims, true);
            if (p >= 0) {
                double old = packed.get(p);
                packed.put(p, count, stamp(changedAtMillis));
                if (Double.isNaN(old)) {
                    deletedAt.remove(p);
                }
                boolean added = Double.isNaN(old);
                if (added) {
                    cellsInMonth[(int) (p & ((1L << MONTH_BITS) - 1))]++;
                }
                for (Rollup r : rollups.values()) {
                    r.sums.add(p & r.mask, added ? count : count - old, added ? 1 : 0);
                }
            } else {
                Cell cell = new Cell(month, canonical(dims), count);
                others.put(key, cell);
                othersChanged.put(key, new Change(cell, changedAtMillis));
            }
        }

        void remove(String key, long changedAtMillis) {
            Cell removed = others.remove(key);
            if (removed != null) {
                othersChanged.put(key, new Change(new Cell(removed.month(), removed.dims, 0), changedAtMillis));
                return;
            }
            if (schema == null) {
                return;
            }
            // key = dataset|YYYY-MM|name=value;name=value (the aggregator's Cells.key)
            String[] parts = key.split("\\|", 3);
            Map<String, String> dims = new TreeMap<>();
            if (parts.length == 3 && !parts[2].isEmpty()) {
                for (String pair : parts[2].split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        dims.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
            }
            long p = schema.pack(monthIndex(YearMonth.parse(parts[1])), dims, false);
            if (p >= 0) {
                double old = packed.get(p);
                if (Double.isNaN(old)) {
                    return;
                }
                packed.remove(p);
                deletedAt.put(p, stamp(changedAtMillis));
                cellsInMonth[(int) (p & ((1L << MONTH_BITS) - 1))]--;
                for (Rollup r : rollups.values()) {
                    r.sums.add(p & r.mask, -old, -1);
                }
            }
        }

        /**
         * The rollup over {@code dims} (plus month), built on first use; null when the cells themselves must be
         * walked (maps, a dimension the cells lack, or a rollup that would not be at least 4 times smaller).
         */
        Rollup rollup(Collection<String> dims) {
            Schema s = schema;
            if (s == null || !others.isEmpty()) {
                return null;
            }
            long mask = (1L << MONTH_BITS) - 1;
            for (String dim : dims) {
                if (dim.equals("month")) {
                    continue;
                }
                int i = s.index(dim);
                if (i < 0) {
                    return null;
                }
                mask |= s.masks[i] << s.offsets[i];
            }
            Rollup r = rollups.get(mask);
            if (r == null) {
                if (tooLarge.contains(mask)) {
                    return null;
                }
                synchronized (this) { // readers share the read lock: build each rollup once
                    r = rollups.get(mask);
                    if (r == null) {
                        r = build(mask);
                        if (r == null) {
                            return null;
                        }
                    }
                }
            }
            r.lastUsed = System.nanoTime();
            return r;
        }

        private Rollup build(long mask) {
            LongSumMap sums = new LongSumMap(Math.min(packed.size(), 1 << 16));
            int limit = packed.size() / 4;
            for (Entries e = packed.entries(); e.next(); ) {
                sums.add(e.key() & mask, e.value(), 1);
                if (sums.size() > limit && sums.size() > 1024) {
                    tooLarge.add(mask);
                    return null;
                }
            }
            if (rollups.size() >= MAX_ROLLUPS) {
                rollups.values().stream()
                        .min(java.util.Comparator.comparingLong(x -> x.lastUsed))
                        .ifPresent(oldest -> rollups.remove(oldest.mask));
            }
            Rollup r = new Rollup(mask, sums);
            rollups.put(mask, r);
            return r;
        }

        Collection<Cell> view(Rollup r) {
            Schema s = schema;
            return new AbstractCollection<>() {
                @Override
                public Iterator<Cell> iterator() {
                    Entries e = r.sums.entries();
                    return new Iterator<>() {
                        private boolean ready;
                        private boolean more;

                        @Override
                        public boolean hasNext() {
                            if (!ready) {
                                more = e.next();
                                ready = true;
                            }
                            return more;
                        }

                        @Override
                        public Cell next() {
                            if (!hasNext()) {
                                throw new NoSuchElementException();
                            }
                            ready = false;
                            return new Cell(s, e.key(), r.mask, e.value());
                        }
                    };
                }

                @Override
                public int size() {
                    return r.sums.size();
                }
            };
        }

        private Schema schemaFor(Map<String, String> dims) {
            if (!schemaChosen) {
                schemaChosen = true;
                List<String> names = new ArrayList<>(new TreeMap<>(dims).keySet());
                schema = packable(names) ? new Schema(names) : null;
            }
            return schema;
        }

        int size() {
            return packed.size() + others.size();
        }

        Collection<Cell> view() {
            Schema s = schema;
            return new AbstractCollection<>() {
                @Override
                public Iterator<Cell> iterator() {
                    Iterator<Cell> rest = others.values().iterator();
                    LongDoubleMap.Cursor cursor = packed.cursor();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return cursor.hasNext() || rest.hasNext();
                        }

                        @Override
                        public Cell next() {
                            if (cursor.hasNext()) {
                                cursor.advance();
                                return new Cell(s, cursor.key(), -1L, cursor.value());
                            }
                            if (rest.hasNext()) {
                                return rest.next();
                            }
                            throw new NoSuchElementException();
                        }
                    };
                }

                @Override
                public int size() {
                    return Dataset.this.size();
                }
            };
        }
    }

    /** Sums of a dataset's packed cells grouped by the bits of {@code mask} (month and some dimensions). */
    private static final class Rollup {
        final long mask;
        final LongSumMap sums;
        volatile long lastUsed;

        Rollup(long mask, LongSumMap sums) {
            this.mask = mask;
            this.sums = sums;
        }
    }

    private final Map<String, String> strings = new ConcurrentHashMap<>();

    /** Shared instances of short dimension strings for the cells kept as maps. */
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
            return s;
        }
        String known = strings.putIfAbsent(s, s);
        return known == null ? s : known;
    }
}
