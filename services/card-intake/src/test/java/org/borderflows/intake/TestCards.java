package org.borderflows.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.schema.IntakeChannel;

/** Shared fixtures: a valid card, a fixed clock and the intake built on them. */
final class TestCards {
    /** "Now" for every test: 10 March 2026, 00:00 UTC. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T00:00:00Z"), ZoneOffset.UTC);

    static final Submission ALL_POSTS = new Submission(
            IntakeChannel.HTTP, "test-client", PostPermission.ALL, Instant.parse("2026-03-10T00:00:00Z"));

    static final String CSV_HEADER = "event_id,card_number,direction,crossed_at,border_post,document_country,"
            + "document_number,birth_date,sex,citizenship,purpose,intended_stay_days,transport";

    private TestCards() {}

    static RawCard valid() {
        return new RawCard(1)
                .set(CardField.EVENT_ID, "KZ-ALA-AIR-2026-000001")
                .set(CardField.CARD_NUMBER, "AB 1234567")
                .set(CardField.DIRECTION, "ENTRY")
                .set(CardField.CROSSED_AT, "2026-03-01T08:15:00+05:00")
                .set(CardField.BORDER_POST, "KZ-ALA-AIR")
                .set(CardField.DOCUMENT_COUNTRY, "TJK")
                .set(CardField.DOCUMENT_NUMBER, "N1234567")
                .set(CardField.BIRTH_DATE, "1990-05-17")
                .set(CardField.SEX, "M")
                .set(CardField.CITIZENSHIP, "TJK")
                .set(CardField.PURPOSE, "WORK")
                .set(CardField.INTENDED_STAY_DAYS, "180")
                .set(CardField.TRANSPORT, "AIR");
    }

    static String validCsvRow(String eventId, String documentNumber) {
        return eventId + ",AB 1234567,ENTRY,2026-03-01T08:15:00+05:00,KZ-ALA-AIR,TJK," + documentNumber
                + ",1990-05-17,M,TJK,WORK,180,AIR";
    }

    static String validJson(String eventId, String documentNumber) {
        return "{\"event_id\":\"" + eventId + "\",\"card_number\":\"AB 1234567\",\"direction\":\"ENTRY\","
                + "\"crossed_at\":\"2026-03-01T08:15:00+05:00\",\"border_post\":\"KZ-ALA-AIR\","
                + "\"document_country\":\"TJK\",\"document_number\":\"" + documentNumber + "\","
                + "\"birth_date\":\"1990-05-17\",\"sex\":\"M\",\"citizenship\":\"TJK\",\"purpose\":\"WORK\","
                + "\"intended_stay_days\":180,\"transport\":\"AIR\"}";
    }

    static CardValidator validator() {
        return new CardValidator(Deployment.DEFAULT, CLOCK, Duration.ofMinutes(10));
    }

    static CardIntake intake() {
        return new CardIntake(validator(), TravellerPseudonymiser.development(), CLOCK);
    }

    static List<RawCard> readAll(CardReader reader) throws Exception {
        List<RawCard> cards = new ArrayList<>();
        try (reader) {
            RawCard card;
            while ((card = reader.next()) != null) {
                cards.add(card);
            }
        }
        return cards;
    }
}
