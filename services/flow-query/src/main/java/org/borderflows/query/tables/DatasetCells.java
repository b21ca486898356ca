package org.borderflows.query.tables;

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

/**
 * The cells of one dataset of the {@link Cube}: packed ones ({@link CellSchema}) in a hash table stamped with when
 * each changed, the others in a map; the rollups queries asked for, kept up to date with every change. The cube's
 * lock guards it.
 */
final class DatasetCells {
    /** Rollups kept per dataset at most; the least recently used one gives way to a new one. */
    static final int MAX_ROLLUPS = 24;

    private final Map<String, Dictionary> dictionaries;
    private final Map<String, String> strings;

    DatasetCells(Map<String, Dictionary> dictionaries, Map<String, String> strings) {
        this.dictionaries = dictionaries;
        this.strings = strings;
    }

    /** The layout of its packed cells, chosen by the first cell; null when its cells are kept as maps. */
    CellSchema schema;

    boolean schemaChosen;
    /** The packed cells: key to count, stamped with when each last changed ({@link Cube#stamp}). */
    final LongDoubleMap packed = new LongDoubleMap(true);

    final Map<String, Cell> others = new ConcurrentHashMap<>();
    final Map<Long, Rollup> rollups = new ConcurrentHashMap<>();
    final java.util.Set<Long> tooLarge = ConcurrentHashMap.newKeySet();
    final int[] cellsInMonth = new int[1 << CellSchema.MONTH_BITS]; // packed cells per month
    /** When each deleted packed cell was deleted ({@link Cube#stamp}, as a double). */
    final LongDoubleMap deletedAt = new LongDoubleMap();
    /** The same for the cells kept as maps: the cell (count 0 once deleted) and when it last changed. */
    final Map<String, Change> othersChanged = new ConcurrentHashMap<>();

    volatile long lastChangeMillis = Long.MIN_VALUE;

    record Change(Cell cell, long atMillis) {}

    List<Cell> changedAfter(long afterMillis) {
        List<Cell> out = new ArrayList<>();
        int after = Cube.stamp(afterMillis + 1) - 1; // a stamp above it: changed in a second ending after the instant
        packed.forEachStampedAfter(after, (key, count) -> out.add(new Cell(schema, key, -1L, count)));
        for (Cube.Entries e = deletedAt.entries(); e.next(); ) {
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
                first = Math.min(first, m + CellSchema.MONTH_BASE);
                last = Math.max(last, m + CellSchema.MONTH_BASE);
            }
        }
        for (Cell c : others.values()) {
            first = Math.min(first, c.month());
            last = Math.max(last, c.month());
        }
        return first == Integer.MAX_VALUE ? null : new int[] {first, last};
    }

    void put(String key, int month, Map<String, String> dims, double count, long changedAtMillis) {
        CellSchema s = schemaFor(dims);
        long p = s == null ? -1 : s.pack(month, dims, true);
        if (p >= 0) {
            double old = packed.get(p);
            packed.put(p, count, Cube.stamp(changedAtMillis));
            if (Double.isNaN(old)) {
                deletedAt.remove(p);
            }
            boolean added = Double.isNaN(old);
            if (added) {
                cellsInMonth[(int) (p & CellSchema.MONTH_MASK)]++;
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
            othersChanged.put(key, new Change(new Cell(removed.month(), removed.dims(), 0), changedAtMillis));
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
        long p = schema.pack(Cube.monthIndex(YearMonth.parse(parts[1])), dims, false);
        if (p >= 0) {
            double old = packed.get(p);
            if (Double.isNaN(old)) {
                return;
            }
            packed.remove(p);
            deletedAt.put(p, Cube.stamp(changedAtMillis));
            cellsInMonth[(int) (p & CellSchema.MONTH_MASK)]--;
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
        CellSchema s = schema;
        if (s == null || !others.isEmpty()) {
            return null;
        }
        long mask = CellSchema.MONTH_MASK;
        for (String dim : dims) {
            if (dim.equals(Query.MONTH)) {
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

    Rollup build(long mask) {
        LongSumMap sums = new LongSumMap(Math.min(packed.size(), 1 << 16));
        int limit = packed.size() / 4;
        for (Cube.Entries e = packed.entries(); e.next(); ) {
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
        CellSchema s = schema;
        return new AbstractCollection<>() {
            @Override
            public Iterator<Cell> iterator() {
                Cube.Entries e = r.sums.entries();
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

    CellSchema schemaFor(Map<String, String> dims) {
        if (!schemaChosen) {
            schemaChosen = true;
            List<String> names = new ArrayList<>(new TreeMap<>(dims).keySet());
            schema = CellSchema.packable(names) ? new CellSchema(names, dictionaries) : null;
        }
        return schema;
    }

    int size() {
        return packed.size() + others.size();
    }

    Collection<Cell> view() {
        CellSchema s = schema;
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
                return DatasetCells.this.size();
            }
        };
    }

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

    /** Sums of a dataset's packed cells grouped by the bits of {@code mask} (month and some dimensions). */
    static final class Rollup {
        final long mask;
        final LongSumMap sums;
        volatile long lastUsed;

        Rollup(long mask, LongSumMap sums) {
            this.mask = mask;
            this.sums = sums;
        }
    }
}
