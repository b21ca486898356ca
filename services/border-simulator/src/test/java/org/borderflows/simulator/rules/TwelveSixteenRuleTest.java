package org.borderflows.simulator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwelveSixteenRuleTest {
    private final TwelveSixteenRule rule = new TwelveSixteenRule(487, 365); // RULES.md §5: W = 487, T = 365

    @Test
    void twoHundredFiftyDaysInTheCountryIsNotALongTermMigration() {
        List<Outcome> out = rule.outcomes(
                Itineraries.of()
                        .entry(LocalDate.of(2024, 1, 1))
                        .exit(LocalDate.of(2024, 9, 7))
                        .list(),
                false);

        Outcome arrival = out.get(0);
        assertThat(arrival.longTermMigration()).isFalse();
        assertThat(arrival.residentAfter()).isFalse();
        // back on the old side more than N = 122 days: final at date + N + time on the new side (250)
        assertThat(arrival.finalDate()).isEqualTo(LocalDate.of(2024, 1, 1).plusDays(122 + 250));
    }

    @Test
    void threeHundredSixtyFiveDaysInWithASixtyDayTripOutIsALongTermMigration() {
        List<Outcome> out = rule.outcomes(
                Itineraries.of()
                        .entry(LocalDate.of(2024, 1, 1))
                        .exit(LocalDate.of(2024, 5, 1)) // 121 days in
                        .entry(LocalDate.of(2024, 6, 30)) // 60 days out
                        .exit(LocalDate.of(2025, 4, 30)) // 304 days in: 425 in total
                        .list(),
                false);

        Outcome arrival = out.get(0);
        assertThat(arrival.longTermMigration()).isTrue();
        assertThat(arrival.residentAfter()).isTrue();
        // final at date + T + time back on the old side (60)
        assertThat(arrival.finalDate()).isEqualTo(LocalDate.of(2024, 1, 1).plusDays(365 + 60));
    }

    @Test
    void theTripOutOfAnArrivalUnderReviewIsAtOnceNotAMigration() {
        List<Outcome> out = rule.outcomes(
                Itineraries.of()
                        .entry(LocalDate.of(2024, 1, 1))
                        .exit(LocalDate.of(2024, 5, 1))
                        .entry(LocalDate.of(2024, 6, 30))
                        .exit(LocalDate.of(2025, 4, 30))
                        .list(),
                false);

        // the exit of 1 May 2024 is dated before 1 Jan 2024 + S (244 days): not a migration, final that day
        Outcome tripOut = out.get(1);
        assertThat(tripOut.longTermMigration()).isFalse();
        assertThat(tripOut.finalDate()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(tripOut.residentBefore()).isTrue();
    }

    @Test
    void anOnlyArrivalIsAProvisionalLongTermMigrationUntilAYearHasPassed() {
        Outcome only = rule.outcomes(
                        Itineraries.of().entry(LocalDate.of(2025, 3, 1)).list(), false)
                .get(0);

        assertThat(only.longTermMigration()).isTrue();
        assertThat(only.finalDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(only.provisional(LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(only.provisional(LocalDate.of(2026, 3, 1)))
                .as("RULES.md §5: still provisional on its final date")
                .isTrue();
        assertThat(only.provisional(LocalDate.of(2026, 3, 2))).isFalse();
    }

    @Test
    void aResidentReturningIsNotAMigrationAndFinalOnItsOwnDate() {
        Outcome back = rule.outcomes(
                        Itineraries.of().entry(LocalDate.of(2025, 3, 1)).list(), true)
                .get(0);

        assertThat(back.longTermMigration()).isFalse();
        assertThat(back.residentAfter()).isTrue();
        assertThat(back.finalDate()).isEqualTo(LocalDate.of(2025, 3, 1));
    }

    @Test
    void aNationalAwayForEighteenMonthsEmigratesAndReturnsAsALongTermImmigrant() {
        List<Outcome> out = rule.outcomes(
                Itineraries.of()
                        .exit(LocalDate.of(2023, 1, 10))
                        .entry(LocalDate.of(2024, 7, 10))
                        .list(),
                true);

        assertThat(out.get(0).longTermMigration()).isTrue();
        assertThat(out.get(0).residentAfter()).isFalse();
        assertThat(out.get(0).finalDate()).isEqualTo(LocalDate.of(2024, 1, 10));
        // now a non-resident arriving, with no later crossing: a provisional long-term arrival
        assertThat(out.get(1).residentBefore()).isFalse();
        assertThat(out.get(1).longTermMigration()).isTrue();
        assertThat(out.get(1).finalDate()).isEqualTo(LocalDate.of(2025, 7, 10));
    }

    @Test
    void aShortHolidayAbroadOfAResidentIsNotAMigration() {
        List<Outcome> out = rule.outcomes(
                Itineraries.of()
                        .exit(LocalDate.of(2025, 7, 1))
                        .entry(LocalDate.of(2025, 7, 15))
                        .list(),
                true);

        assertThat(out.get(0).longTermMigration()).isFalse();
        // 14 days away, then back for the whole window: final at date + N + 14
        assertThat(out.get(0).finalDate()).isEqualTo(LocalDate.of(2025, 7, 1).plusDays(122 + 14));
        // the return is dated before the exit's date + S: at once not a migration, final on its own date
        assertThat(out.get(1).longTermMigration()).isFalse();
        assertThat(out.get(1).finalDate()).isEqualTo(LocalDate.of(2025, 7, 15));
        assertThat(out.get(1).statusFinalDate())
                .isEqualTo(LocalDate.of(2025, 7, 1).plusDays(122 + 14));
    }

    @Test
    void ofTwoEntriesInARowOnlyTheLaterCounts() {
        List<Xing> kept = TwelveSixteenRule.withoutRepeats(
                Itineraries.of()
                        .entry(LocalDate.of(2025, 1, 1))
                        .entry(LocalDate.of(2025, 2, 1))
                        .exit(LocalDate.of(2025, 2, 10))
                        .list(),
                false);

        assertThat(kept).extracting(Xing::eventId).containsExactly("e2", "e3");
    }

    @Test
    void ofTwoExitsInARowOfANonResidentOnlyTheEarlierCounts() {
        // §3: the exit on 10 February ends nothing (an orphan exit); the stay of 1 January - 1 February is the
        // spell the 12/16 walk sees, as in the domain library.
        List<Xing> kept = TwelveSixteenRule.withoutRepeats(
                Itineraries.of()
                        .entry(LocalDate.of(2025, 1, 1))
                        .exit(LocalDate.of(2025, 2, 1))
                        .exit(LocalDate.of(2025, 2, 10))
                        .list(),
                false);

        assertThat(kept).extracting(Xing::eventId).containsExactly("e1", "e2");
    }

    @Test
    void ofTwoEntriesInARowOfAResidentOnlyTheEarlierCounts() {
        // A resident's entries end absences: the second entry (10 February) ends nothing.
        List<Xing> kept = TwelveSixteenRule.withoutRepeats(
                Itineraries.of()
                        .exit(LocalDate.of(2025, 1, 1))
                        .entry(LocalDate.of(2025, 2, 1))
                        .entry(LocalDate.of(2025, 2, 10))
                        .list(),
                true);

        assertThat(kept).extracting(Xing::eventId).containsExactly("e1", "e2");
    }
}
