package org.borderflows.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.borderflows.schema.Direction;
import org.borderflows.schema.FieldError;
import org.borderflows.schema.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardValidatorTest {
    private final CardValidator validator = TestCards.validator();

    private List<FieldError> errorsOf(RawCard card) {
        return errorsOf(card, PostPermission.ALL);
    }

    private List<FieldError> errorsOf(RawCard card, PostPermission posts) {
        List<FieldError> errors = new ArrayList<>();
        validator.validate(card, posts, errors);
        return errors;
    }

    @Test
    void aCompleteCardIsValidWithTypedValues() {
        List<FieldError> errors = new ArrayList<>();
        CardValidator.ValidCard card = validator.validate(TestCards.valid(), PostPermission.ALL, errors);
        assertThat(errors).isEmpty();
        assertThat(card.direction()).isEqualTo(Direction.ENTRY);
        assertThat(card.crossingDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(card.purpose()).isEqualTo(Purpose.WORK);
        assertThat(card.intendedStayDays()).isEqualTo(180);
    }

    @ParameterizedTest(name = "{0}=''{1}'' -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "event_id|''|MISSING",
                "event_id|eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee|OUT_OF_RANGE",
                "direction|''|MISSING",
                "direction|SIDEWAYS|UNKNOWN_CODE",
                "crossed_at|''|MISSING",
                "crossed_at|2026-03-01 08:15:00|BAD_FORMAT",
                "crossed_at|2026-03-01T08:15:00|BAD_FORMAT",
                "crossed_at|2026-02-30T08:15:00Z|BAD_FORMAT",
                "crossed_at|yesterday|BAD_FORMAT",
                "crossed_at|2026-03-10T01:00:00Z|IN_FUTURE",
                "crossed_at|1989-12-31T10:00:00+05:00|TOO_OLD",
                "border_post|''|MISSING",
                "border_post|KZ ALA AIR|BAD_FORMAT",
                "document_country|''|MISSING",
                "document_country|KZ|BAD_FORMAT",
                "document_country|XYZ|UNKNOWN_CODE",
                "document_number|''|MISSING",
                "document_number|AB#123/4|BAD_FORMAT",
                "document_number|' - '|BAD_FORMAT",
                "birth_date|''|MISSING",
                "birth_date|17.05.1990|BAD_FORMAT",
                "birth_date|1990-02-30|BAD_FORMAT",
                "birth_date|2026-03-02|OUT_OF_RANGE",
                "birth_date|1905-02-28|OUT_OF_RANGE",
                "sex|''|MISSING",
                "sex|Q|UNKNOWN_CODE",
                "citizenship|''|MISSING",
                "citizenship|ZZZ|UNKNOWN_CODE",
                "citizenship|K4Z|BAD_FORMAT",
                "purpose|''|MISSING",
                "purpose|HOLIDAY|UNKNOWN_CODE",
                "intended_stay_days|ten|BAD_FORMAT",
                "intended_stay_days|30.5|BAD_FORMAT",
                "intended_stay_days|3651|OUT_OF_RANGE",
                "intended_stay_days|-1|OUT_OF_RANGE",
                "transport|BICYCLE|UNKNOWN_CODE",
                "card_number|'tab\tinside'|BAD_FORMAT"
            })
    void eachInvalidFieldIsRejectedWithItsCode(String field, String value, String code) {
        RawCard card = TestCards.valid().set(CardField.byName(field), value);
        assertThat(errorsOf(card)).singleElement().satisfies(e -> {
            assertThat(e.getField()).isEqualTo(field);
            assertThat(e.getCode()).isEqualTo(code);
            assertThat(e.getMessage()).contains(field);
        });
    }

    @Test
    void aPostTheSubmitterDoesNotOwnIsRejectedAsNotOwnPost() {
        RawCard card = TestCards.valid().set(CardField.BORDER_POST, "KZ-NQZ-AIR");
        assertThat(errorsOf(card, PostPermission.of(Set.of("KZ-ALA-AIR"))))
                .singleElement()
                .satisfies(e -> assertThat(e.getCode()).isEqualTo(ErrorCode.NOT_OWN_POST));
    }

    @Test
    void theSubmittersOwnPostIsAccepted() {
        assertThat(errorsOf(TestCards.valid(), PostPermission.of(Set.of("KZ-ALA-AIR"))))
                .isEmpty();
    }

    @Test
    void everyFailingFieldGetsItsOwnReason() {
        RawCard card = TestCards.valid()
                .set(CardField.SEX, "Q")
                .set(CardField.PURPOSE, null)
                .set(CardField.BIRTH_DATE, "1990-13-01");
        assertThat(errorsOf(card))
                .extracting(FieldError::getField, FieldError::getCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("birth_date", "BAD_FORMAT"),
                        org.assertj.core.groups.Tuple.tuple("sex", "UNKNOWN_CODE"),
                        org.assertj.core.groups.Tuple.tuple("purpose", "MISSING"));
    }

    @Test
    void optionalFieldsMayBeAbsent() {
        RawCard card = TestCards.valid()
                .set(CardField.CARD_NUMBER, null)
                .set(CardField.INTENDED_STAY_DAYS, null)
                .set(CardField.TRANSPORT, null);
        assertThat(errorsOf(card)).isEmpty();
    }

    @Test
    void aCrossingWithinTheClockSkewAllowanceIsAccepted() {
        // now is 2026-03-10T00:00Z, the allowance 10 minutes
        RawCard card = TestCards.valid().set(CardField.CROSSED_AT, "2026-03-10T00:05:00Z");
        assertThat(errorsOf(card)).isEmpty();
    }

    @Test
    void aTravellerAgedExactly120IsAccepted() {
        RawCard card = TestCards.valid()
                .set(CardField.CROSSED_AT, "2026-03-01T08:15:00+05:00")
                .set(CardField.BIRTH_DATE, "1906-03-02");
        assertThat(errorsOf(card)).isEmpty();
    }

    @Test
    void aBirthOnTheCrossingDayIsAccepted() {
        RawCard card = TestCards.valid().set(CardField.BIRTH_DATE, "2026-03-01");
        assertThat(errorsOf(card)).isEmpty();
    }

    @Test
    void codesInLowerCaseAndSurroundingSpacesAreNormalised() {
        List<FieldError> errors = new ArrayList<>();
        RawCard card = TestCards.valid()
                .set(CardField.DIRECTION, " exit ")
                .set(CardField.CITIZENSHIP, "kaz")
                .set(CardField.BORDER_POST, "kz-ala-air");
        CardValidator.ValidCard valid = validator.validate(card, PostPermission.ALL, errors);
        assertThat(errors).isEmpty();
        assertThat(valid.direction()).isEqualTo(Direction.EXIT);
        assertThat(valid.citizenship()).isEqualTo("KAZ");
        assertThat(valid.borderPost()).isEqualTo("KZ-ALA-AIR");
    }

    @Test
    void theDocumentNumberNeverAppearsInAMessage() {
        RawCard card = TestCards.valid().set(CardField.DOCUMENT_NUMBER, "SECRET#99");
        assertThat(errorsOf(card)).singleElement().satisfies(e -> assertThat(e.getMessage())
                .doesNotContain("SECRET"));
    }

    @Test
    void crossedAtAcceptsFractionalSecondsAndUtc() {
        RawCard card = TestCards.valid().set(CardField.CROSSED_AT, "2026-03-01T03:15:00.250Z");
        List<FieldError> errors = new ArrayList<>();
        CardValidator.ValidCard valid = validator.validate(card, PostPermission.ALL, errors);
        assertThat(valid.crossedAt()).isEqualTo(java.time.Instant.parse("2026-03-01T03:15:00.250Z"));
    }

    @Test
    void theCrossingDateIsTakenInTheReportingCountrysTimeZone() {
        // 20:00 UTC is 01:00 the next day in Almaty (UTC+5)
        RawCard card = TestCards.valid().set(CardField.CROSSED_AT, "2026-03-01T20:00:00Z");
        CardValidator.ValidCard valid = validator.validate(card, PostPermission.ALL, new ArrayList<>());
        assertThat(valid.crossingDate()).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void theIsoListHasEveryAssignedCountry() {
        assertThat(IsoCountries.count()).isEqualTo(249);
        assertThat(IsoCountries.isAssigned("KAZ")).isTrue();
        assertThat(IsoCountries.isAssigned("TJK")).isTrue();
        assertThat(IsoCountries.isAssigned("SUN")).isFalse();
    }
}
