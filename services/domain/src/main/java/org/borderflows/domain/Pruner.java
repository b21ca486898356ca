package org.borderflows.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 *   <li>crossing k is dated before the horizon, clock - keepDays, so no late crossing can be put before it;
 *   <li>every dropped crossing's 12/16 outcome is final (final date not after the clock);
 *   <li>every dropped review (§5) was decided by a spell ending at a crossing that, with the crossing after it, is
 *       dated before the horizon: no late crossing can lengthen those spells or change which crossings the walk
 *       keeps, so the dropped outcomes can never change (a review the traveller's open spell decides is never
 *       dropped);
 *   <li>k is not the last crossing (the status lives on it).
 * </ul>
 *
 * <p>The carry keeps: the 12/16 status after the last dropped crossing of the walk with its final date; the final
 * dates that the S = 2N rule of dropped reviews gave to kept crossings; the days present under the 90/180
 * regime (§7) that a 180-day window ending on or after crossing k can still see; and the commuting spells' ends a
 * frontier-worker window (docs/rules.md §4a) ending on or after crossing k can still see, with the latest
 * border-worker spell's end.
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
        int fixedUpTo = 0;
        for (int k = 1; k < n; k++) {
            TwelveSixteenRule.Outcome dropped = a.outcomes.get(k - 1);
            if (dropped.finalDate().isAfter(a.clock)) {
                break;
            }
            if (dropped.decidedBy() >= walkPositions.length) {
                break;
            }
            if (dropped.decidedBy() >= 0) {
                fixedUpTo = Math.max(fixedUpTo, walkPositions[dropped.decidedBy()] + 1);
            }
            CrossingFact first = ordered.get(k);
            if (fixedUpTo >= n || !ordered.get(Math.max(k, fixedUpTo)).date().isBefore(horizon)) {
                break;
            }
            if (first.direction() == start) {
                cut = k;
            }
        }
        return cut;
    }

    private static TravellerCarry carry(Analysis a, int cut) {
        ResidenceStatus status = a.carry == null ? null : a.carry.status();
        LocalDate statusFinal = a.carry == null ? null : a.carry.statusFinalDate();
        Map<String, LocalDate> returnFinalDates = new HashMap<>();
        for (int position : a.walkPositions) {
            TwelveSixteenRule.Outcome outcome = a.outcomes.get(position);
            if (position < cut) {
                status = outcome.statusAfter();
                statusFinal = outcome.statusAfterFinal();
            } else if (markedByDropped(a, outcome, cut)) {
                returnFinalDates.put(a.ordered().get(position).eventId(), outcome.returnFinalDate());
            }
        }
        TravellerCarry into = new TravellerCarry(
                status, statusFinal, presence(a, cut), returnFinalDates, List.of(), null, a.statusSince.get(cut));
        LocalDate firstKept = a.ordered().get(cut).date();
        Set<CrossingFact> droppedCrossings = new HashSet<>(a.ordered().subList(0, cut));
        List<SpellMatcher.Draft> dropped = a.matching.spells().stream()
                .filter(spell -> droppedCrossings.contains(spell.start()))
                .toList();
        return a.borderWorkers.carried(into, dropped, firstKept, a.carry, a.settings.borderWorker());
    }

    private static boolean markedByDropped(Analysis a, TwelveSixteenRule.Outcome outcome, int cut) {
        int by = outcome.markedBy();
        return by == TwelveSixteenRule.CARRIED || (by >= 0 && a.walkPositions[by] < cut);
    }

    /** Presence of dropped stays that a window ending on or after the first kept crossing can see. */
    private static List<Presence> presence(Analysis a, int cut) {
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
        return presence;
    }
}
