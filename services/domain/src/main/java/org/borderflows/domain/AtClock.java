package org.borderflows.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellKind;
import org.borderflows.schema.SpellState;

/**
 * What a published fact means at a processing clock (RULES.md §8): the one definition of every value that depends
 * on the clock and not on the crossings. The stay engine writes a spell or an outcome when its facts change (a
 * crossing, a correction, a late record), never because time passed; its clock-dependent fields hold their values
 * at the record's {@code asOf}. Readers (the query service, the status API, the simulator's comparisons) derive
 * the values at their own clock here.
 *
 * <ul>
 *   <li>§5: an outcome is provisional until the clock is past its final date ({@link #provisional});
 *   <li>§4: an open spell's elapsed days, duration class, whether that class is final, and its UN categories
 *       ({@link #classify});
 *   <li>§7: an open stay is a suspected in-country overstay once the clock is past its latest authorised exit.
 * </ul>
 */
public final class AtClock {

    /** Purposes that make a SHORT_TERM spell a visit rather than a short-term migration (§4, UN 1998). */
    private static final Set<Purpose> NOT_MIGRATION =
            EnumSet.of(Purpose.TOURISM, Purpose.PRIVATE, Purpose.BUSINESS, Purpose.OFFICIAL, Purpose.TRANSIT);

    private AtClock() {}

    /**
     * RULES.md §5: provisional while the clock is on or before the final date. On the final date itself a crossing
     * of that day can still arrive and change the outcome.
     */
    public static boolean provisional(LocalDate finalDate, LocalDate clock) {
        return !clock.isAfter(finalDate);
    }

    /** RULES.md §7: no exit recorded and the clock past the latest authorised exit date. */
    public static boolean suspectedOverstay(SpellState state, LocalDate latestAuthorisedExit, LocalDate clock) {
        return state == SpellState.OPEN && latestAuthorisedExit != null && clock.isAfter(latestAuthorisedExit);
    }

    /** The duration class of a spell and its UN categories (RULES.md §4). */
    public record Classification(
            Integer durationDays,
            DurationClass durationClass,
            boolean classFinal,
            boolean shortTermMigrant,
            boolean longTermMigrant,
            boolean labour) {}

    /**
     * RULES.md §4. Closed: d = end - start; VISIT below 90, SHORT_TERM below 365, else LONG_TERM; final. Open: d =
     * clock - start (0 if the clock is before the start); PENDING below 90, SHORT_TERM (provisional) below 365,
     * LONG_TERM (final) from 365. Broken: no duration, reported as PENDING and final (no passing of the clock can
     * change it), never a migrant or labour spell. Short-term migrant: SHORT_TERM with a purpose other than
     * TOURISM, PRIVATE, BUSINESS, OFFICIAL, TRANSIT; long-term migrant: LONG_TERM; labour: purpose on the starting
     * card WORK and d >= 90.
     */
    public static Classification classify(
            SpellState state, LocalDate start, LocalDate end, Purpose purpose, LocalDate clock, RuleSettings settings) {
        if (state == SpellState.BROKEN) {
            return new Classification(null, DurationClass.PENDING, true, false, false, false);
        }
        boolean open = state == SpellState.OPEN;
        int days = open ? Math.max(0, days(start, clock)) : days(start, end);
        DurationClass durationClass = classOf(days, settings);
        boolean classFinal = !open || days >= settings.longTermDays();
        if (open && durationClass == DurationClass.VISIT) {
            durationClass = DurationClass.PENDING;
        }
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

    static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to);
    }

    /** A published spell as it stands at {@code clock}: a copy with the clock-dependent fields derived. */
    public static Spell spell(Spell fact, LocalDate clock, RuleSettings settings) {
        Spell at = Spell.newBuilder(fact).build();
        at.setAsOf(clock);
        if (fact.getState() != SpellState.OPEN) {
            return at;
        }
        Classification c = classify(fact.getState(), fact.getStartDate(), null, fact.getPurpose(), clock, settings);
        at.setDurationDays(c.durationDays());
        at.setDurationClass(c.durationClass());
        at.setClassFinal(c.classFinal());
        at.setShortTermMigrant(c.shortTermMigrant());
        at.setLongTermMigrant(c.longTermMigrant());
        at.setLabour(c.labour());
        at.setOverstayDays(null);
        at.setSuspectedOverstay(fact.getKind() == SpellKind.STAY
                && suspectedOverstay(fact.getState(), fact.getLatestAuthorisedExit(), clock));
        return at;
    }

    /** A published 12/16 outcome as it stands at {@code clock}. */
    public static CrossingOutcome outcome(CrossingOutcome fact, LocalDate clock) {
        CrossingOutcome at = CrossingOutcome.newBuilder(fact).build();
        at.setProvisional(provisional(fact.getFinalDate(), clock));
        at.setAsOf(clock);
        return at;
    }
}
