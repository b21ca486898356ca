package org.borderflows.simulator.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.borderflows.platform.config.RulesConfiguration;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;

/**
 * Everything the independent rules derive from one traveller's crossings: duplicates removed (RULES.md §3),
 * spells with their classes (§3-§4) and authorised stay (§7), 12/16 outcomes (§5) and the quality figures.
 * This is the ground truth's own reading of RULES.md and shares no code with the stay engine.
 */
public final class TravellerRules {
    private static final Set<Purpose> NOT_MIGRANT_PURPOSES =
            Set.of(Purpose.TOURISM, Purpose.PRIVATE, Purpose.BUSINESS, Purpose.OFFICIAL, Purpose.TRANSIT);

    private final TwelveSixteenRule twelveSixteen;
    private final DurationClass.Limits classes;
    private final AuthorisedStay authorisedStay;

    public TravellerRules(
            TwelveSixteenRule twelveSixteen, DurationClass.Limits classes, AuthorisedStay authorisedStay) {
        this.twelveSixteen = twelveSixteen;
        this.classes = classes;
        this.authorisedStay = authorisedStay;
    }

    /** The rules with a deployment's parameters ({@code border-flows.rules.*}), read here as plain numbers. */
    public static TravellerRules of(RulesConfiguration rules) {
        return new TravellerRules(
                new TwelveSixteenRule(rules.windowDays(), rules.thresholdDays()),
                new DurationClass.Limits(rules.visitDays(), rules.longTermDays()),
                new AuthorisedStay(rules.authorisedWindowDays(), rules.authorisedMaxDays()));
    }

    /** The rules with the documented parameters. */
    public static TravellerRules defaults() {
        return of(RulesConfiguration.defaults());
    }

    /** The result for one traveller. */
    public record Result(
            List<Xing> accepted,
            List<TruthSpell> spells,
            List<Outcome> outcomes,
            int duplicates,
            List<LocalDate> orphanExitDates,
            int brokenSpells) {
        public int orphanExits() {
            return orphanExitDates.size();
        }
    }

    /**
     * Crossings are ordered by instant, those at the same instant by {@link SameInstantOrder} (RULES.md §3).
     *
     * @param crossings the traveller's crossings, in any order, possibly with duplicates
     * @param resident the status from citizenship (RULES.md §3)
     * @param clock the processing clock (§8), a date in the reporting country's zone
     */
    public Result evaluate(List<Xing> crossings, boolean resident, LocalDate clock) {
        List<Xing> sorted = new ArrayList<>(crossings);
        sorted.sort(Comparator.comparing(Xing::crossedAt).thenComparing(Xing::eventId));
        List<Xing> accepted = SameInstantOrder.of(withoutDuplicates(sorted), resident);
        int duplicates = sorted.size() - accepted.size();

        List<TruthSpell> spells = new ArrayList<>();
        List<AuthorisedStay.Presence> presences = new ArrayList<>();
        Direction startDirection = resident ? Direction.EXIT : Direction.ENTRY;
        Xing open = null;
        List<LocalDate> orphans = new ArrayList<>();
        int broken = 0;
        // §7 days present (the domain library's documented reading, Schengen Borders Code Art. 6(2)): only stays
        // under the visa-free regime count, entry and exit days included; a broken stay counts its entry day and
        // an orphan exit its exit day (the traveller was in the country on the day of crossing).
        for (Xing x : accepted) {
            if (x.direction() == startDirection) {
                if (open != null) {
                    spells.add(brokenSpell(open, resident, presences));
                    if (AuthorisedStay.visaFree(resident, open.purpose())) {
                        presences.add(new AuthorisedStay.Presence(open.date(), open.date()));
                    }
                    broken++;
                }
                open = x;
            } else if (open != null) {
                spells.add(closedSpell(open, x, resident, presences));
                if (AuthorisedStay.visaFree(resident, open.purpose())) {
                    presences.add(new AuthorisedStay.Presence(open.date(), x.date()));
                }
                open = null;
            } else if (!resident) {
                orphans.add(x.date()); // an exit with no entry before it: a departure, never invented into a stay
                if (AuthorisedStay.visaFree(resident, x.purpose())) {
                    presences.add(new AuthorisedStay.Presence(x.date(), x.date())); // present on its exit day
                }
            }
        }
        if (open != null) {
            spells.add(openSpell(open, resident, clock, presences));
        }
        List<Outcome> walked = twelveSixteen.outcomes(TwelveSixteenRule.withoutRepeats(accepted, resident), resident);
        List<Outcome> outcomes = TwelveSixteenRule.withRepeats(accepted, walked, resident);
        return new Result(accepted, spells, outcomes, duplicates, orphans, broken);
    }

    /** Same event_id, or same direction + card number + crossing date: counted once (RULES.md §3). */
    public static List<Xing> withoutDuplicates(List<Xing> sorted) {
        Set<String> ids = new HashSet<>();
        Set<String> cards = new HashSet<>();
        List<Xing> out = new ArrayList<>(sorted.size());
        for (Xing x : sorted) {
            String card = x.direction() + "|" + Objects.toString(x.cardNumber(), "") + "|" + x.date();
            if (ids.add(x.eventId()) && cards.add(card)) {
                out.add(x);
            }
        }
        return out;
    }

    /**
     * A broken stay (§3) has no end and no duration, but under the visa-free regime it still has the latest
     * authorised exit its entry gave (§7 "at entry"); no overstay can be measured without the exit.
     */
    private TruthSpell brokenSpell(Xing start, boolean resident, List<AuthorisedStay.Presence> earlier) {
        LocalDate latest = AuthorisedStay.visaFree(resident, start.purpose())
                ? authorisedStay.latestExit(earlier, start.date())
                : null;
        return new TruthSpell(
                !resident,
                SpellState.BROKEN,
                start.eventId(),
                start.date(),
                null,
                null,
                null,
                DurationClass.PENDING,
                true,
                start.purpose(),
                start.borderPost(),
                false,
                false,
                false,
                latest,
                null,
                false);
    }

    private TruthSpell closedSpell(Xing start, Xing end, boolean resident, List<AuthorisedStay.Presence> earlier) {
        int days = (int) (end.date().toEpochDay() - start.date().toEpochDay());
        DurationClass c = classes.ofClosed(days);
        LocalDate latest = null;
        Integer overstay = null;
        if (AuthorisedStay.visaFree(resident, start.purpose())) {
            latest = authorisedStay.latestExit(earlier, start.date());
            overstay = AuthorisedStay.overstayDays(latest, end.date());
        }
        return new TruthSpell(
                !resident,
                SpellState.CLOSED,
                start.eventId(),
                start.date(),
                end.eventId(),
                end.date(),
                days,
                c,
                true,
                start.purpose(),
                start.borderPost(),
                shortTermMigrant(c, start.purpose()),
                c == DurationClass.LONG_TERM,
                labour(start.purpose(), days),
                latest,
                overstay,
                false);
    }

    private TruthSpell openSpell(Xing start, boolean resident, LocalDate clock, List<AuthorisedStay.Presence> earlier) {
        int elapsed = Math.max(0, (int) (clock.toEpochDay() - start.date().toEpochDay()));
        DurationClass c = classes.ofOpen(elapsed);
        LocalDate latest = null;
        boolean suspected = false;
        if (AuthorisedStay.visaFree(resident, start.purpose())) {
            latest = authorisedStay.latestExit(earlier, start.date());
            suspected = clock.isAfter(latest);
        }
        return new TruthSpell(
                !resident,
                SpellState.OPEN,
                start.eventId(),
                start.date(),
                null,
                null,
                elapsed,
                c,
                classes.openIsFinal(elapsed),
                start.purpose(),
                start.borderPost(),
                shortTermMigrant(c, start.purpose()),
                c == DurationClass.LONG_TERM,
                labour(start.purpose(), elapsed),
                latest,
                null,
                suspected);
    }

    /** UN 1998: a short-term migrant's purpose is not a visit (tourism, family, business, official, transit). */
    static boolean shortTermMigrant(DurationClass c, Purpose purpose) {
        return c == DurationClass.SHORT_TERM && !NOT_MIGRANT_PURPOSES.contains(purpose);
    }

    /** RULES.md §4: declared WORK and 90 days or more. */
    boolean labour(Purpose purpose, int days) {
        return purpose == Purpose.WORK && days >= classes.shortTermDays();
    }

    /** Age group at a date (RULES.md §9): 0-4, 5-9, ..., 80-84, 85+. */
    public static String ageGroup(LocalDate birthDate, LocalDate on) {
        if (birthDate == null) {
            return "UNKNOWN";
        }
        int age = java.time.Period.between(birthDate, on).getYears();
        if (age >= 85) {
            return "85+";
        }
        int low = Math.max(0, age) / 5 * 5;
        return low + "-" + (low + 4);
    }
}
