package org.borderflows.simulator.rules;

import java.time.LocalDate;

/**
 * The 12/16-month-rule outcome of one crossing (RULES.md §5): residence status before and after (true =
 * resident), whether it is a long-term migration, the date that outcome becomes final, and the date the
 * status after the crossing becomes final.
 */
public record Outcome(
        String eventId,
        LocalDate crossingDate,
        boolean residentBefore,
        boolean residentAfter,
        boolean longTermMigration,
        LocalDate finalDate,
        LocalDate statusFinalDate) {

    /**
     * Provisional until the processing clock is past the final date (RULES.md §5, §8): on the final date itself a
     * crossing of that day can still arrive.
     */
    public boolean provisional(LocalDate clock) {
        return !clock.isAfter(finalDate);
    }
}
