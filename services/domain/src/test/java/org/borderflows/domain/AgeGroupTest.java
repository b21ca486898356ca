package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgeGroupTest {

    @Test
    void ageIsCountedInCompletedYearsOnTheCrossingDate() {
        assertThat(AgeGroup.of(LocalDate.of(1990, 5, 17), LocalDate.of(2020, 5, 16)))
                .isEqualTo("25-29");
        assertThat(AgeGroup.of(LocalDate.of(1990, 5, 17), LocalDate.of(2020, 5, 17)))
                .isEqualTo("30-34");
    }

    @Test
    void newbornIsInTheFirstGroup() {
        assertThat(AgeGroup.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1)))
                .isEqualTo("0-4");
    }

    @Test
    void eightyFiveAndOlderShareOneGroup() {
        assertThat(AgeGroup.of(LocalDate.of(1940, 1, 1), LocalDate.of(2024, 12, 31)))
                .isEqualTo("80-84");
        assertThat(AgeGroup.of(LocalDate.of(1939, 1, 1), LocalDate.of(2024, 1, 1)))
                .isEqualTo("85+");
        assertThat(AgeGroup.of(LocalDate.of(1910, 1, 1), LocalDate.of(2024, 1, 1)))
                .isEqualTo("85+");
    }

    @Test
    void leapDayBirthdayIsReachedOnFirstOfMarch() {
        assertThat(AgeGroup.of(LocalDate.of(2000, 2, 29), LocalDate.of(2025, 2, 28)))
                .isEqualTo("20-24");
        assertThat(AgeGroup.of(LocalDate.of(2000, 2, 29), LocalDate.of(2025, 3, 1)))
                .isEqualTo("25-29");
    }

    @Test
    void missingBirthDateIsUnknown() {
        assertThat(AgeGroup.of(null, LocalDate.of(2024, 1, 1))).isEqualTo("UNKNOWN");
    }
}
