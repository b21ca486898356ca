package org.borderflows.query.tables;

import java.util.Arrays;

/**
 * A hash map from non-negative long keys to doubles, open addressing with linear probing (16 bytes per slot,
 * load at most 0.6): the cube's packed cells without boxing. A stamped map also keeps an int per entry (4 bytes more
 * per slot: the cube's change time of a cell, {@link Cube#changedAfter}). Not thread-safe: {@link Cube} locks around
 * it.
 */
final class LongDoubleMap {
    private static final long EMPTY = -1L;
    private long[] keys = newKeys(1024);
    private double[] values = new double[1024];
    private int[] stamps;
    private int size;

    LongDoubleMap() {}

    /** @param stamped whether entries carry a stamp ({@link #put(long, double, int)}) */
    LongDoubleMap(boolean stamped) {
        this.stamps = stamped ? new int[keys.length] : null;
    }

    /** What {@link #forEachStampedAfter} hands over. */
    interface StampedEntry {
        void accept(long key, double value);
    }

    private static long[] newKeys(int capacity) {
        long[] k = new long[capacity];
        Arrays.fill(k, EMPTY);
        return k;
    }

    int size() {
        return size;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    void put(long key, double value) {
        put(key, value, 0);
    }

    /** Puts a value and its stamp (kept only by a stamped map). */
    void put(long key, double value, int stamp) {
        if (size + 1 > keys.length * 0.6) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                values[i] = value;
                if (stamps != null) {
                    stamps[i] = stamp;
                }
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (stamps != null) {
            stamps[i] = stamp;
        }
        size++;
    }

    /** Every entry whose stamp is above {@code after} (a stamped map). */
    void forEachStampedAfter(int after, StampedEntry consumer) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && stamps[i] > after) {
                consumer.accept(keys[i], values[i]);
            }
        }
    }

    void remove(long key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                // backward-shift deletion keeps every probe chain unbroken
                int gap = i;
                int j = (i + 1) & mask;
                while (keys[j] != EMPTY) {
                    int home = slot(keys[j], mask);
                    boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
                    if (movable) {
                        keys[gap] = keys[j];
                        values[gap] = values[j];
                        if (stamps != null) {
                            stamps[gap] = stamps[j];
                        }
                        gap = j;
                    }
                    j = (j + 1) & mask;
                }
                keys[gap] = EMPTY;
                size--;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    double get(long key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return Double.NaN;
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldValues = values;
        int[] oldStamps = stamps;
        keys = newKeys(oldKeys.length * 2);
        values = new double[oldKeys.length * 2];
        stamps = oldStamps == null ? null : new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i], oldStamps == null ? 0 : oldStamps[i]);
            }
        }
    }

    /** Walks the entries; valid while the map is not modified. */
    Cube.Entries entries() {
        return new Cube.Entries() {
            private int index = -1;

            @Override
            public boolean next() {
                for (index++; index < keys.length; index++) {
                    if (keys[index] != EMPTY) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public long key() {
                return keys[index];
            }

            @Override
            public double value() {
                return values[index];
            }
        };
    }

    /** Walks the entries; valid while the map is not modified. */
    Cursor cursor() {
        return new Cursor();
    }

    final class Cursor {
        private int index = -1;
        private int next = find(0);

        private int find(int from) {
            for (int i = from; i < keys.length; i++) {
                if (keys[i] != EMPTY) {
                    return i;
                }
            }
            return -1;
        }

        boolean hasNext() {
            return next >= 0;
        }

        void advance() {
            index = next;
            next = find(index + 1);
        }

        long key() {
            return keys[index];
        }

        double value() {
            return values[index];
        }
    }
}
