package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.borderflows.domain.TravellerCarry.Presence;
import org.junit.jupiter.api.Test;

class AuthorisedStayCalculatorTest {

    private static AuthorisedStay presentOn(Presence... periods) {
        return new AuthorisedStay(List.of(periods), Traveller.KAZ);
    }

    @Test
    void overlappingAndAdjacentPeriodsAreCountedOnce() {
        AuthorisedStay stay = presentOn(
                new Presence(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 10)),
                new Presence(LocalDate.of(2025, 1, 5), LocalDate.of(2025, 1, 12)),
                new Presence(LocalDate.of(2025, 1, 13), LocalDate.of(2025, 1, 13)));

        assertThat(stay.presence()).containsExactly(new Presence(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 13)));
        assertThat(stay.daysPresent(LocalDate.of(2024, 12, 1), LocalDate.of(2025, 2, 1)))
                .isEqualTo(13);
    }

    @Test
    void daysUsedLookBackOneHundredEightyDaysIncludingTheDay() {
        AuthorisedStay stay = presentOn(new Presence(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 10)));

        // window of 30.06.2025 is 02.01.2025..30.06.2025
        assertThat(stay.daysUsed(LocalDate.of(2025, 6, 30))).isEqualTo(9);
        assertThat(stay.daysRemaining(LocalDate.of(2025, 6, 30))).isEqualTo(81);
    }

    @Test
    void entryWithNinetyDaysAlreadyUsedIsNotAuthorisedAtAll() {
        AuthorisedStay stay = presentOn(new Presence(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31)));

        assertThat(stay.latestAuthorisedExit(LocalDate.of(2025, 4, 1))).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void daysLeavingTheWindowLetTheStayRunPastWhatWasLeftOnEntry() {
        // 60 days used on entry, so 30 left; but one old day leaves the window for every day stayed
        AuthorisedStay stay = presentOn(new Presence(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1)));

        assertThat(stay.daysRemaining(LocalDate.of(2025, 5, 31))).isEqualTo(30);
        assertThat(stay.latestAuthorisedExit(LocalDate.of(2025, 6, 1))).isEqualTo(LocalDate.of(2025, 8, 29));
    }

    @Test
    void overstayIsTheDaysPastTheLatestAuthorisedExit() {
        assertThat(AuthorisedStay.overstayDays(LocalDate.of(2014, 6, 9), LocalDate.of(2014, 5, 31)))
                .isEqualTo(9);
        assertThat(AuthorisedStay.overstayDays(LocalDate.of(2014, 5, 20), LocalDate.of(2014, 5, 31)))
                .isZero();
    }
}
