package org.borderflows.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.borderflows.platform.Deployment;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** ICAO Doc 9303 Part 3 codes for document_country and citizenship (RULES.md §1), through the validator. */
class IcaoCodesTest {
    private final CardValidator validator = TestCards.validator();

    private CardValidator.ValidCard validate(RawCard card, List<FieldError> errors) {
        return validator.validate(card, PostPermission.ALL, errors);
    }

    @ParameterizedTest(name = "{0} is kept as {0} in both fields")
    @EnumSource(IcaoCodes.class)
    void everySpecialCodeIsAcceptedAndKeptAsItsOwnValue(IcaoCodes code) {
        List<FieldError> errors = new ArrayList<>();
        CardValidator.ValidCard valid = validate(
                TestCards.valid()
                        .set(CardField.DOCUMENT_COUNTRY, code.name())
                        .set(CardField.CITIZENSHIP, code.name().toLowerCase(java.util.Locale.ROOT)),
                errors);
        assertThat(errors).isEmpty();
        assertThat(valid.documentCountry()).isEqualTo(code.name());
        assertThat(valid.citizenship()).isEqualTo(code.name());
        assertThat(code.description()).isNotBlank();
    }

    @ParameterizedTest(name = "''{0}'' -> DEU")
    @CsvSource({"D", "d", "' D '", "D<<"})
    void germanysOneLetterCodeIsNormalisedToDeu(String value) {
        List<FieldError> errors = new ArrayList<>();
        CardValidator.ValidCard valid = validate(
                TestCards.valid().set(CardField.DOCUMENT_COUNTRY, value).set(CardField.CITIZENSHIP, value), errors);
        assertThat(errors).isEmpty();
        assertThat(valid.documentCountry()).isEqualTo("DEU");
        assertThat(valid.citizenship()).isEqualTo("DEU");
    }

    @Test
    void aDCitizenIsResidentInAGermanDeploymentAfterNormalisation() {
        // RULES.md §3: resident when citizenship equals the reporting country
        Deployment germany = new Deployment("DEU", ZoneId.of("Europe/Berlin"));
        CardIntake intake = new CardIntake(
                new CardValidator(germany, TestCards.CLOCK, Duration.ofMinutes(10)),
                org.borderflows.platform.TravellerPseudonymiser.development(),
                TestCards.CLOCK);
        IntakeResult result = intake.process(
                TestCards.valid().set(CardField.CITIZENSHIP, "D").set(CardField.DOCUMENT_COUNTRY, "D"),
                TestCards.ALL_POSTS);
        assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
        Crossing crossing = ((IntakeResult.Accepted) result).crossing();
        assertThat(crossing.getCitizenship()).isEqualTo("DEU");
        assertThat(germany.isResidentByCitizenship(crossing.getCitizenship())).isTrue();
    }

    @Test
    void aStatelessTravellerIsNotResidentAnywhere() {
        assertThat(new Deployment("DEU", ZoneId.of("Europe/Berlin")).isResidentByCitizenship("XXA"))
                .isFalse();
    }

    @Test
    void theSameDocumentWithDOrDeuIsOneTraveller() {
        // RULES.md §2: identity = (document_country, number, birth date); D and DEU name the same issuer
        CardIntake intake = TestCards.intake();
        Crossing d = ((IntakeResult.Accepted)
                        intake.process(TestCards.valid().set(CardField.DOCUMENT_COUNTRY, "D"), TestCards.ALL_POSTS))
                .crossing();
        Crossing deu = ((IntakeResult.Accepted)
                        intake.process(TestCards.valid().set(CardField.DOCUMENT_COUNTRY, "DEU"), TestCards.ALL_POSTS))
                .crossing();
        assertThat(d.getTravellerId()).isEqualTo(deu.getTravellerId());
    }

    @ParameterizedTest(name = "{0}=''{1}'' -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "citizenship|XXZ|UNKNOWN_CODE",
                "citizenship|UNX|UNKNOWN_CODE",
                "document_country|E|BAD_FORMAT",
                "document_country|DE|BAD_FORMAT",
                "document_country|'<<<'|BAD_FORMAT"
            })
    void otherCodesAreStillRejected(String field, String value, String code) {
        List<FieldError> errors = new ArrayList<>();
        validate(TestCards.valid().set(CardField.byName(field), value), errors);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.getField()).isEqualTo(field);
            assertThat(e.getCode()).isEqualTo(code);
        });
    }
}
