package org.borderflows.simulator.rules;

import java.time.LocalDate;
import org.borderflows.schema.Purpose;

/**
 * A spell computed by the independent rules (RULES.md §3, §4, §7). {@code stay} is true for a non-resident's
 * stay, false for a resident's absence. Nullable fields: end (open/broken), duration (broken), the 90/180
 * fields (not under the visa-free regime).
 */
public record TruthSpell(
        boolean stay,
        SpellState state,
        String startEventId,
        LocalDate startDate,
        String endEventId,
        LocalDate endDate,
        Integer durationDays,
        DurationClass durationClass,
        boolean classFinal,
        Purpose purpose,
        String startBorderPost,
        boolean shortTermMigrant,
        boolean longTermMigrant,
        boolean labour,
        LocalDate latestAuthorisedExit,
        Integer overstayDays,
        boolean suspectedOverstay) {}
