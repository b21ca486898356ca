package org.borderflows.engine.calculator;

import io.micronaut.serde.annotation.Serdeable;
import org.borderflows.domain.RuleSettings;
import org.borderflows.domain.StayCalculator;
import org.borderflows.domain.StayCalculator.ControlCheck;
import org.borderflows.domain.StayCalculator.PlanCheck;
import org.borderflows.engine.topology.TravellerLookup;

/**
 * The calculator's answer for one traveller of a request: the caller's {@code reference} and the traveller's
 * pseudonym (never the document number, RULES.md §2), a {@code result}, and the figures of the mode when the result
 * is {@code CALCULATED}.
 *
 * <p>Results: {@code CALCULATED}, {@code NOT_UNDER_REGIME} (resident, or a card not under the visa-free regime),
 * {@code BEFORE_KEPT_HISTORY} (a date before the oldest crossing the engine keeps), {@code UNKNOWN_TRAVELLER} (no
 * crossing is known for this identity), {@code UNAVAILABLE} (the owning instance is rebalancing or cannot be
 * reached: ask again for this traveller).
 */
@Serdeable
public record CalculatorItem(
        String reference, String travellerId, String result, String detail, ControlCheck control, PlanCheck plan) {

    public static final String UNKNOWN_TRAVELLER = "UNKNOWN_TRAVELLER";
    public static final String UNAVAILABLE = "UNAVAILABLE";

    /** What the engine's state of one traveller ({@link TravellerLookup} result) answers in {@code mode}. */
    public static CalculatorItem of(
            CalculatorMode mode, String travellerId, TravellerLookup.Result lookup, RuleSettings rules) {
        if (lookup instanceof TravellerLookup.Found found) {
            if (mode.controlDate() != null) {
                ControlCheck c =
                        StayCalculator.atControlDate(found.carry(), found.crossings(), mode.controlDate(), rules);
                return calculated(travellerId, c.result(), c, null);
            }
            PlanCheck p =
                    StayCalculator.plan(found.carry(), found.crossings(), found.clock(), mode.plannedStays(), rules);
            return calculated(travellerId, p.result(), null, p);
        }
        if (lookup instanceof TravellerLookup.Unknown) {
            return new CalculatorItem(
                    null, travellerId, UNKNOWN_TRAVELLER, "no crossing is known for this traveller", null, null);
        }
        String reason = lookup instanceof TravellerLookup.Unavailable u ? u.reason() : "owner moved";
        return unavailable(travellerId, reason);
    }

    public static CalculatorItem unavailable(String travellerId, String reason) {
        return new CalculatorItem(
                null, travellerId, UNAVAILABLE, "the engine is rebalancing, ask again: " + reason, null, null);
    }

    public CalculatorItem withReference(String reference) {
        return new CalculatorItem(reference, travellerId, result, detail, control, plan);
    }

    private static CalculatorItem calculated(
            String travellerId, StayCalculator.Result result, ControlCheck control, PlanCheck plan) {
        return result == StayCalculator.Result.CALCULATED
                ? new CalculatorItem(null, travellerId, result.name(), null, control, plan)
                : new CalculatorItem(null, travellerId, result.name(), detail(result), null, null);
    }

    private static String detail(StayCalculator.Result result) {
        return switch (result) {
            case NOT_UNDER_REGIME ->
                "a resident, or a card whose citizenship or purpose is not under the 90/180 regime";
            case BEFORE_KEPT_HISTORY -> "the date is before the oldest crossing the engine keeps for this traveller";
            case CALCULATED -> null;
        };
    }
}
