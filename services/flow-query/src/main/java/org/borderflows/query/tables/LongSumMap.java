package org.borderflows.query.tables;

import java.util.Arrays;

/**
 * A hash map from non-negative long keys to a sum and the number of cells in it (open addressing, linear
 * probing): a rollup of the cube's packed cells. An entry exists while at least one cell falls into it, so a
 * rollup has exactly the groups a scan of the cells would find. Not thread-safe: {@link Cube} locks around it.
 */
final class LongSumMap {
    private static final long EMPTY = -1L;
    private long[] keys;
    private double[] sums;
    private int[] cells;
    private int size;

    LongSumMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) (expected / 0.6)) * 2 - 1);
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        sums = new double[capacity];
        cells = new int[capacity];
    }

    int size() {
        return size;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** Adds {@code sum} and {@code cellDelta} cells to the entry of {@code key}; removes it when no cell is left. */
    void add(long key, double sum, int cellDelta) {
        if (size + 1 > keys.length * 0.6) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (keys[i] != EMPTY) {
            if (keys[i] == key) {
                sums[i] += sum;
                cells[i] += cellDelta;
                if (cells[i] <= 0) {
                    removeAt(i, mask);
                }
                return;
            }
            i = (i + 1) & mask;
        }
        if (cellDelta <= 0) {
            return; // a removal of a cell the rollup never had: nothing to do
        }
        keys[i] = key;
        sums[i] = sum;
        cells[i] = cellDelta;
        size++;
    }

    private void removeAt(int i, int mask) {
        // backward-shift deletion keeps every probe chain unbroken
        int gap = i;
        int j = (i + 1) & mask;
        while (keys[j] != EMPTY) {
            int home = slot(keys[j], mask);
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                keys[gap] = keys[j];
                sums[gap] = sums[j];
                cells[gap] = cells[j];
                gap = j;
            }
            j = (j + 1) & mask;
        }
        keys[gap] = EMPTY;
        sums[gap] = 0;
        cells[gap] = 0;
        size--;
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldSums = sums;
        int[] oldCells = cells;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        sums = new double[oldKeys.length * 2];
        cells = new int[oldKeys.length * 2];
        size = 0;
        int mask = keys.length - 1;
        for (int k = 0; k < oldKeys.length; k++) {
            if (oldKeys[k] != EMPTY) {
                int i = slot(oldKeys[k], mask);
                while (keys[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[k];
                sums[i] = oldSums[k];
                cells[i] = oldCells[k];
                size++;
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
                return sums[index];
            }
        };
    }
}
