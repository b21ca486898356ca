package org.borderflows.system;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.borderflows.domain.CrossingFact;
import org.borderflows.domain.Evaluation;
import org.borderflows.domain.RuleSettings;
import org.borderflows.domain.TravellerCarry;
import org.borderflows.domain.TravellerTimeline;

/**
 * What the stay engine keeps of one traveller (carry, kept crossings), replayed outside Kafka the way the engine's
 * TravellerProcessor does it; shared by the system tests that replay the rules.
 */
class KeptHistory {
    /** The engine prunes only histories longer than this. */
    static final int PRUNE_ABOVE = 6;

    static final int HORIZON_DAYS = 30;

    TravellerCarry carry;
    List<CrossingFact> crossings = new ArrayList<>();

    Evaluation evaluation(LocalDate today, RuleSettings settings) {
        return TravellerTimeline.evaluate(carry, crossings, today, settings);
    }

    /**
     * After an evaluation: prunes a history longer than {@link #PRUNE_ABOVE} at the date {@code pruneAt} gives (the
     * carry goes through its binary form, as the engine stores it).
     */
    void afterEvaluation(Supplier<LocalDate> pruneAt, RuleSettings settings) {
        if (crossings.size() > PRUNE_ABOVE) {
            TravellerTimeline.Pruned pruned =
                    TravellerTimeline.prune(carry, crossings, pruneAt.get(), settings, HORIZON_DAYS);
            carry = pruned.carry() == null
                    ? null
                    : TravellerCarry.fromBytes(pruned.carry().toBytes());
            crossings = new ArrayList<>(pruned.kept());
        }
    }

    /** The date of the latest kept crossing. */
    LocalDate latestDate() {
        return crossings.stream()
                .map(CrossingFact::date)
                .max(LocalDate::compareTo)
                .orElseThrow();
    }
}
