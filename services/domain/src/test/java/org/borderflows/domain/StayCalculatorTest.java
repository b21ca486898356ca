package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.borderflows.domain.StayCalculator.ControlCheck;
import org.borderflows.domain.StayCalculator.PlanCheck;
import org.borderflows.domain.StayCalculator.PlannedStay;
import org.borderflows.domain.StayCalculator.Result;
import org.borderflows.domain.TravellerCarry.Presence;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.ResidenceStatus;
import org.junit.jupiter.api.Test;

/**
 * The stay calculator (RULES.md §7) in its two modes, with RULES.md's two checks and examples worked the way the EU
 * short-stay calculator works them (control date: days used in the 180 days ending on it; planning: the recorded
 * stays plus the planned ones). Days present count entry and exit days.
 */
class StayCalculatorTest {

    private final Traveller tourist = Traveller.foreigner().purpose(Purpose.TOURISM);

    private static ControlCheck control(LocalDate controlDate, CrossingFact... crossings) {
        return StayCalculator.atControlDate(null, List.of(crossings), controlDate, Traveller.KAZ);
    }

    private static PlanCheck plan(LocalDate clock, List<PlannedStay> planned, CrossingFact... crossings) {
        return StayCalculator.plan(null, List.of(crossings), clock, planned, Traveller.KAZ);
    }

    private static PlannedStay stay(LocalDate entry, LocalDate exit) {
        return new PlannedStay(entry, exit);
    }

    // RULES.md §7, check 1: stays 01.09-30.09.2013, 21.02-20.04.2014 and 01.05-09.06.2014.

    @Test
    void rulesCheckOneInControlModeAGuardOnTheNinthOfJuneFindsNineDaysOver() {
        ControlCheck c = control(
                LocalDate.of(2014, 6, 9),
                tourist.entry("e1", LocalDate.of(2013, 9, 1)),
                tourist.exit("x1", LocalDate.of(2013, 9, 30)),
                tourist.entry("e2", LocalDate.of(2014, 2, 21)),
                tourist.exit("x2", LocalDate.of(2014, 4, 20)),
                tourist.entry("e3", LocalDate.of(2014, 5, 1)));

        // window 12.12.2013-09.06.2014: 59 days of February-April, 40 days of May-June
        assertThat(c.result()).isEqualTo(Result.CALCULATED);
        assertThat(c.daysUsed()).isEqualTo(99);
        assertThat(c.daysLeft()).isZero();
        assertThat(c.inCountry()).isTrue();
        assertThat(c.stayEntry()).isEqualTo(LocalDate.of(2014, 5, 1));
        assertThat(c.latestAuthorisedExit()).isEqualTo(LocalDate.of(2014, 5, 31));
        assertThat(c.overstayDays()).isEqualTo(9);
    }

    @Test
    void rulesCheckOneInPlanningModeTheThirdStayWouldBeNineDaysOver() {
        PlanCheck p = plan(
                LocalDate.of(2014, 4, 25),
                List.of(stay(LocalDate.of(2014, 5, 1), LocalDate.of(2014, 6, 9))),
                tourist.entry("e1", LocalDate.of(2013, 9, 1)),
                tourist.exit("x1", LocalDate.of(2013, 9, 30)),
                tourist.entry("e2", LocalDate.of(2014, 2, 21)),
                tourist.exit("x2", LocalDate.of(2014, 4, 20)));

        assertThat(p.result()).isEqualTo(Result.CALCULATED);
        assertThat(p.authorised()).isFalse();
        assertThat(p.inCountry()).isFalse();
        assertThat(p.stays())
                .containsExactly(new StayCalculator.PlannedStayCheck(
                        LocalDate.of(2014, 5, 1), LocalDate.of(2014, 6, 9), false, LocalDate.of(2014, 5, 31), 9, 99));
    }

    // RULES.md §7, check 2: a stay 15.08-30.09.2014 (47 days), then an entry on 01.11.2014.

    @Test
    void rulesCheckTwoInPlanningModeMayStayUntilTheThirteenthOfDecember() {
        CrossingFact[] recorded = {
            tourist.entry("e1", LocalDate.of(2014, 8, 15)), tourist.exit("x1", LocalDate.of(2014, 9, 30))
        };
        LocalDate clock = LocalDate.of(2014, 10, 20);

        PlanCheck untilThirteenth =
                plan(clock, List.of(stay(LocalDate.of(2014, 11, 1), LocalDate.of(2014, 12, 13))), recorded);
        PlanCheck untilFourteenth =
                plan(clock, List.of(stay(LocalDate.of(2014, 11, 1), LocalDate.of(2014, 12, 14))), recorded);

        assertThat(untilThirteenth.authorised()).isTrue();
        assertThat(untilThirteenth.stays().get(0).lastAuthorisedDay()).isEqualTo(LocalDate.of(2014, 12, 13));
        assertThat(untilThirteenth.stays().get(0).daysOver()).isZero();
        assertThat(untilThirteenth.stays().get(0).daysUsedOnExit()).isEqualTo(90);
        assertThat(untilFourteenth.authorised()).isFalse();
        assertThat(untilFourteenth.stays().get(0).daysOver()).isEqualTo(1);
    }

    @Test
    void rulesCheckTwoInControlModeOnTheDayOfEntry() {
        ControlCheck c = control(
                LocalDate.of(2014, 11, 1),
                tourist.entry("e1", LocalDate.of(2014, 8, 15)),
                tourist.exit("x1", LocalDate.of(2014, 9, 30)),
                tourist.entry("e2", LocalDate.of(2014, 11, 1)));

        // window 05.05.2014-01.11.2014: the 47 days and the entry day
        assertThat(c.daysUsed()).isEqualTo(48);
        assertThat(c.daysLeft()).isEqualTo(42);
        assertThat(c.latestAuthorisedExit()).isEqualTo(LocalDate.of(2014, 12, 13));
        assertThat(c.overstayDays()).isZero();
    }

    // Examples of our own: stays 10.01-20.01.2025 (11 days) and 01.03-31.03.2025 (31 days), then an entry on
    // 01.06.2025. The January days leave the window from 09.07.2025 on, the March days only from 28.08.2025: staying
    // on from 01.06, day 59 (29.07.2025) is the 90th day in its window, day 60 the 91st.

    private CrossingFact[] twoStaysThenEntryOnFirstOfJune() {
        return new CrossingFact[] {
            tourist.entry("e1", LocalDate.of(2025, 1, 10)),
            tourist.exit("x1", LocalDate.of(2025, 1, 20)),
            tourist.entry("e2", LocalDate.of(2025, 3, 1)),
            tourist.exit("x2", LocalDate.of(2025, 3, 31)),
            tourist.entry("e3", LocalDate.of(2025, 6, 1))
        };
    }

    @Test
    void inTheCountryOnTheFifteenthOfJuneFiftySevenDaysAreUsed() {
        ControlCheck c = control(LocalDate.of(2025, 6, 15), twoStaysThenEntryOnFirstOfJune());

        // window 18.12.2024-15.06.2025: 11 + 31 + 15
        assertThat(c.daysUsed()).isEqualTo(57);
        assertThat(c.daysLeft()).isEqualTo(33);
        assertThat(c.inCountry()).isTrue();
        assertThat(c.latestAuthorisedExit()).isEqualTo(LocalDate.of(2025, 7, 29));
        assertThat(c.overstayDays()).isZero();
    }

    @Test
    void stillInTheCountryOnTheFifthOfAugustIsSevenDaysOver() {
        ControlCheck c = control(LocalDate.of(2025, 8, 5), twoStaysThenEntryOnFirstOfJune());

        // window 07.02-05.08.2025: 31 days of March, 66 days from 01.06
        assertThat(c.daysUsed()).isEqualTo(97);
        assertThat(c.daysLeft()).isZero();
        assertThat(c.overstayDays()).isEqualTo(7);
    }

    @Test
    void aControlDateBeforeALaterExitDoesNotSeeTheExit() {
        CrossingFact[] withExit = List.of(twoStaysThenEntryOnFirstOfJune()).toArray(new CrossingFact[6]);
        withExit[5] = tourist.exit("x3", LocalDate.of(2025, 7, 20));

        ControlCheck onFifteenthOfJune = control(LocalDate.of(2025, 6, 15), withExit);
        ControlCheck dayAfterExit = control(LocalDate.of(2025, 7, 21), withExit);

        assertThat(onFifteenthOfJune.inCountry()).isTrue();
        assertThat(onFifteenthOfJune.daysUsed()).isEqualTo(57);
        // window 22.01-21.07.2025: 31 days of March and 50 days from 01.06 to 20.07
        assertThat(dayAfterExit.inCountry()).isFalse();
        assertThat(dayAfterExit.daysUsed()).isEqualTo(81);
        assertThat(dayAfterExit.daysLeft()).isEqualTo(9);
        assertThat(dayAfterExit.latestAuthorisedExit()).isNull();
        assertThat(dayAfterExit.overstayDays()).isNull();
    }

    @Test
    void aTravellerFirstSeenAfterTheControlDateHadUsedNothing() {
        ControlCheck c = control(LocalDate.of(2025, 1, 1), tourist.entry("e1", LocalDate.of(2025, 2, 1)));

        assertThat(c.result()).isEqualTo(Result.CALCULATED);
        assertThat(c.daysUsed()).isZero();
        assertThat(c.daysLeft()).isEqualTo(90);
        assertThat(c.inCountry()).isFalse();
    }

    @Test
    void aSixtyDayStayLeavesARollingStayUntilTheTwentyNinthOfAugust() {
        // 01.01-01.03.2025 is 60 days; from 01.06 one January day leaves the window for every day stayed from
        // 30.06 on, so a stay from 01.06 reaches 90 in its window on 29.08.2025 and stays there
        CrossingFact[] recorded = {
            tourist.entry("e1", LocalDate.of(2025, 1, 1)), tourist.exit("x1", LocalDate.of(2025, 3, 1))
        };

        PlanCheck toEndOfAugust = plan(
                LocalDate.of(2025, 5, 1), List.of(stay(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 8, 31))), recorded);

        assertThat(toEndOfAugust.authorised()).isFalse();
        assertThat(toEndOfAugust.stays().get(0).lastAuthorisedDay()).isEqualTo(LocalDate.of(2025, 8, 29));
        assertThat(toEndOfAugust.stays().get(0).daysOver()).isEqualTo(2);
    }

    @Test
    void severalPlannedStaysCountTheEarlierPlannedOnes() {
        // recorded 01.02-02.03.2025 (30 days); planned 01.04-30.04 and 01.06-30.06 (30 days each): on 30.06 the
        // window 02.01-30.06 holds 90, on 01.07 it would hold 91
        CrossingFact[] recorded = {
            tourist.entry("e1", LocalDate.of(2025, 2, 1)), tourist.exit("x1", LocalDate.of(2025, 3, 2))
        };
        List<PlannedStay> june = List.of(
                stay(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30)),
                stay(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30)));
        List<PlannedStay> toFirstOfJuly = List.of(
                stay(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30)),
                stay(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 1)));

        PlanCheck fits = plan(LocalDate.of(2025, 3, 10), june, recorded);
        PlanCheck oneOver = plan(LocalDate.of(2025, 3, 10), toFirstOfJuly, recorded);

        assertThat(fits.authorised()).isTrue();
        assertThat(fits.stays())
                .extracting(s -> s.entry())
                .containsExactly(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 1));
        assertThat(fits.stays().get(1).daysUsedOnExit()).isEqualTo(90);
        assertThat(oneOver.authorised()).isFalse();
        assertThat(oneOver.stays().get(0).authorised()).isTrue();
        assertThat(oneOver.stays().get(1).lastAuthorisedDay()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(oneOver.stays().get(1).daysOver()).isEqualTo(1);
    }

    @Test
    void aPlannedStayWithNinetyDaysAlreadyUsedIsNotAuthorisedFromItsEntryDay() {
        // 01.01-31.03.2025 is 90 days: an entry on 01.04.2025 would be the 91st
        PlanCheck p = plan(
                LocalDate.of(2025, 3, 31),
                List.of(stay(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 3))),
                tourist.entry("e1", LocalDate.of(2025, 1, 1)),
                tourist.exit("x1", LocalDate.of(2025, 3, 31)));

        assertThat(p.stays().get(0).lastAuthorisedDay()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(p.stays().get(0).daysOver()).isEqualTo(3);
    }

    @Test
    void aTravellerInTheCountryCountsUpToTheClockInPlanning() {
        // in since 01.03.2025, clock 30.03.2025: 30 days present; planned 01.05-31.05.2025 (31 days) fits, 61 used
        PlanCheck p = plan(
                LocalDate.of(2025, 3, 30),
                List.of(stay(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31))),
                tourist.entry("e1", LocalDate.of(2025, 3, 1)));

        assertThat(p.inCountry()).isTrue();
        assertThat(p.authorised()).isTrue();
        assertThat(p.stays().get(0).daysUsedOnExit()).isEqualTo(61);
    }

    @Test
    void residentsWorkersAndStudentsAreNotUnderTheRegime() {
        LocalDate day = LocalDate.of(2025, 6, 1);
        CrossingFact citizenOut = Traveller.citizen().exit("x1", LocalDate.of(2025, 1, 1));
        CrossingFact workerIn = Traveller.foreigner().purpose(Purpose.WORK).entry("e1", LocalDate.of(2025, 1, 1));

        assertThat(control(day, citizenOut).result()).isEqualTo(Result.NOT_UNDER_REGIME);
        assertThat(control(day, workerIn).result()).isEqualTo(Result.NOT_UNDER_REGIME);
        assertThat(control(day, workerIn).daysUsed()).isNull();
        assertThat(plan(day, List.of(stay(day, day.plusDays(5))), workerIn).result())
                .isEqualTo(Result.NOT_UNDER_REGIME);
    }

    @Test
    void aDateBeforeTheKeptHistoryIsNotAnswered() {
        // crossings before 01.05.2025 were pruned; their days present are kept only for windows from 01.05 on
        TravellerCarry carry = new TravellerCarry(
                ResidenceStatus.NON_RESIDENT,
                LocalDate.of(2025, 1, 1),
                List.of(new Presence(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31))));
        List<CrossingFact> kept = List.of(tourist.entry("e2", LocalDate.of(2025, 5, 1)));

        ControlCheck before = StayCalculator.atControlDate(carry, kept, LocalDate.of(2025, 4, 30), Traveller.KAZ);
        ControlCheck on = StayCalculator.atControlDate(carry, kept, LocalDate.of(2025, 5, 10), Traveller.KAZ);

        assertThat(before.result()).isEqualTo(Result.BEFORE_KEPT_HISTORY);
        // window 12.11.2024-10.05.2025: 31 January days from the carry and 10 of May
        assertThat(on.daysUsed()).isEqualTo(41);
    }

    @Test
    void plannedStaysMustEndOnOrAfterTheirEntryAndNotOverlap() {
        assertThatThrownBy(() -> stay(LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StayCalculator.inOrder(List.of(
                        stay(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 10)),
                        stay(LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 20)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlap");
    }
}
