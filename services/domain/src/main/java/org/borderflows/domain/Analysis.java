package org.borderflows.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.domain.TravellerCarry.Presence;
import org.borderflows.schema.QualityIssue;
import org.borderflows.schema.ResidenceStatus;
import org.borderflows.schema.SpellKind;
import org.borderflows.schema.SpellState;

/**
 * One traveller's crossings run through every rule, before they are written as Avro values: the shared ground of
 * {@link TravellerTimeline#evaluate} and {@link TravellerTimeline#prune}.
 */
final class Analysis {

    final RuleSettings settings;
    final LocalDate clock;
    final TravellerCarry carry;
    final Deduplication.Distinct distinct;
    /** Citizenship-based status of §3, from the latest crossing's citizenship. */
    final boolean resident;

    final SpellMatcher.Matching matching;
    /** 12/16 outcome of every distinct crossing, aligned with {@code distinct.crossings()}. */
    final List<TwelveSixteenRule.Outcome> outcomes;
    /**
     * For every distinct crossing, the date of the crossing whose long-term migration gave the status before it
     * (§5); null while that is the status from citizenship (§3). Aligned with {@code distinct.crossings()}.
     */
    final List<LocalDate> statusSince;
    /** Index in {@code distinct.crossings()} of each walked crossing. */
    final int[] walkPositions;

    final AuthorisedStay authorisedStay;
    /** Latest authorised exit of each STAY under the visa-free regime, by start event id. */
    final Map<String, LocalDate> latestAuthorisedExit;

    /** Closed spells that end on a day their traveller is a frontier worker (docs/rules.md §4a). */
    final BorderWorkerSpells borderWorkers;

    Analysis(TravellerCarry carry, List<CrossingFact> crossings, LocalDate clock, RuleSettings settings) {
        this.settings = settings;
        this.clock = clock;
        this.carry = carry;
        this.distinct = Deduplication.of(crossings, settings.reportingCountry());
        List<CrossingFact> ordered = distinct.crossings();
        this.resident = distinct.resident();
        this.matching = SpellMatcher.match(ordered, resident);
        this.walkPositions = positions(ordered, matching.walk());
        this.outcomes = outcomesOfAll(ordered);
        this.statusSince = statusSince(ordered);
        this.authorisedStay = new AuthorisedStay(presence(), settings);
        this.borderWorkers = new BorderWorkerSpells(matching.spells(), carry, settings.borderWorker());
        this.latestAuthorisedExit = new HashMap<>();
        for (SpellMatcher.Draft spell : matching.spells()) {
            if (underRegime(spell.start())) {
                latestAuthorisedExit.put(
                        spell.start().eventId(),
                        authorisedStay.latestAuthorisedExit(spell.start().date()));
            }
        }
    }

    List<CrossingFact> ordered() {
        return distinct.crossings();
    }

    boolean underRegime(CrossingFact crossing) {
        return !resident && settings.visaFree().applies(crossing.citizenship(), crossing.purpose(), false);
    }

    /**
     * The card that decides whether the traveller is under the regime now (§7): the latest spell's start, else the
     * latest crossing; null when there is no crossing.
     */
    CrossingFact currentCard() {
        List<SpellMatcher.Draft> spells = matching.spells();
        List<CrossingFact> ordered = distinct.crossings();
        if (!spells.isEmpty()) {
            return spells.get(spells.size() - 1).start();
        }
        return ordered.isEmpty() ? null : ordered.get(ordered.size() - 1);
    }

    SpellMatcher.Draft openSpell() {
        List<SpellMatcher.Draft> spells = matching.spells();
        if (spells.isEmpty()) {
            return null;
        }
        SpellMatcher.Draft last = spells.get(spells.size() - 1);
        return last.state() == SpellState.OPEN ? last : null;
    }

    private ResidenceStatus initialStatus() {
        if (carry != null && carry.status() != null) {
            return carry.status();
        }
        return resident ? ResidenceStatus.RESIDENT : ResidenceStatus.NON_RESIDENT;
    }

    private List<TwelveSixteenRule.Outcome> outcomesOfAll(List<CrossingFact> ordered) {
        ResidenceStatus initial = initialStatus();
        LocalDate initialFinal = carry == null ? null : carry.statusFinalDate();
        List<TwelveSixteenRule.Outcome> walked = TwelveSixteenRule.walk(
                matching.walk(), initial, initialFinal, carry == null ? Map.of() : carry.returnFinalDates(), settings);
        List<TwelveSixteenRule.Outcome> all = new ArrayList<>(ordered.size());
        ResidenceStatus status = initial;
        LocalDate statusFinal = initialFinal;
        int next = 0;
        for (int i = 0; i < ordered.size(); i++) {
            if (next < walkPositions.length && walkPositions[next] == i) {
                TwelveSixteenRule.Outcome outcome = walked.get(next++);
                all.add(outcome);
                status = outcome.statusAfter();
                statusFinal = outcome.statusAfterFinal();
            } else {
                // A same-direction repeat left out of the walk (§5): it keeps the status, like a crossing in the
                // non-migrating direction, final on its own date or when the status before it becomes final.
                LocalDate date = ordered.get(i).date();
                LocalDate fin = statusFinal != null && statusFinal.isAfter(date) ? statusFinal : date;
                all.add(TwelveSixteenRule.Outcome.unreviewed(status, fin, fin, null, -1));
            }
        }
        return all;
    }

    private List<LocalDate> statusSince(List<CrossingFact> ordered) {
        LocalDate since = carry == null ? null : carry.statusSinceDate();
        List<LocalDate> all = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            all.add(since);
            TwelveSixteenRule.Outcome outcome = outcomes.get(i);
            if (outcome.statusAfter() != outcome.statusBefore()) {
                since = ordered.get(i).date();
            }
        }
        return all;
    }

    private List<Presence> presence() {
        List<Presence> periods = new ArrayList<>();
        if (carry != null) {
            periods.addAll(carry.presence());
        }
        for (SpellMatcher.Draft spell : matching.spells()) {
            if (spell.kind() != SpellKind.STAY || !underRegime(spell.start())) {
                continue;
            }
            LocalDate from = spell.start().date();
            LocalDate to =
                    switch (spell.state()) {
                        case CLOSED -> spell.end().date();
                        case OPEN -> clock.isAfter(from) ? clock : from;
                        case BROKEN -> from;
                    };
            periods.add(new Presence(from, to));
        }
        for (SpellMatcher.Finding finding : matching.findings()) {
            if (finding.issue() == QualityIssue.ORPHAN_EXIT && underRegime(finding.crossing())) {
                periods.add(new Presence(
                        finding.crossing().date(), finding.crossing().date()));
            }
        }
        return periods;
    }

    private static int[] positions(List<CrossingFact> ordered, List<CrossingFact> walk) {
        int[] positions = new int[walk.size()];
        int j = 0;
        for (int i = 0; i < ordered.size() && j < walk.size(); i++) {
            if (ordered.get(i) == walk.get(j)) {
                positions[j++] = i;
            }
        }
        return positions;
    }
}
