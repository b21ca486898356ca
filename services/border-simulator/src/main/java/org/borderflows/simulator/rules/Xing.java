package org.borderflows.simulator.rules;

import java.time.Instant;
import java.time.LocalDate;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;

/**
 * One crossing as the independent rule code sees it (RULES.md §1): the fields the rules of §3-§7 use. The
 * date is the crossing date in the reporting country's time zone.
 */
public record Xing(
        String eventId,
        Direction direction,
        Instant crossedAt,
        LocalDate date,
        String borderPost,
        Purpose purpose,
        String cardNumber) {}
