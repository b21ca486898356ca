package org.borderflows.domain;

import java.time.LocalDate;
import java.util.Collection;
import org.borderflows.schema.Purpose;

/**
 * Frontier (border) workers, docs/rules.md §4a (UN 1998: persons who commute across a border for work and return
 * daily or at least once a week). The parameters are defined here once.
 *
 * @param purpose the purpose of a commuting spell (its starting card, RULES.md §4)
 * @param returnWithinDays a commuting spell is a closed spell of at most this many days
 * @param windowDays the rolling window, in days, ending on the day judged
 * @param minReturns the commuting spells that must end in the window
 */
public record BorderWorkerRule(Purpose purpose, int returnWithinDays, int windowDays, int minReturns) {

    /** The rule of docs/rules.md §4a: WORK spells of at most 7 days, at least 4 ending in a rolling 30 days. */
    public static final BorderWorkerRule UN_1998 = new BorderWorkerRule(Purpose.WORK, 7, 30, 4);

    /** Whether a closed spell of {@code days} days with purpose {@code spellPurpose} is a commuting spell. */
    public boolean commuting(Purpose spellPurpose, long days) {
        return spellPurpose == purpose && days >= 0 && days <= returnWithinDays;
    }

    /**
     * Whether a traveller whose commuting spells ended on {@code commutingEnds} is a border worker on {@code day}:
     * at least {@link #minReturns} of them end in {@code day - windowDays + 1 … day}. Derived at the reader's clock
     * (RULES.md §8); nothing is recorded because time passed.
     */
    public boolean borderWorkerOn(Collection<LocalDate> commutingEnds, LocalDate day) {
        LocalDate first = windowStart(day);
        long inWindow = commutingEnds.stream()
                .filter(end -> !end.isBefore(first) && !end.isAfter(day))
                .count();
        return inWindow >= minReturns;
    }

    /** The first day of the window that judges {@code day}: {@code day - windowDays + 1}. */
    public LocalDate windowStart(LocalDate day) {
        return day.minusDays(windowDays - 1L);
    }
}
