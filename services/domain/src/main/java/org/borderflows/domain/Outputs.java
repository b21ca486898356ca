package org.borderflows.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.QualityIssue;
import org.borderflows.schema.ResidenceStatus;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellKind;
import org.borderflows.schema.SpellState;
import org.borderflows.schema.TravellerStatus;

/**
 * Writes an {@link Analysis} as the Avro values the stay engine publishes; every value's asOf is the clock, and its
 * clock-dependent fields are derived at it by {@link AtClock}.
 */
final class Outputs {

    private Outputs() {}

    static String spellId(CrossingFact start) {
        return Evaluation.spellId(start.travellerId(), start.eventId());
    }

    static List<Spell> spells(Analysis a) {
        List<Spell> spells = new ArrayList<>();
        for (SpellMatcher.Draft draft : a.matching.spells()) {
            spells.add(spell(a, draft));
        }
        return List.copyOf(spells);
    }

    private static Spell spell(Analysis a, SpellMatcher.Draft draft) {
        CrossingFact start = draft.start();
        CrossingFact end = draft.end();
        AtClock.Classification c = AtClock.classify(
                draft.state(), start.date(), end == null ? null : end.date(), start.purpose(), a.clock, a.settings);
        LocalDate latestExit = draft.kind() == SpellKind.STAY ? a.latestAuthorisedExit.get(start.eventId()) : null;
        Integer overstay = latestExit != null && draft.state() == SpellState.CLOSED
                ? AuthorisedStay.overstayDays(end.date(), latestExit)
                : null;
        boolean suspected = AtClock.suspectedOverstay(draft.state(), latestExit, a.clock);
        BorderWorkerSpells.Marks borderWorker = a.borderWorkers.of(draft);
        // all-args constructors, in schema order: Avro's builders cost more than the rules themselves
        return new Spell(
                spellId(start),
                start.travellerId(),
                draft.kind(),
                draft.state(),
                start.eventId(),
                start.date(),
                end == null ? null : end.eventId(),
                end == null ? null : end.date(),
                c.durationDays(),
                c.durationClass(),
                c.classFinal(),
                start.purpose(),
                start.citizenship(),
                start.sex(),
                AgeGroup.of(start.birthDate(), start.date()),
                start.borderPost(),
                end == null ? null : end.borderPost(),
                c.shortTermMigrant(),
                c.longTermMigrant(),
                c.labour(),
                latestExit,
                overstay,
                suspected,
                a.clock,
                start.cardNumber(),
                borderWorker.borderWorker(),
                borderWorker.firstOfMonth());
    }

    static List<CrossingOutcome> outcomes(Analysis a) {
        List<CrossingOutcome> outcomes = new ArrayList<>();
        List<CrossingFact> ordered = a.ordered();
        for (int i = 0; i < ordered.size(); i++) {
            CrossingFact c = ordered.get(i);
            TwelveSixteenRule.Outcome o = a.outcomes.get(i);
            outcomes.add(new CrossingOutcome(
                    c.eventId(),
                    c.travellerId(),
                    c.direction(),
                    c.date(),
                    o.statusBefore(),
                    o.statusAfter(),
                    o.longTermMigration(),
                    o.finalDate(),
                    AtClock.provisional(o.finalDate(), a.clock),
                    c.borderPost(),
                    c.citizenship(),
                    c.sex(),
                    AgeGroup.of(c.birthDate(), c.date()),
                    c.purpose(),
                    a.clock,
                    o.firstTimeBack(),
                    o.decisiveTimeBack(),
                    a.statusSince.get(i)));
        }
        return List.copyOf(outcomes);
    }

    static List<QualityEvent> findings(Analysis a) {
        record Found(QualityIssue issue, CrossingFact crossing, int occurrences) {}
        List<Found> found = new ArrayList<>();
        Map<String, Integer> copies = a.distinct.extraCopies();
        for (CrossingFact c : a.ordered()) {
            Integer extra = copies.get(c.eventId());
            if (extra != null) {
                found.add(new Found(QualityIssue.DUPLICATE, c, extra));
            }
        }
        for (SpellMatcher.Finding f : a.matching.findings()) {
            found.add(new Found(f.issue(), f.crossing(), 1));
        }
        found.sort(Comparator.comparing(Found::crossing, Deduplication.ORDER).thenComparing(Found::issue));
        List<QualityEvent> events = new ArrayList<>();
        for (Found f : found) {
            events.add(new QualityEvent(
                    f.issue(),
                    f.crossing().eventId(),
                    f.crossing().travellerId(),
                    f.crossing().date(),
                    f.crossing().borderPost(),
                    f.occurrences(),
                    a.clock));
        }
        return List.copyOf(events);
    }

    /** The traveller's current status; null when there is no crossing. */
    static TravellerStatus status(Analysis a) {
        List<CrossingFact> ordered = a.ordered();
        if (ordered.isEmpty()) {
            return null;
        }
        CrossingFact last = ordered.get(ordered.size() - 1);
        SpellMatcher.Draft open = a.openSpell();
        TravellerStatus status = new TravellerStatus(
                last.travellerId(),
                a.resident ? ResidenceStatus.RESIDENT : ResidenceStatus.NON_RESIDENT,
                a.outcomes.get(ordered.size() - 1).statusAfter(),
                last.date(),
                last.direction(),
                open == null ? null : spellId(open.start()),
                null,
                null,
                null,
                null,
                false,
                a.clock);
        if (a.underRegime(a.currentCard())) {
            authorisedStay(a, open, status);
        }
        return status;
    }

    /**
     * Days used and remaining on the clock date; while in the country the stay's latest authorised exit and, past
     * it, the in-country overstay so far; once out, the out-of-country overstay of the latest stay if it was closed by an exit.
     */
    private static void authorisedStay(Analysis a, SpellMatcher.Draft open, TravellerStatus status) {
        status.setDaysUsed(a.authorisedStay.daysUsed(a.clock));
        status.setDaysRemaining(a.authorisedStay.daysRemaining(a.clock));
        if (open != null) {
            LocalDate latestExit = a.latestAuthorisedExit.get(open.start().eventId());
            boolean suspected = AtClock.suspectedOverstay(open.state(), latestExit, a.clock);
            status.setLatestAuthorisedExit(latestExit);
            status.setSuspectedOverstay(suspected);
            status.setOverstayDays(suspected ? AuthorisedStay.overstayDays(a.clock, latestExit) : null);
            return;
        }
        List<SpellMatcher.Draft> spells = a.matching.spells();
        SpellMatcher.Draft latest = spells.isEmpty() ? null : spells.get(spells.size() - 1);
        LocalDate latestExit = latest == null
                ? null
                : a.latestAuthorisedExit.get(latest.start().eventId());
        if (latestExit != null && latest.state() == SpellState.CLOSED) {
            status.setOverstayDays(AuthorisedStay.overstayDays(latest.end().date(), latestExit));
        }
    }
}
