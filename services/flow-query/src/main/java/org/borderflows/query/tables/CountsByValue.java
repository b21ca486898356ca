package org.borderflows.query.tables;

import java.util.List;

/**
 * A row's counts, one per value of an internal cell dimension, in a fixed order: how an {@code overstay-rates} row
 * counts its departures, how a {@code border-workers} row counts workers and crossings. Quarters and years add the
 * arrays like any count ({@link PeriodTotals}).
 *
 * @param dataset the dataset, for the message of a value it does not know
 * @param values the values of the dimension, in the order of the counts
 */
record CountsByValue(String dataset, List<String> values) {

    /** A new accumulator of a row. */
    double[] counts() {
        return new double[values.size()];
    }

    /** Adds a cell of {@code count} to the count of {@code value}. */
    void add(double[] counts, String value, double count) {
        int i = values.indexOf(value);
        if (i < 0) {
            throw new IllegalStateException("unknown value '" + value + "' in a " + dataset + " cell");
        }
        counts[i] += count;
    }
}
