package org.borderflows.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.borderflows.domain.TravellerCarry.Presence;
import org.borderflows.schema.Direction;
import org.borderflows.schema.ResidenceStatus;

/**
 * Bounds a traveller's state: drops the oldest crossings once nothing can look at them again.
 *
 * <p>The crossings before position k (in crossing order) are dropped, for the largest k such that:
 *
 * <ul>
 *   <li>crossing k starts a spell (a non-resident's entry, a resident's exit), so every dropped spell is closed or
 *       broken and crossing k is matched the same way with or without what came before (§3);
 *   <li>crossing k is dated before clock - keepDays, so no late crossing can be put before it;
 *   <li>every dropped crossing's 12/16 outcome is final (final date not after the clock), and every dropped review
 *       was decided by a spell ending at a dropped crossing (not at k: a late entry just after k would drop k from
 *       the walk as a same-direction repeat and lengthen that spell), so neither later crossings nor late arrivals
 *       can change it, and its S = 2N marks only touched dropped crossings (§5);
 *   <li>k is not the last crossing (the status lives on it).
 * </ul>
 *
 * <p>The carry keeps the 12/16 status after the last dropped crossing of the walk with its final date, and the days
 * present under the 90/180 regime (§7) that a window ending on or after crossing k can still see.
 */
final class Pruner {

    private Pruner() {}

    static TravellerTimeline.Pruned prune(Analysis a, List<CrossingFact> input, int keepDays) {
        int cut = cut(a, keepDays);
        if (cut == 0) {
            return new TravellerTimeline.Pruned(a.carry, List.copyOf(input));
        }
        List<CrossingFact> ordered = a.ordered();
        Set<CrossingFact> dropped = new HashSet<>(ordered.subList(0, cut));
        List<CrossingFact> kept = new ArrayList<>();
        for (CrossingFact c : input) {
            if (!dropped.contains(a.distinct.firstCopy().get(c))) {
                kept.add(c);
            }
        }
        return new TravellerTimeline.Pruned(carry(a, cut), List.copyOf(kept));
    }

    private static int cut(Analysis a, int keepDays) {
        List<CrossingFact> ordered = a.ordered();
        int n = ordered.size();
        LocalDate horizon = a.clock.minusDays(keepDays);
        Direction start = SpellMatcher.startDirection(a.resident);
        int[] walkPositions = a.walkPositions;
        int cut = 0;
        int decidedUpTo = -1;
        for (int k = 1; k < n; k++) {
            TwelveSixteenRule.Outcome dropped = a.outcomes.get(k - 1);
            if (dropped.finalDate().isAfter(a.clock)) {
                break;
            }
            if (dropped.decidedBy() >= 0) {
                int decider = dropped.decidedBy() < walkPositions.length ? walkPositions[dropped.decidedBy()] : n;
                decidedUpTo = Math.max(decidedUpTo, decider);
            }
            CrossingFact first = ordered.get(k);
            if (!first.date().isBefore(horizon)) {
                break;
            }
            if (first.direction() == start && decidedUpTo < k) {
                cut = k;
            }
        }
        return cut;
    }

    private static TravellerCarry carry(Analysis a, int cut) {
        ResidenceStatus status = a.carry == null ? null : a.carry.status();
        LocalDate statusFinal = a.carry == null ? null : a.carry.statusFinalDate();
        for (int position : a.walkPositions) {
            if (position >= cut) {
                break;
            }
            TwelveSixteenRule.Outcome outcome = a.outcomes.get(position);
            status = outcome.statusAfter();
            statusFinal = outcome.statusAfterFinal();
        }
        LocalDate lastDropped = a.ordered().get(cut - 1).date();
        LocalDate firstVisible = a.ordered().get(cut).date().minusDays(a.settings.authorisedWindowDays() - 1L);
        List<Presence> presence = new ArrayList<>();
        for (Presence p : a.authorisedStay.presence()) {
            LocalDate from = p.from().isBefore(firstVisible) ? firstVisible : p.from();
            LocalDate to = p.to().isAfter(lastDropped) ? lastDropped : p.to();
            if (!from.isAfter(to)) {
                presence.add(new Presence(from, to));
            }
        }
        return new TravellerCarry(status, statusFinal, presence);
    }
}
