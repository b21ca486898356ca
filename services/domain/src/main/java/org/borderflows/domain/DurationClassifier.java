package org.borderflows.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.SpellState;

/**
 * Duration classes and UN categories of one spell (RULES.md §4; UN Recommendations on Statistics of International
 * Migration, Rev. 1, 1998).
 *
 * <ul>
 *   <li>Closed: d = end date - start date; VISIT below 90, SHORT_TERM below 365, else LONG_TERM; final.
 *   <li>Open: d = clock - start date (0 if the clock is before the start); PENDING below 90, SHORT_TERM
 *       (provisional) below 365, LONG_TERM (final) from 365.
 *   <li>Broken: no duration; reported as PENDING (its class is unknown, not pending on the clock) and final,
 *       since no passing of the clock can change it; it is never a migrant or labour spell.
 *   <li>Short-term migrant: SHORT_TERM (an open SHORT_TERM spell provisionally) with a purpose other than
 *       TOURISM, PRIVATE, BUSINESS, OFFICIAL, TRANSIT. Long-term migrant: LONG_TERM. Labour: purpose on the
 *       starting card WORK and d >= 90 (a stay of a non-resident or an absence of a resident, per the kind).
 * </ul>
 */
final class DurationClassifier {

    private static final Set<Purpose> NOT_MIGRATION =
            EnumSet.of(Purpose.TOURISM, Purpose.PRIVATE, Purpose.BUSINESS, Purpose.OFFICIAL, Purpose.TRANSIT);

    private DurationClassifier() {}

    record Classification(
            Integer durationDays,
            DurationClass durationClass,
            boolean classFinal,
            boolean shortTermMigrant,
            boolean longTermMigrant,
            boolean labour) {}

    static Classification classify(SpellMatcher.Draft spell, LocalDate clock, RuleSettings settings) {
        if (spell.state() == SpellState.BROKEN) {
            return new Classification(null, DurationClass.PENDING, true, false, false, false);
        }
        boolean open = spell.state() == SpellState.OPEN;
        int days = open
                ? elapsed(spell.start().date(), clock)
                : days(spell.start().date(), spell.end().date());
        DurationClass durationClass = classOf(days, settings);
        boolean classFinal = !open || days >= settings.longTermDays();
        if (open && durationClass == DurationClass.VISIT) {
            durationClass = DurationClass.PENDING;
        }
        Purpose purpose = spell.start().purpose();
        return new Classification(
                days,
                durationClass,
                classFinal,
                durationClass == DurationClass.SHORT_TERM && !NOT_MIGRATION.contains(purpose),
                durationClass == DurationClass.LONG_TERM,
                purpose == Purpose.WORK && days >= settings.visitDays());
    }

    static DurationClass classOf(int days, RuleSettings settings) {
        if (days < settings.visitDays()) {
            return DurationClass.VISIT;
        }
        return days < settings.longTermDays() ? DurationClass.SHORT_TERM : DurationClass.LONG_TERM;
    }

    /** The next clock date at which an open spell's class changes (reaching 90, then 365 days). */
    static Optional<LocalDate> nextChange(SpellMatcher.Draft spell, LocalDate clock, RuleSettings settings) {
        if (spell.state() != SpellState.OPEN) {
            return Optional.empty();
        }
        LocalDate start = spell.start().date();
        for (int threshold : new int[] {settings.visitDays(), settings.longTermDays()}) {
            LocalDate reached = start.plusDays(threshold);
            if (reached.isAfter(clock)) {
                return Optional.of(reached);
            }
        }
        return Optional.empty();
    }

    static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to);
    }

    private static int elapsed(LocalDate start, LocalDate clock) {
        return Math.max(0, days(start, clock));
    }
}
