package org.borderflows.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.Sex;

/** Writes a test traveller's crossings: one card number, crossings of one day ordered as written. */
final class Traveller {

    static final RuleSettings KAZ = RuleSettings.defaults("KAZ");
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private final String travellerId;
    private final String citizenship;
    private Purpose purpose = Purpose.TOURISM;
    private LocalDate birthDate = LocalDate.of(1990, 5, 17);
    private String cardNumber = "AB 1234567";
    private String borderPost = "KZ-ALA-AIR";
    private int minute;

    private Traveller(String travellerId, String citizenship) {
        this.travellerId = travellerId;
        this.citizenship = citizenship;
    }

    /** A citizen of Uzbekistan: a non-resident in Kazakhstan. */
    static Traveller foreigner() {
        return new Traveller("uzb-traveller", "UZB");
    }

    static Traveller citizen() {
        return new Traveller("kaz-traveller", "KAZ");
    }

    static Traveller ofCitizenship(String citizenship) {
        return new Traveller(citizenship.toLowerCase() + "-traveller", citizenship);
    }

    Traveller purpose(Purpose purpose) {
        this.purpose = purpose;
        return this;
    }

    Traveller bornOn(LocalDate birthDate) {
        this.birthDate = birthDate;
        return this;
    }

    Traveller card(String cardNumber) {
        this.cardNumber = cardNumber;
        return this;
    }

    Traveller at(String borderPost) {
        this.borderPost = borderPost;
        return this;
    }

    CrossingFact entry(String eventId, LocalDate date) {
        return crossing(eventId, Direction.ENTRY, date);
    }

    CrossingFact exit(String eventId, LocalDate date) {
        return crossing(eventId, Direction.EXIT, date);
    }

    CrossingFact crossing(String eventId, Direction direction, LocalDate date) {
        LocalTime time = LocalTime.of(8, 0).plusMinutes(minute++);
        return new CrossingFact(
                eventId,
                travellerId,
                cardNumber,
                direction,
                date.atTime(time).atZone(ALMATY).toInstant(),
                date,
                borderPost,
                citizenship,
                Sex.F,
                birthDate,
                purpose,
                null);
    }

    /** A crossing at an exact instant; its crossing date is that instant's date in Almaty (RULES.md §1). */
    CrossingFact crossing(String eventId, Direction direction, OffsetDateTime at) {
        return new CrossingFact(
                eventId,
                travellerId,
                cardNumber,
                direction,
                at.toInstant(),
                at.atZoneSameInstant(ALMATY).toLocalDate(),
                borderPost,
                citizenship,
                Sex.F,
                birthDate,
                purpose,
                null);
    }

    static Evaluation evaluate(LocalDate clock, CrossingFact... crossings) {
        return TravellerTimeline.evaluate(null, List.of(crossings), clock, KAZ);
    }
}
