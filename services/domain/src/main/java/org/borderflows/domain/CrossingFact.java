package org.borderflows.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.Sex;

/** One accepted crossing as the rules see it (RULES.md §1, after pseudonymisation §2). */
public record CrossingFact(
        String eventId,
        String travellerId,
        String cardNumber,
        Direction direction,
        Instant crossedAt,
        LocalDate date,
        String borderPost,
        String citizenship,
        Sex sex,
        LocalDate birthDate,
        Purpose purpose,
        Integer intendedStayDays) {

    /** The fields the rules need from an accepted crossing; {@code date} is its local crossing date. */
    public static CrossingFact from(Crossing c) {
        return new CrossingFact(
                c.getEventId(),
                c.getTravellerId(),
                c.getCardNumber(),
                c.getDirection(),
                c.getCrossedAt(),
                c.getCrossingDate(),
                c.getBorderPost(),
                c.getCitizenship(),
                c.getSex(),
                c.getBirthDate(),
                c.getPurpose(),
                c.getIntendedStayDays());
    }
}
