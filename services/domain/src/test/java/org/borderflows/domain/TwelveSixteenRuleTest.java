package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.borderflows.schema.ResidenceStatus.NON_RESIDENT;
import static org.borderflows.schema.ResidenceStatus.RESIDENT;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.ResidenceStatus;
import org.junit.jupiter.api.Test;

/**
 * Itineraries for the 12/16-month rule (RULES.md §5), each crossing with status before and after, the long-term
 * migration flag and the date the outcome becomes final. Several mirror migrbc's test scenarios.
 */
class TwelveSixteenRuleTest {

    private static Tuple outcome(ResidenceStatus before, ResidenceStatus after, boolean ltm, LocalDate finalDate) {
        return tuple(before, after, ltm, finalDate);
    }

    private static List<Tuple> outcomes(Evaluation evaluation) {
        return evaluation.outcomes().stream()
                .map(o -> tuple(o.getStatusBefore(), o.getStatusAfter(), o.getLongTermMigration(), o.getFinalDate()))
                .toList();
    }

    /**
     * Why a frequent traveller's outcomes alternate (docs/benchmarks.md, "Outcome records per card"): the last
     * crossing's spell counts as W days in every review that reaches it (§5), so each crossing of a commuter moves
     * it to the other side of his first entry's review. The clock alone never changes a value, only finality.
     */
    @Test
    void aCommutersFirstEntryAlternatesWithEachCrossingAndNotWithTheClock() {
        Traveller t = Traveller.foreigner();
        LocalDate mon = LocalDate.of(2025, 1, 6);
        LocalDate tue = mon.plusDays(1);
        CrossingFact e1 = t.entry("e1", mon);
        CrossingFact x1 = t.exit("x1", mon);
        CrossingFact e2 = t.entry("e2", tue);
        CrossingFact x2 = t.exit("x2", tue);

        assertThat(outcomes(Traveller.evaluate(tue, e1, x1, e2)).get(0))
                .as("after an entry, 487 days in (1 night out): a migration, final 6 Jan 2025 + 365 + 1")
                .isEqualTo(outcome(NON_RESIDENT, RESIDENT, true, LocalDate.of(2026, 1, 7)));
        assertThat(outcomes(Traveller.evaluate(tue, e1, x1, e2, x2)).get(0))
                .as("after an exit, 487 days out (> N): no migration, final 6 Jan 2025 + 122 + 0 days in")
                .isEqualTo(outcome(NON_RESIDENT, NON_RESIDENT, false, LocalDate.of(2025, 5, 8)));

        List<Tuple> onTuesday = outcomes(Traveller.evaluate(tue, e1, x1, e2, x2));
        for (LocalDate clock = tue; !clock.isAfter(LocalDate.of(2026, 6, 30)); clock = clock.plusDays(1)) {
            assertThat(outcomes(Traveller.evaluate(clock, e1, x1, e2, x2)))
                    .as("the same crossings at clock %s", clock)
                    .isEqualTo(onTuesday);
        }
    }

    @Test
    void singleArrivalIsALongTermMigrationProvisionalUntilAYearLater() {
        Traveller t = Traveller.foreigner();
        Evaluation e = Traveller.evaluate(LocalDate.of(2024, 6, 1), t.entry("e1", LocalDate.of(2024, 1, 10)));

        assertThat(outcomes(e)).containsExactly(outcome(NON_RESIDENT, RESIDENT, true, LocalDate.of(2025, 1, 9)));
        assertThat(e.outcomes().get(0).getProvisional()).isTrue();
        assertThat(e.status().getStatus()).isEqualTo(RESIDENT);
    }

    /** RULES.md §5: provisional until the clock is past the final date, so still provisional on it. */
    @Test
    void singleArrivalBecomesFinalTheDayAfterItsFinalDate() {
        Traveller t = Traveller.foreigner();
        CrossingFact entry = t.entry("e1", LocalDate.of(2024, 1, 10));

        assertThat(Traveller.evaluate(LocalDate.of(2025, 1, 8), entry)
                        .outcomes()
                        .get(0)
                        .getProvisional())
                .isTrue();
        assertThat(Traveller.evaluate(LocalDate.of(2025, 1, 9), entry)
                        .outcomes()
                        .get(0)
                        .getProvisional())
                .as("on the final date 2025-01-09 itself")
                .isTrue();
        assertThat(Traveller.evaluate(LocalDate.of(2025, 1, 10), entry)
                        .outcomes()
                        .get(0)
                        .getProvisional())
                .isFalse();
    }

    @Test
    void twoHundredFiftyDaysInTheCountryIsNotALongTermMigration() {
        Traveller t = Traveller.foreigner();
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2025, 2, 1),
                t.entry("e1", LocalDate.of(2024, 1, 10)),
                t.exit("x1", LocalDate.of(2024, 9, 16)));

        assertThat(outcomes(e))
                .containsExactly(
                        outcome(NON_RESIDENT, NON_RESIDENT, false, LocalDate.of(2025, 1, 16)),
                        outcome(NON_RESIDENT, NON_RESIDENT, false, LocalDate.of(2025, 1, 16)));
    }

    /** In 2024-01-10, out 2024-05-01, back in 2024-06-30 (60 days out), out 2025-04-01; clock 2025-04-02. */
    private static Evaluation yearInTheCountryWithASixtyDayTripOut() {
        Traveller t = Traveller.foreigner();
        return Traveller.evaluate(
                LocalDate.of(2025, 4, 2),
                t.entry("e1", LocalDate.of(2024, 1, 10)),
                t.exit("x1", LocalDate.of(2024, 5, 1)),
                t.entry("e2", LocalDate.of(2024, 6, 30)),
                t.exit("x2", LocalDate.of(2025, 4, 1)));
    }

    @Test
    void yearInTheCountryWithASixtyDayTripOutIsALongTermMigration() {
        Evaluation e = yearInTheCountryWithASixtyDayTripOut();

        assertThat(outcomes(e))
                .containsExactly(
                        outcome(NON_RESIDENT, RESIDENT, true, LocalDate.of(2025, 3, 10)),
                        // a return inside 2N of the arrival under review: not a migration, final on its own date
                        outcome(RESIDENT, RESIDENT, false, LocalDate.of(2024, 5, 1)),
                        outcome(RESIDENT, RESIDENT, false, LocalDate.of(2025, 3, 10)),
                        // the new resident leaves, assumed for good: provisional emigration
                        outcome(RESIDENT, NON_RESIDENT, true, LocalDate.of(2026, 4, 1)));
    }

    /**
     * The same itinerary: the arrival's review counted the 60 days back (2024-05-01 to 2024-06-30), so its outcome
     * dates the first trip back, 2024-05-01; with the final date 2025-03-10 = 2024-01-10 + 365 + 60 it says which
     * side the traveller was on at any past clock (§6 cohorts). The other crossings are not migrations, and the
     * emigration's review has no time back: no date.
     */
    @Test
    void aMigrationWithATripBackDatesItsFirstTimeBack() {
        Evaluation e = yearInTheCountryWithASixtyDayTripOut();

        assertThat(e.outcomes())
                .extracting(CrossingOutcome::getFirstTimeBackDate)
                .containsExactly(LocalDate.of(2024, 5, 1), null, null, null);
    }

    /**
     * A visitor who stays 112 days (10 Jan - 1 May 2024), goes home for 30, comes back for 120 (31 May - 28 Sep) and
     * then leaves for good. The arrival is not a migration: its review reaches N = 122 days back in the spell that
     * began on 28 Sep 2024, which its outcome dates. The final date, 10 Jan 2024 + 122 + 232 days on the new side =
     * 29 Dec 2024, alone would say the traveller went back on 29 Aug (final date - N), a month too early: the 30 days
     * of the first trip are the difference (§6 cohorts need the day). The second arrival's review decides in the same
     * spell back. Exits are outside the migrating direction: no date.
     */
    @Test
    void aNonMigrationDatesTheTimeBackThatDecidedIt() {
        Traveller t = Traveller.foreigner();
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2025, 6, 1),
                t.entry("e1", LocalDate.of(2024, 1, 10)),
                t.exit("x1", LocalDate.of(2024, 5, 1)),
                t.entry("e2", LocalDate.of(2024, 5, 31)),
                t.exit("x2", LocalDate.of(2024, 9, 28)));

        assertThat(e.outcomes())
                .extracting(CrossingOutcome::getLongTermMigration, CrossingOutcome::getDecisiveTimeBackDate)
                .containsExactly(
                        tuple(false, LocalDate.of(2024, 9, 28)),
                        tuple(false, null),
                        tuple(false, LocalDate.of(2024, 9, 28)),
                        tuple(false, null));
        assertThat(e.outcomes().get(0).getFinalDate()).isEqualTo(LocalDate.of(2024, 12, 29));
        assertThat(e.outcomes().get(2).getFinalDate())
                .as("31 May 2024 + 122 + 120 days on the new side")
                .isEqualTo(LocalDate.of(2025, 1, 28));
    }

    /** A migration has no decisive time back, with or without trips back. */
    @Test
    void aMigrationHasNoDecisiveTimeBack() {
        Traveller t = Traveller.foreigner();
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2025, 4, 2),
                t.entry("e1", LocalDate.of(2024, 1, 10)),
                t.exit("x1", LocalDate.of(2024, 5, 1)),
                t.entry("e2", LocalDate.of(2024, 6, 30)));

        assertThat(e.outcomes().get(0).getLongTermMigration()).isTrue();
        assertThat(e.outcomes().get(0).getDecisiveTimeBackDate()).isNull();
    }

    /**
     * A student arrives on 1 Sep 2021 and becomes a resident (292 days in, 66 back home from 20 Jun 2022, in again
     * from 25 Aug 2022: 365 days in before N = 122 back). Her trip home, her return and her leaving for good on 15
     * Jun 2024 all have the status that arrival gave her, since 1 Sep 2021; leaving is a migration, so her visit on 1
     * Sep 2025 has the status it gave, since 15 Jun 2024. The arrival itself had the status from citizenship: none.
     */
    @Test
    void eachCrossingDatesTheMigrationThatGaveItsStatusBefore() {
        Traveller t = Traveller.foreigner();
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2025, 12, 1),
                t.entry("e1", LocalDate.of(2021, 9, 1)),
                t.exit("x1", LocalDate.of(2022, 6, 20)),
                t.entry("e2", LocalDate.of(2022, 8, 25)),
                t.exit("x2", LocalDate.of(2024, 6, 15)),
                t.entry("e3", LocalDate.of(2025, 9, 1)));

        assertThat(e.outcomes())
                .extracting(
                        CrossingOutcome::getStatusBefore,
                        CrossingOutcome::getLongTermMigration,
                        CrossingOutcome::getStatusSinceDate)
                .containsExactly(
                        tuple(NON_RESIDENT, true, null),
                        tuple(RESIDENT, false, LocalDate.of(2021, 9, 1)),
                        tuple(RESIDENT, false, LocalDate.of(2021, 9, 1)),
                        tuple(RESIDENT, true, LocalDate.of(2021, 9, 1)),
                        tuple(NON_RESIDENT, true, LocalDate.of(2024, 6, 15)));
    }

    /** A single arrival staying a year: a migration with no time back. */
    @Test
    void aMigrationWithoutATripBackHasNoFirstTimeBack() {
        Traveller t = Traveller.foreigner();
        Evaluation e = Traveller.evaluate(LocalDate.of(2025, 4, 2), t.entry("e1", LocalDate.of(2024, 1, 10)));

        assertThat(e.outcomes())
                .extracting(CrossingOutcome::getFirstTimeBackDate)
                .containsExactly((LocalDate) null);
    }

    @Test
    void residentLeavingForGoodEmigratesAYearAfterLeaving() {
        Traveller t = Traveller.citizen();
        Evaluation e = Traveller.evaluate(LocalDate.of(2025, 3, 1), t.exit("x1", LocalDate.of(2024, 2, 1)));

        assertThat(outcomes(e)).containsExactly(outcome(RESIDENT, NON_RESIDENT, true, LocalDate.of(2025, 1, 31)));
        assertThat(e.outcomes().get(0).getProvisional()).isFalse();
        assertThat(e.status().getStatus()).isEqualTo(NON_RESIDENT);
        assertThat(e.status().getInitialStatus()).isEqualTo(RESIDENT);
    }

    @Test
    void residentReturningInsideTwiceTheAllowanceIsNotAMigration() {
        Traveller t = Traveller.citizen();
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2024, 7, 1),
                t.exit("x1", LocalDate.of(2024, 2, 1)),
                t.entry("e1", LocalDate.of(2024, 6, 1)));

        assertThat(outcomes(e))
                .containsExactly(
                        outcome(RESIDENT, RESIDENT, false, LocalDate.of(2024, 10, 1)),
                        outcome(RESIDENT, RESIDENT, false, LocalDate.of(2024, 6, 1)));
        assertThat(e.outcomes()).extracting(CrossingOutcome::getProvisional).containsExactly(true, false);
    }

    @Test
    void shortHolidayOfANonResidentIsSettledFourMonthsAfterArrival() {
        Traveller t = Traveller.foreigner();
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2017, 1, 11),
                t.entry("e1", LocalDate.of(2017, 1, 1)),
                t.exit("x1", LocalDate.of(2017, 1, 11)));

        assertThat(outcomes(e))
                .containsExactly(
                        outcome(NON_RESIDENT, NON_RESIDENT, false, LocalDate.of(2017, 5, 13)),
                        outcome(NON_RESIDENT, NON_RESIDENT, false, LocalDate.of(2017, 1, 11)));
    }

    @Test
    void twoShortTripsAreSettledByTimeBackOnTheOldSide() {
        Traveller t = Traveller.foreigner();
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2017, 4, 1),
                t.entry("e1", LocalDate.of(2017, 1, 1)),
                t.exit("x1", LocalDate.of(2017, 1, 11)),
                t.entry("e2", LocalDate.of(2017, 3, 12)),
                t.exit("x2", LocalDate.of(2017, 4, 1)));

        assertThat(outcomes(e))
                .containsExactly(
                        outcome(NON_RESIDENT, NON_RESIDENT, false, LocalDate.of(2017, 6, 2)),
                        outcome(NON_RESIDENT, NON_RESIDENT, false, LocalDate.of(2017, 1, 11)),
                        outcome(NON_RESIDENT, NON_RESIDENT, false, LocalDate.of(2017, 8, 1)),
                        outcome(NON_RESIDENT, NON_RESIDENT, false, LocalDate.of(2017, 4, 1)));
    }

    @Test
    void sameDayVisitIsSettledAfterTheAllowance() {
        Traveller t = Traveller.foreigner();
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2024, 3, 1),
                t.entry("e1", LocalDate.of(2024, 3, 1)),
                t.exit("x1", LocalDate.of(2024, 3, 1)));

        assertThat(outcomes(e))
                .containsExactly(
                        outcome(NON_RESIDENT, NON_RESIDENT, false, LocalDate.of(2024, 7, 1)),
                        outcome(NON_RESIDENT, NON_RESIDENT, false, LocalDate.of(2024, 3, 1)));
    }

    @Test
    void fourHundredDaysInThenLeavingIsAnImmigrationThenAnEmigration() {
        Traveller t = Traveller.foreigner();
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2024, 5, 1),
                t.entry("e1", LocalDate.of(2023, 3, 1)),
                t.exit("x1", LocalDate.of(2024, 4, 4)));

        assertThat(outcomes(e))
                .containsExactly(
                        outcome(NON_RESIDENT, RESIDENT, true, LocalDate.of(2024, 2, 29)),
                        outcome(RESIDENT, NON_RESIDENT, true, LocalDate.of(2025, 4, 4)));
    }

    @Test
    void arrivalAfterAShortTripCountsTheFirstArrivalAsTheMigration() {
        Traveller t = Traveller.foreigner();
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2024, 4, 1),
                t.entry("e1", LocalDate.of(2024, 1, 1)),
                t.exit("x1", LocalDate.of(2024, 2, 1)),
                t.entry("e2", LocalDate.of(2024, 3, 1)));

        assertThat(outcomes(e))
                .containsExactly(
                        outcome(NON_RESIDENT, RESIDENT, true, LocalDate.of(2025, 1, 29)),
                        outcome(RESIDENT, RESIDENT, false, LocalDate.of(2024, 2, 1)),
                        outcome(RESIDENT, RESIDENT, false, LocalDate.of(2025, 1, 29)));
    }

    @Test
    void citizenBackAfterSeventeenMonthsAbroadEmigratedAndReturns() {
        Traveller t = Traveller.citizen();
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2023, 6, 2),
                t.exit("x1", LocalDate.of(2022, 1, 10)),
                t.entry("e1", LocalDate.of(2023, 6, 1)));

        assertThat(outcomes(e))
                .containsExactly(
                        outcome(RESIDENT, NON_RESIDENT, true, LocalDate.of(2023, 1, 10)),
                        outcome(NON_RESIDENT, RESIDENT, true, LocalDate.of(2024, 5, 31)));
        assertThat(e.outcomes()).extracting(CrossingOutcome::getProvisional).containsExactly(false, true);
    }

    @Test
    void crossingInTheNonMigratingDirectionKeepsTheStatusFinalOnItsDate() {
        Traveller t = Traveller.citizen();
        CrossingFact entry = t.entry("e1", LocalDate.of(2024, 3, 1));
        Evaluation e = Traveller.evaluate(LocalDate.of(2024, 3, 1), entry);

        assertThat(outcomes(e)).containsExactly(outcome(RESIDENT, RESIDENT, false, LocalDate.of(2024, 3, 1)));
        // RULES.md §5: final once the clock is past 2024-03-01 (a crossing of that day can still arrive)
        assertThat(e.outcomes().get(0).getProvisional()).isTrue();
        assertThat(Traveller.evaluate(LocalDate.of(2024, 3, 2), entry)
                        .outcomes()
                        .get(0)
                        .getProvisional())
                .isFalse();
    }

    @Test
    void laterCrossingRevisesAProvisionalOutcome() {
        Traveller t = Traveller.foreigner();
        CrossingFact entry = t.entry("e1", LocalDate.of(2024, 1, 10));
        CrossingFact exit = t.exit("x1", LocalDate.of(2024, 3, 1));

        assertThat(Traveller.evaluate(LocalDate.of(2024, 2, 1), entry)
                        .outcomes()
                        .get(0)
                        .getLongTermMigration())
                .isTrue();
        assertThat(Traveller.evaluate(LocalDate.of(2024, 3, 1), entry, exit)
                        .outcomes()
                        .get(0)
                        .getLongTermMigration())
                .isFalse();
    }

    @Test
    void carriedStatusStartsTheWalk() {
        Traveller t = Traveller.foreigner();
        TravellerCarry carry = new TravellerCarry(RESIDENT, LocalDate.of(2023, 12, 1));
        Evaluation e = TravellerTimeline.evaluate(
                carry, List.of(t.entry("e1", LocalDate.of(2024, 1, 10))), LocalDate.of(2024, 1, 10), Traveller.KAZ);

        assertThat(outcomes(e)).containsExactly(outcome(RESIDENT, RESIDENT, false, LocalDate.of(2024, 1, 10)));
    }
}
