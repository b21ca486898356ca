package org.borderflows.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.IntakeChannel;
import org.borderflows.schema.RejectedRecord;
import org.junit.jupiter.api.Test;

class CardIntakeTest {
    private final CardIntake intake = TestCards.intake();

    @Test
    void aValidCardBecomesACrossingKeyedByTheTravellerPseudonym() {
        IntakeResult result = intake.process(TestCards.valid(), TestCards.ALL_POSTS);
        assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
        Crossing crossing = ((IntakeResult.Accepted) result).crossing();
        String expected = TravellerPseudonymiser.development().pseudonym("TJK", "N1234567", LocalDate.of(1990, 5, 17));
        assertThat(crossing.getTravellerId()).isEqualTo(expected).hasSize(64);
        assertThat(crossing.getCrossedAt()).isEqualTo(Instant.parse("2026-03-01T03:15:00Z"));
        assertThat(crossing.getCrossingDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(crossing.getIntake().getChannel()).isEqualTo(IntakeChannel.HTTP);
        assertThat(crossing.getIntake().getSubmitter()).isEqualTo("test-client");
        assertThat(crossing.toString()).doesNotContain("N1234567");
    }

    @Test
    void theSameDocumentWrittenDifferentlyGivesTheSameTraveller() {
        Crossing a = ((IntakeResult.Accepted) intake.process(TestCards.valid(), TestCards.ALL_POSTS)).crossing();
        RawCard other = TestCards.valid().set(CardField.DOCUMENT_NUMBER, "n-123 4567");
        Crossing b = ((IntakeResult.Accepted) intake.process(other, TestCards.ALL_POSTS)).crossing();
        assertThat(b.getTravellerId()).isEqualTo(a.getTravellerId());
    }

    @Test
    void anInvalidCardBecomesARejectionWithItsPositionEventIdAndMaskedPayload() {
        RawCard card = TestCards.valid().set(CardField.SEX, "Q");
        RejectedRecord rejection = ((IntakeResult.Rejected) intake.process(card, TestCards.ALL_POSTS)).rejection();
        assertThat(rejection.getPosition()).isEqualTo(1L);
        assertThat(rejection.getEventId()).isEqualTo("KZ-ALA-AIR-2026-000001");
        assertThat(rejection.getErrors()).singleElement().satisfies(e -> assertThat(e.getField())
                .isEqualTo("sex"));
        assertThat(rejection.getPayload())
                .contains("\"document_number\":\"********\"")
                .contains("\"sex\":\"Q\"")
                .doesNotContain("N1234567");
    }

    @Test
    void aMalformedRecordIsRejectedAsAWholeWithItsTextMasked() {
        RawCard card = RawCard.malformed(7, "the row has 3 fields but the header has 2", "e7,N7654321,M");
        RejectedRecord rejection = ((IntakeResult.Rejected) intake.process(card, TestCards.ALL_POSTS)).rejection();
        assertThat(rejection.getPosition()).isEqualTo(7L);
        assertThat(rejection.getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getField()).isEqualTo("record");
            assertThat(e.getCode()).isEqualTo("MALFORMED");
        });
        assertThat(rejection.getPayload()).isEqualTo("***,***,M");
    }
}
