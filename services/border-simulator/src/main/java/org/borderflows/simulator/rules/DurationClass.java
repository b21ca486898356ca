package org.borderflows.simulator.rules;

/**
 * Duration classes of RULES.md §4 (UN 1998 Recommendations, Rev. 1): VISIT under 90 days, SHORT_TERM from 90
 * to 364 days, LONG_TERM from 365 days; PENDING for an open spell still under 90 days.
 */
public enum DurationClass {
    PENDING,
    VISIT,
    SHORT_TERM,
    LONG_TERM;

    public static final int SHORT_TERM_DAYS = 90;
    public static final int LONG_TERM_DAYS = 365;

    /** The class of a closed spell of {@code days} days. */
    public static DurationClass ofClosed(int days) {
        if (days >= LONG_TERM_DAYS) {
            return LONG_TERM;
        }
        return days >= SHORT_TERM_DAYS ? SHORT_TERM : VISIT;
    }

    /** The class of an open spell with {@code elapsed} days so far: below 90 days it can still be anything. */
    public static DurationClass ofOpen(int elapsed) {
        return elapsed < SHORT_TERM_DAYS ? PENDING : ofClosed(elapsed);
    }

    /** An open spell's class is final once it can no longer change, i.e. at 365 days (RULES.md §4). */
    public static boolean openIsFinal(int elapsed) {
        return elapsed >= LONG_TERM_DAYS;
    }
}
