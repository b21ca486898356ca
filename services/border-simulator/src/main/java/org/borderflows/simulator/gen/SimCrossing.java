package org.borderflows.simulator.gen;

import java.time.Instant;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.Transport;

/** One real crossing of a simulated traveller, as it happened (before any data fault). */
public record SimCrossing(
        int seq,
        String eventId,
        Direction direction,
        Instant crossedAt,
        String borderPost,
        Purpose purpose,
        Integer intendedStayDays,
        Transport transport,
        String cardNumber) {}
