package org.borderflows.domain;

import java.time.LocalDate;
import java.util.List;

/** The rules of RULES.md §3-§5 and §7 applied to one traveller's crossings at a processing clock (§8). */
public final class TravellerTimeline {

    private TravellerTimeline() {}

    /**
     * Crossings in any order, possibly with duplicates (same eventId, or same traveller + direction + card number
     * + date); the result does not depend on input order or duplicates. Every value's asOf is {@code clock}.
     */
    public static Evaluation evaluate(
            TravellerCarry carry, List<CrossingFact> crossings, LocalDate clock, RuleSettings settings) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Which crossings can be dropped from state because every output they influence is final and no rule (12/16
     * window and 2N, 90/180 window, the late-arrival horizon {@code keepDays}) can look at them again.
     */
    public static Pruned prune(
            TravellerCarry carry, List<CrossingFact> crossings, LocalDate clock, RuleSettings settings, int keepDays) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The carry into the first kept crossing and the crossings to keep. */
    public record Pruned(TravellerCarry carry, List<CrossingFact> kept) {}
}
