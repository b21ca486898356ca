package org.borderflows.engine.calculator;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import org.borderflows.domain.StayCalculator;
import org.borderflows.domain.StayCalculator.PlannedStay;

/**
 * The calculator's mode and its dates (RULES.md §7): a control date, or planned stays (in date order, not
 * overlapping). Sent as it is to the instances that own part of a batch.
 */
@Serdeable
public record CalculatorMode(LocalDate controlDate, List<PlannedStay> plannedStays) {

    public static CalculatorMode control(LocalDate controlDate) {
        return new CalculatorMode(controlDate, null);
    }

    /** Planned stays put in date order; IllegalArgumentException when there are none or two overlap. */
    public static CalculatorMode plan(List<PlannedStay> plannedStays) {
        return new CalculatorMode(null, StayCalculator.inOrder(plannedStays));
    }

    public String name() {
        return controlDate != null ? "CONTROL_DATE" : "PLANNING";
    }
}
