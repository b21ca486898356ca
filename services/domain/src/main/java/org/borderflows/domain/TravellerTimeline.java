package org.borderflows.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The rules of RULES.md §3-§5 and §7 applied to one traveller's crossings at a processing clock (§8): a pure,
 * deterministic function of its arguments, never of the wall clock or of the order of the crossings.
 *
 * <p>Behind it: {@link Deduplication} (order, duplicates), {@link SpellMatcher} (§3 spells, orphan exits, broken
 * spells), {@link AtClock} (§4 classes, what depends on the clock), {@link TwelveSixteenRule} (§5),
 * {@link AuthorisedStay} (§7), {@link Outputs} (Avro values) and {@link Pruner}.
 */
public final class TravellerTimeline {

    private TravellerTimeline() {}

    /**
     * Crossings in any order, possibly with duplicates (same eventId, or same traveller + direction + card number
     * + date); the result does not depend on input order or duplicates. Every value's asOf is {@code clock}.
     *
     * @param carry what pruned crossings left behind; null when nothing was pruned
     */
    public static Evaluation evaluate(
            TravellerCarry carry, List<CrossingFact> crossings, LocalDate clock, RuleSettings settings) {
        Analysis analysis = new Analysis(carry, crossings, clock, settings);
        return new Evaluation(
                Outputs.spells(analysis),
                Outputs.outcomes(analysis),
                Outputs.status(analysis),
                Outputs.findings(analysis));
    }

    /**
     * Which crossings can be dropped from state because every output they influence is final and no rule (12/16
     * window and 2N, 90/180 window, the late-arrival horizon {@code keepDays}) can look at them again. The kept
     * crossings (with all their duplicate copies) evaluated with the returned carry give exactly the outputs the
     * whole history gives for them, now and after any crossing dated on or after {@code clock - keepDays}.
     */
    public static Pruned prune(
            TravellerCarry carry, List<CrossingFact> crossings, LocalDate clock, RuleSettings settings, int keepDays) {
        return Pruner.prune(new Analysis(carry, crossings, clock, settings), crossings, keepDays);
    }

    /** The carry into the first kept crossing and the crossings to keep. */
    public record Pruned(TravellerCarry carry, List<CrossingFact> kept) {}
}
