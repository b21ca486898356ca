package org.borderflows.query.tables;

/**
 * How a dataset's cells answer a question ({@link TableQueries}): each dataset names its reading in its definition
 * ({@link Datasets.Dataset#reading}), and the query service switches on it, never on the dataset's name.
 */
public enum Reading {
    /** Sums of cell counts; a dataset whose cells hold dates is read at the clock ({@link ClockView}). */
    COUNTS,
    /** Non-residents present at each month's end up to the clock; a period's value is its last month's. */
    STOCK,
    /** 12/16 final counts, provisional estimates and intervals (RULES.md §6, {@link MigrationTable}). */
    MIGRATION,
    /** Estimates made at each stage compared with the final counts, from the 12/16 cells. */
    REVISIONS,
    /** Expected departures and how they ended at the clock, with rates ({@link OverstayRates}). */
    OVERSTAY_RATES,
    /** Frontier workers and their crossings ({@link BorderWorkers}). */
    BORDER_WORKERS;

    /** True when its answers depend on the clock beyond the month it is in (every cell may change with it). */
    boolean followsTheClock() {
        return this == STOCK || this == MIGRATION || this == REVISIONS;
    }
}
