package org.borderflows.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.borderflows.domain.TravellerCarry.Presence;
import org.borderflows.schema.SpellKind;

/**
 * The authorised-stay calculator of RULES.md §7 (EES Regulation (EU) 2017/2226 Art. 11; the EU short-stay
 * calculator's two modes) over one traveller's recorded crossings, as the engine keeps them.
 *
 * <ul>
 *   <li>{@link #atControlDate control date} D: the crossings dated on or before D (later ones are not known on
 *       D), an open stay counting as presence up to D: days used in D-179..D, days left, and while in the country
 *       the stay's latest authorised exit and the overstay so far.
 *   <li>{@link #plan planning}: the recorded crossings at the engine's clock (an open stay present up to the
 *       clock, as in the status query) plus planned stays, each with continuous presence from entry to exit:
 *       whether every day is authorised, the last authorised day of each and the days past it.
 * </ul>
 *
 * <p>Whether the traveller is under the regime is decided by the current card (the latest spell's entry card,
 * else the latest crossing) as for the traveller status; planned stays take that card's regime. Pure: no clock but
 * the dates given.
 */
public final class StayCalculator {

    private StayCalculator() {}

    /** What the calculator could say. */
    public enum Result {
        /** The figures are filled in. */
        CALCULATED,
        /** A resident, or a card whose citizenship or purpose is not under the visa-free regime (§7). */
        NOT_UNDER_REGIME,
        /**
         * The date asked for is before the oldest crossing the engine keeps while older ones were pruned: their
         * days present are only kept for windows ending on or after it.
         */
        BEFORE_KEPT_HISTORY
    }

    /** A planned stay: entry and exit dates, both days present; exit on or after entry. */
    public record PlannedStay(LocalDate entry, LocalDate exit) {
        public PlannedStay {
            if (entry == null || exit == null || exit.isBefore(entry)) {
                throw new IllegalArgumentException("a planned stay needs an exit on or after its entry");
            }
        }
    }

    /**
     * Control-date mode.
     *
     * @param daysUsed days present in controlDate-179..controlDate
     * @param daysLeft max(0, 90 - daysUsed)
     * @param inCountry an entry without a later exit on or before the control date
     * @param stayEntry the entry date of that stay
     * @param latestAuthorisedExit that stay's last authorised day (the day before entry when not even the entry day is)
     * @param overstayDays days the control date is past it (0 when it is not)
     */
    public record ControlCheck(
            Result result,
            LocalDate controlDate,
            Integer daysUsed,
            Integer daysLeft,
            boolean inCountry,
            LocalDate stayEntry,
            LocalDate latestAuthorisedExit,
            Integer overstayDays) {

        static ControlCheck without(Result result, LocalDate controlDate) {
            return new ControlCheck(result, controlDate, null, null, false, null, null, null);
        }
    }

    /**
     * One planned stay assessed.
     *
     * @param authorised every day from entry to exit is authorised
     * @param lastAuthorisedDay the last day L such that every day from entry to L is authorised; the day before entry
     *     when not even the entry day is
     * @param daysOver max(0, exit - L): the days that would be over
     * @param daysUsedOnExit days present in the window ending on the exit day
     */
    public record PlannedStayCheck(
            LocalDate entry,
            LocalDate exit,
            boolean authorised,
            LocalDate lastAuthorisedDay,
            int daysOver,
            int daysUsedOnExit) {}

    /**
     * Planning mode.
     *
     * @param clock the date up to which recorded presence counts (the engine's clock)
     * @param authorised every planned stay is authorised
     * @param inCountry the traveller has an open stay at the clock: it counts up to the clock
     * @param stays the planned stays in date order
     */
    public record PlanCheck(
            Result result, LocalDate clock, boolean authorised, boolean inCountry, List<PlannedStayCheck> stays) {

        static PlanCheck without(Result result, LocalDate clock) {
            return new PlanCheck(result, clock, false, false, List.of());
        }
    }

    /** Control-date mode over the recorded crossings (any order, duplicates allowed) and their carry. */
    public static ControlCheck atControlDate(
            TravellerCarry carry, List<CrossingFact> crossings, LocalDate controlDate, RuleSettings settings) {
        if (beforeKeptHistory(carry, crossings, controlDate)) {
            return ControlCheck.without(Result.BEFORE_KEPT_HISTORY, controlDate);
        }
        List<CrossingFact> known =
                crossings.stream().filter(c -> !c.date().isAfter(controlDate)).toList();
        if (known.isEmpty() && carry == null) {
            // not yet seen on the control date: nothing used, if the first card is under the regime
            return underRegime(earliest(crossings), settings)
                    ? new ControlCheck(
                            Result.CALCULATED, controlDate, 0, settings.authorisedMaxDays(), false, null, null, null)
                    : ControlCheck.without(Result.NOT_UNDER_REGIME, controlDate);
        }
        Analysis a = new Analysis(carry, known, controlDate, settings);
        CrossingFact card = a.currentCard();
        if (card == null || !a.underRegime(card)) {
            return ControlCheck.without(Result.NOT_UNDER_REGIME, controlDate);
        }
        int used = a.authorisedStay.daysUsed(controlDate);
        int left = a.authorisedStay.daysRemaining(controlDate);
        SpellMatcher.Draft open = a.openSpell();
        if (open == null || open.kind() != SpellKind.STAY) {
            return new ControlCheck(Result.CALCULATED, controlDate, used, left, false, null, null, null);
        }
        LocalDate latestExit = a.latestAuthorisedExit.get(open.start().eventId());
        return new ControlCheck(
                Result.CALCULATED,
                controlDate,
                used,
                left,
                true,
                open.start().date(),
                latestExit,
                AuthorisedStay.overstayDays(controlDate, latestExit));
    }

    /**
     * Planning mode: the recorded crossings at {@code clock} plus {@code planned} (at least one, not overlapping
     * each other).
     */
    public static PlanCheck plan(
            TravellerCarry carry,
            List<CrossingFact> crossings,
            LocalDate clock,
            List<PlannedStay> planned,
            RuleSettings settings) {
        List<PlannedStay> ordered = inOrder(planned);
        if (beforeKeptHistory(carry, crossings, ordered.get(0).entry())) {
            return PlanCheck.without(Result.BEFORE_KEPT_HISTORY, clock);
        }
        Analysis a = new Analysis(carry, crossings, clock, settings);
        CrossingFact card = a.currentCard();
        if (card == null || !a.underRegime(card)) {
            return PlanCheck.without(Result.NOT_UNDER_REGIME, clock);
        }
        List<Presence> presence = new ArrayList<>(a.authorisedStay.presence());
        ordered.forEach(p -> presence.add(new Presence(p.entry(), p.exit())));
        AuthorisedStay withPlans = new AuthorisedStay(presence, settings);
        List<PlannedStayCheck> checks = new ArrayList<>();
        for (PlannedStay p : ordered) {
            LocalDate last = withPlans.latestAuthorisedExit(p.entry());
            int over = AuthorisedStay.overstayDays(p.exit(), last);
            checks.add(new PlannedStayCheck(p.entry(), p.exit(), over == 0, last, over, withPlans.daysUsed(p.exit())));
        }
        SpellMatcher.Draft open = a.openSpell();
        return new PlanCheck(
                Result.CALCULATED,
                clock,
                checks.stream().allMatch(PlannedStayCheck::authorised),
                open != null && open.kind() == SpellKind.STAY,
                List.copyOf(checks));
    }

    /** Planned stays by entry date; at least one, and no two sharing a day (else IllegalArgumentException). */
    public static List<PlannedStay> inOrder(List<PlannedStay> planned) {
        if (planned == null || planned.isEmpty()) {
            throw new IllegalArgumentException("at least one planned stay is needed");
        }
        List<PlannedStay> ordered = new ArrayList<>(planned);
        ordered.sort(Comparator.comparing(PlannedStay::entry));
        for (int i = 1; i < ordered.size(); i++) {
            if (!ordered.get(i).entry().isAfter(ordered.get(i - 1).exit())) {
                PlannedStay a = ordered.get(i - 1);
                PlannedStay b = ordered.get(i);
                throw new IllegalArgumentException("the planned stays " + a.entry() + ".." + a.exit() + " and "
                        + b.entry() + ".." + b.exit() + " overlap");
            }
        }
        return ordered;
    }

    private static boolean beforeKeptHistory(TravellerCarry carry, List<CrossingFact> crossings, LocalDate date) {
        CrossingFact first = earliest(crossings);
        return carry != null && first != null && date.isBefore(first.date());
    }

    private static CrossingFact earliest(List<CrossingFact> crossings) {
        return crossings.stream().min(Comparator.comparing(CrossingFact::date)).orElse(null);
    }

    private static boolean underRegime(CrossingFact card, RuleSettings settings) {
        return card != null
                && settings.visaFree()
                        .applies(
                                card.citizenship(),
                                card.purpose(),
                                settings.reportingCountry().equals(card.citizenship()));
    }
}
