package org.borderflows.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.schema.RejectedRecord;
import org.junit.jupiter.api.Test;

/** RULES.md §9: a rejection carries the crossing date when crossed_at is valid, so it can be dated by it. */
class RejectionDateTest {
    /** Received on 5 December 2026, 11:00 in Almaty. */
    private static final Clock DECEMBER_5_2026 = Clock.fixed(Instant.parse("2026-12-05T06:00:00Z"), ZoneOffset.UTC);

    private final CardIntake intake = new CardIntake(
            new CardValidator(Deployment.DEFAULT, DECEMBER_5_2026, Duration.ofMinutes(10)),
            TravellerPseudonymiser.development(),
            DECEMBER_5_2026);

    private RejectedRecord reject(RawCard card) {
        return ((IntakeResult.Rejected) intake.process(card, TestCards.ALL_POSTS)).rejection();
    }

    @Test
    void aBackfillCardCrossedOn14March2025WithABadSexCodeKeepsItsCrossingDate() {
        RejectedRecord r = reject(TestCards.valid()
                .set(CardField.CROSSED_AT, "2025-03-14T09:30:00+05:00")
                .set(CardField.SEX, "Q"));
        assertThat(r.getErrors()).singleElement().satisfies(e -> assertThat(e.getCode())
                .isEqualTo(ErrorCode.UNKNOWN_CODE));
        assertThat(r.getCrossingDate()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(r.getRejectedAt()).isEqualTo(Instant.parse("2026-12-05T06:00:00Z"));
    }

    @Test
    void theCrossingDateIsTakenInTheReportingZone() {
        // 13 March 2025 20:00 UTC is already 14 March in Almaty (UTC+5)
        RejectedRecord r = reject(TestCards.valid()
                .set(CardField.CROSSED_AT, "2025-03-13T20:00:00Z")
                .set(CardField.SEX, "Q"));
        assertThat(r.getCrossingDate()).isEqualTo(LocalDate.of(2025, 3, 14));
    }

    @Test
    void anInvalidCrossedAtLeavesTheCrossingDateEmpty() {
        assertThat(reject(TestCards.valid().set(CardField.CROSSED_AT, "14.03.2025"))
                        .getCrossingDate())
                .isNull();
        assertThat(reject(TestCards.valid().set(CardField.CROSSED_AT, null)).getCrossingDate())
                .isNull();
        // in the future beyond the 10-minute skew: 6 December 2026
        assertThat(reject(TestCards.valid().set(CardField.CROSSED_AT, "2026-12-06T00:00:00Z"))
                        .getCrossingDate())
                .isNull();
        assertThat(reject(TestCards.valid().set(CardField.CROSSED_AT, "1989-12-31T10:00:00+05:00"))
                        .getCrossingDate())
                .isNull();
    }

    @Test
    void aMalformedRecordHasNoCrossingDate() {
        assertThat(reject(RawCard.malformed(3, "a quoted field is not closed", "e3,\"x"))
                        .getCrossingDate())
                .isNull();
    }
}
