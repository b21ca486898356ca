package org.borderflows.query.tables;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.borderflows.query.topology.CellDimension;

/**
 * Bit layout of a dataset's packed cells: 11 bits of month (1990-2160), then each dimension's dictionary code in the
 * bits {@link CellDimension} gives it (dimension names sorted), in one {@code long}. The dictionaries are shared by
 * every dataset of a cube (a border post has one code everywhere).
 */
final class CellSchema {
    static final int MONTH_BITS = 11;
    static final long MONTH_MASK = (1L << MONTH_BITS) - 1;
    static final int MONTH_BASE = 1990 * 12;

    final String[] names;
    final int[] offsets;
    final long[] masks;
    final Dictionary[] dicts;

    CellSchema(List<String> sortedNames, Map<String, Dictionary> dictionaries) {
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

    /** Whether cells with these dimensions can be packed: every one has bits, and all fit in a long with the month. */
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

    /** The month index of a packed key. */
    static int month(long packed) {
        return (int) (packed & MONTH_MASK) + MONTH_BASE;
    }
}
