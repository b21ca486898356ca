package org.borderflows.simulator.rules;

/**
 * Duration classes of RULES.md §4 (UN 1998 Recommendations, Rev. 1): VISIT under 90 days, SHORT_TERM from 90
 * to 364 days, LONG_TERM from 365 days; PENDING for an open spell still under 90 days. The limits are the
 * deployment's ({@code border-flows.rules.visit-days} and {@code .long-term-days}), given as {@link Limits}.
 */
public enum DurationClass {
    PENDING,
    VISIT,
    SHORT_TERM,
    LONG_TERM;

    /**
     * The class limits.
     *
     * @param shortTermDays a spell this long or longer is no longer a visit (90)
     * @param longTermDays a spell this long or longer is long-term (365)
     */
    public record Limits(int shortTermDays, int longTermDays) {

        /** The class of a closed spell of {@code days} days. */
        public DurationClass ofClosed(int days) {
            if (days >= longTermDays) {
                return LONG_TERM;
            }
            return days >= shortTermDays ? SHORT_TERM : VISIT;
        }

        /** The class of an open spell with {@code elapsed} days so far: below 90 days it can still be anything. */
        public DurationClass ofOpen(int elapsed) {
            return elapsed < shortTermDays ? PENDING : ofClosed(elapsed);
        }

        /** An open spell's class is final once it can no longer change, i.e. at 365 days (RULES.md §4). */
        public boolean openIsFinal(int elapsed) {
            return elapsed >= longTermDays;
        }
    }
}
