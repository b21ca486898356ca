package org.borderflows.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TravellerPseudonymiserTest {
    private final TravellerPseudonymiser pseudonymiser =
            new TravellerPseudonymiser("a-test-key-of-enough-length".getBytes(StandardCharsets.UTF_8));
    private final LocalDate born = LocalDate.of(1988, 2, 29);

    @Test
    void spacesDashesAndCaseDoNotMakeANewTraveller() {
        assertThat(pseudonymiser.pseudonym("tjk", "ab-123 456", born))
                .isEqualTo(pseudonymiser.pseudonym("TJK", "AB123456", born));
    }

    @Test
    void countryNumberAndBirthDateEachIdentify() {
        String base = pseudonymiser.pseudonym("TJK", "AB123456", born);
        assertThat(pseudonymiser.pseudonym("UZB", "AB123456", born)).isNotEqualTo(base);
        assertThat(pseudonymiser.pseudonym("TJK", "AB123457", born)).isNotEqualTo(base);
        assertThat(pseudonymiser.pseudonym("TJK", "AB123456", born.plusDays(1))).isNotEqualTo(base);
    }

    @Test
    void thePseudonymIsAKeyedHashThatHidesTheNumber() {
        String p = pseudonymiser.pseudonym("TJK", "AB123456", born);
        assertThat(p).hasSize(64).matches("[0-9a-f]+").doesNotContain("AB123456");
        TravellerPseudonymiser otherKey =
                new TravellerPseudonymiser("another-key-of-enough-length".getBytes(StandardCharsets.UTF_8));
        assertThat(otherKey.pseudonym("TJK", "AB123456", born)).isNotEqualTo(p);
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new TravellerPseudonymiser(new byte[8])).hasMessageContaining("at least 16 bytes");
    }
}
