package org.borderflows.engine.calculator;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.borderflows.domain.StayCalculator.PlannedStay;

/**
 * The calculator's answer to one request: the mode and its dates, the number of travellers per result, and one
 * {@link CalculatorItem} per traveller in the order they were sent.
 */
@Serdeable
public record CalculatorResponse(
        String mode,
        LocalDate controlDate,
        List<PlannedStay> plannedStays,
        int travellers,
        Map<String, Integer> results,
        List<CalculatorItem> items) {

    static CalculatorResponse of(CalculatorMode mode, List<CalculatorItem> items) {
        Map<String, Integer> results = new TreeMap<>();
        items.forEach(i -> results.merge(i.result(), 1, Integer::sum));
        return new CalculatorResponse(
                mode.name(), mode.controlDate(), mode.plannedStays(), items.size(), results, List.copyOf(items));
    }

    /** Part of a batch as one instance sends it to the owner of its travellers: pseudonyms only. */
    @Serdeable
    public record ForwardedPart(CalculatorMode mode, List<String> travellerIds) {}

    /** The owner's answer to a {@link ForwardedPart}: one item per pseudonym, in the order sent. */
    @Serdeable
    public record PartAnswer(List<CalculatorItem> items) {}
}
