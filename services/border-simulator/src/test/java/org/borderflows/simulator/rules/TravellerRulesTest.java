package org.borderflows.simulator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.borderflows.schema.Purpose;
import org.junit.jupiter.api.Test;

class TravellerRulesTest {
    private final TravellerRules rules = TravellerRules.defaults();
    private final LocalDate clock = LocalDate.of(2025, 12, 31);

    @Test
    void aSameDayReturnIsAZeroDayVisit() {
        TruthSpell s = rules.evaluate(
                        Itineraries.of()
                                .entry(LocalDate.of(2025, 4, 2))
                                .exit(LocalDate.of(2025, 4, 2))
                                .list(),
                        false,
                        clock)
                .spells()
                .get(0);

        assertThat(s.state()).isEqualTo(SpellState.CLOSED);
        assertThat(s.durationDays()).isZero();
        assertThat(s.durationClass()).isEqualTo(DurationClass.VISIT);
    }

    @Test
    void anExitWithoutEntryIsAnOrphanNotAStay() {
        TravellerRules.Result r =
                rules.evaluate(Itineraries.of().exit(LocalDate.of(2025, 1, 5)).list(), false, clock);

        assertThat(r.spells()).isEmpty();
        assertThat(r.orphanExitDates()).containsExactly(LocalDate.of(2025, 1, 5));
    }

    @Test
    void twoEntriesInARowBreakTheFirstStay() {
        TravellerRules.Result r = rules.evaluate(
                Itineraries.of()
                        .entry(LocalDate.of(2025, 1, 5))
                        .entry(LocalDate.of(2025, 3, 5))
                        .exit(LocalDate.of(2025, 3, 20))
                        .list(),
                false,
                clock);

        assertThat(r.spells()).extracting(TruthSpell::state).containsExactly(SpellState.BROKEN, SpellState.CLOSED);
        assertThat(r.spells().get(0).durationDays()).isNull();
        assertThat(r.spells().get(1).durationDays()).isEqualTo(15);
        assertThat(r.brokenSpells()).isEqualTo(1);
    }

    @Test
    void anEntryRepeatedBeforeAnyWalkedCrossingIsNoMigrationFinalOnItsOwnDate() {
        // RULES §5: every crossing carries an outcome, also the entry of 1 January that the walk leaves out
        TravellerRules.Result r = rules.evaluate(
                Itineraries.of()
                        .entry(LocalDate.of(2025, 1, 1))
                        .entry(LocalDate.of(2025, 2, 1))
                        .exit(LocalDate.of(2025, 2, 10))
                        .list(),
                false,
                clock);

        assertThat(r.outcomes()).extracting(Outcome::eventId).containsExactly("e1", "e2", "e3");
        Outcome repeat = r.outcomes().get(0);
        assertThat(repeat.residentBefore()).isFalse();
        assertThat(repeat.residentAfter()).isFalse();
        assertThat(repeat.longTermMigration()).isFalse();
        assertThat(repeat.finalDate()).isEqualTo(LocalDate.of(2025, 1, 1));
        // the walked entry of 1 February: 9 days in, then back for the whole window: final at + N + 9 days
        assertThat(r.outcomes().get(1).finalDate()).isEqualTo(LocalDate.of(2025, 6, 12));
        assertThat(r.outcomes().get(2).finalDate()).isEqualTo(LocalDate.of(2025, 2, 10));
    }

    @Test
    void aRepeatedExitKeepsTheStatusAndIsFinalWhenTheStatusBeforeItIs() {
        // entry 1 January, exit 1 February (31 days in, then away): the entry's review is final on
        // 1 January + 122 + 31 = 3 June, and so is the status after the exit; the exit of 10 February ends nothing
        TravellerRules.Result r = rules.evaluate(
                Itineraries.of()
                        .entry(LocalDate.of(2025, 1, 1))
                        .exit(LocalDate.of(2025, 2, 1))
                        .exit(LocalDate.of(2025, 2, 10))
                        .list(),
                false,
                clock);

        assertThat(r.outcomes()).extracting(Outcome::eventId).containsExactly("e1", "e2", "e3");
        assertThat(r.outcomes().get(0).finalDate()).isEqualTo(LocalDate.of(2025, 6, 3));
        assertThat(r.outcomes().get(1).finalDate()).isEqualTo(LocalDate.of(2025, 2, 1));
        Outcome repeat = r.outcomes().get(2);
        assertThat(repeat.residentBefore()).isFalse();
        assertThat(repeat.residentAfter()).isFalse();
        assertThat(repeat.longTermMigration()).isFalse();
        assertThat(repeat.finalDate()).isEqualTo(LocalDate.of(2025, 6, 3));
    }

    @Test
    void aResidentsWorkAbsenceOfFiveMonthsIsShortTermLabourEmigration() {
        TruthSpell s = rules.evaluate(
                        Itineraries.of()
                                .purpose(Purpose.WORK)
                                .exit(LocalDate.of(2025, 2, 1))
                                .entry(LocalDate.of(2025, 7, 1))
                                .list(),
                        true,
                        clock)
                .spells()
                .get(0);

        assertThat(s.stay()).isFalse();
        assertThat(s.durationDays()).isEqualTo(150);
        assertThat(s.durationClass()).isEqualTo(DurationClass.SHORT_TERM);
        assertThat(s.labour()).isTrue();
        assertThat(s.shortTermMigrant()).isTrue();
    }

    @Test
    void aTouristStayOfFourMonthsIsShortTermButNotAMigrant() {
        TruthSpell s = rules.evaluate(
                        Itineraries.of()
                                .entry(LocalDate.of(2025, 2, 1))
                                .exit(LocalDate.of(2025, 6, 1))
                                .list(),
                        false,
                        clock)
                .spells()
                .get(0);

        assertThat(s.durationClass()).isEqualTo(DurationClass.SHORT_TERM);
        assertThat(s.shortTermMigrant()).isFalse();
        assertThat(s.overstayDays()).isEqualTo(31); // latest authorised exit 1 May 2025 (90 days from 1 Feb)
    }

    @Test
    void openSpellsArePendingUnderNinetyDaysAndFinalLongTermFromAYear() {
        LocalDate at = LocalDate.of(2025, 6, 1);
        assertThat(open(at, LocalDate.of(2025, 8, 29)).durationClass()).isEqualTo(DurationClass.PENDING);
        TruthSpell shortTerm = open(at, LocalDate.of(2025, 8, 30));
        assertThat(shortTerm.durationClass()).isEqualTo(DurationClass.SHORT_TERM);
        assertThat(shortTerm.classFinal()).isFalse();
        TruthSpell longTerm = open(at, LocalDate.of(2026, 6, 1));
        assertThat(longTerm.durationClass()).isEqualTo(DurationClass.LONG_TERM);
        assertThat(longTerm.classFinal()).isTrue();
    }

    @Test
    void aTouristStillInAfterNinetyDaysIsASuspectedOverstayer() {
        TruthSpell s = open(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1));

        assertThat(s.latestAuthorisedExit()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(s.suspectedOverstay()).isTrue();
    }

    @Test
    void aCardSentTwiceCountsOnce() {
        List<Xing> crossings = new ArrayList<>(Itineraries.of()
                .entry(LocalDate.of(2025, 1, 5))
                .exit(LocalDate.of(2025, 1, 9))
                .list());
        crossings.add(crossings.get(1));

        TravellerRules.Result r = rules.evaluate(crossings, false, clock);

        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.spells()).hasSize(1);
    }

    @Test
    void ageGroupsAreFiveYearBandsUpTo85Plus() {
        assertThat(TravellerRules.ageGroup(LocalDate.of(2000, 6, 1), LocalDate.of(2025, 5, 31)))
                .isEqualTo("20-24");
        assertThat(TravellerRules.ageGroup(LocalDate.of(2000, 6, 1), LocalDate.of(2025, 6, 1)))
                .isEqualTo("25-29");
        assertThat(TravellerRules.ageGroup(LocalDate.of(1930, 1, 1), LocalDate.of(2025, 6, 1)))
                .isEqualTo("85+");
    }

    private TruthSpell open(LocalDate entry, LocalDate clockDate) {
        return rules.evaluate(Itineraries.of().entry(entry).list(), false, clockDate)
                .spells()
                .get(0);
    }

    @Test
    void anOrphanExitDayIsADayPresentForTheNextStay() {
        // §7: the exit day counts as a day present, so entering on 2 January after leaving on 1 January leaves
        // 89 more days: 2 January + 88 = 31 March (without the orphan exit it would be 1 April).
        TravellerRules.Result r = rules.evaluate(
                Itineraries.of()
                        .exit(LocalDate.of(2025, 1, 1))
                        .entry(LocalDate.of(2025, 1, 2))
                        .exit(LocalDate.of(2025, 1, 14))
                        .list(),
                false,
                clock);

        assertThat(r.spells().get(0).latestAuthorisedExit()).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void aStayOnAWorkCardIsNotPresenceUnderTheVisaFreeRegime() {
        // §7 with Schengen Borders Code Art. 6(2): 1 January - 28 February on a WORK card does not count, so a
        // tourist entering on 1 March may stay 90 days: until 29 May.
        TravellerRules.Result r = rules.evaluate(
                Itineraries.of()
                        .purpose(Purpose.WORK)
                        .entry(LocalDate.of(2025, 1, 1))
                        .exit(LocalDate.of(2025, 2, 28))
                        .purpose(Purpose.TOURISM)
                        .entry(LocalDate.of(2025, 3, 1))
                        .exit(LocalDate.of(2025, 3, 20))
                        .list(),
                false,
                clock);

        assertThat(r.spells().get(1).latestAuthorisedExit()).isEqualTo(LocalDate.of(2025, 5, 29));
    }

    @Test
    void aBrokenStayHasTheLatestExitOfItsEntryAndCountsItsEntryDay() {
        // Entries on 1 March and 10 March (the exit between was lost): the broken stay still gets 1 March + 89 =
        // 29 May; the second stay has one day present before it (1 March): 10 March + 88 = 6 June.
        TravellerRules.Result r = rules.evaluate(
                Itineraries.of()
                        .entry(LocalDate.of(2025, 3, 1))
                        .entry(LocalDate.of(2025, 3, 10))
                        .exit(LocalDate.of(2025, 3, 20))
                        .list(),
                false,
                clock);

        assertThat(r.spells().get(0).state()).isEqualTo(SpellState.BROKEN);
        assertThat(r.spells().get(0).latestAuthorisedExit()).isEqualTo(LocalDate.of(2025, 5, 29));
        assertThat(r.spells().get(0).overstayDays()).isNull();
        assertThat(r.spells().get(1).latestAuthorisedExit()).isEqualTo(LocalDate.of(2025, 6, 6));
    }
}
