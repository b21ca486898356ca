package org.borderflows.query.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Packed cells of one dataset (or a rollup of them), as {@link Cube#packed} gives them to the 12/16 fast paths: their
 * entries and how to read and test the codes in a key without decoding it.
 */
final class PackedCells {
    static final long MONTH_MASK = CellSchema.MONTH_MASK;
    private final CellSchema schema;
    final Cube.Entries entries;

    PackedCells(CellSchema schema, Cube.Entries entries) {
        this.schema = schema;
        this.entries = entries;
    }

    /** The bits of a dimension ("month": the month bits). */
    long mask(String dim) {
        if (dim.equals(Query.MONTH)) {
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
        return dim.equals(Query.MONTH)
                ? Cube.yearMonth((int) (key & MONTH_MASK) + CellSchema.MONTH_BASE)
                        .toString()
                : schema.decode(key, dim);
    }

    /** Month index (see {@link Cube#monthIndex}) of a key. */
    int month(long key) {
        return (int) (key & MONTH_MASK) + CellSchema.MONTH_BASE;
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
    java.util.function.LongPredicate filter(Map<String, java.util.Set<String>> filters, java.util.Set<String> skip) {
        List<long[]> checks = new ArrayList<>(); // {mask, accepted bits...}
        java.util.Set<String> months = null;
        for (Map.Entry<String, java.util.Set<String>> f : filters.entrySet()) {
            if (skip.contains(f.getKey())) {
                continue;
            }
            if (f.getKey().equals(Query.MONTH)) {
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
                    || monthFilter.contains(Cube.yearMonth(month(key)).toString());
        };
    }
}
