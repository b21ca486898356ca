package org.borderflows.simulator.gen;

/**
 * Data faults the simulator injects. A crossing gets at most one of the first four; a duplicate copy
 * can be added to any delivered card.
 */
public enum Fault {
    NONE,
    /** Delivered after later crossings, but within the 30-day re-ordering horizon: must not change results. */
    REORDERED,
    /** Delivered more than 30 days after newer crossings: beyond the horizon, set aside as late. */
    LATE,
    /** An exit card that never reached the system. */
    LOST_EXIT,
    /** A field broken on the card: the record must be rejected with a reason. */
    INVALID,
    /** A second copy of the same card, same event_id: counted once. */
    DUPLICATE;

    /** Whether the crossing still reaches the engine's results. */
    public boolean delivered() {
        return this == NONE || this == REORDERED || this == DUPLICATE;
    }
}
