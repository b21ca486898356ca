package org.borderflows.simulator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.borderflows.schema.Purpose;
import org.junit.jupiter.api.Test;

/** The two checks of RULES.md §7. */
class AuthorisedStayTest {
    private static final AuthorisedStay SCHENGEN = new AuthorisedStay(180, 90); // RULES.md §7: 90 days in 180

    @Test
    void thirdStayOfTheRulesCheckExitsNineDaysOver() {
        List<AuthorisedStay.Presence> earlier = List.of(
                new AuthorisedStay.Presence(LocalDate.of(2013, 9, 1), LocalDate.of(2013, 9, 30)),
                new AuthorisedStay.Presence(LocalDate.of(2014, 2, 21), LocalDate.of(2014, 4, 20)));

        LocalDate latest = SCHENGEN.latestExit(earlier, LocalDate.of(2014, 5, 1));

        assertThat(latest).isEqualTo(LocalDate.of(2014, 5, 31));
        assertThat(AuthorisedStay.overstayDays(latest, LocalDate.of(2014, 6, 9)))
                .isEqualTo(9);
    }

    @Test
    void afterFortySevenDaysAnEntryOnFirstNovemberMayStayUntilThirteenthDecember() {
        List<AuthorisedStay.Presence> earlier =
                List.of(new AuthorisedStay.Presence(LocalDate.of(2014, 8, 15), LocalDate.of(2014, 9, 30)));

        assertThat(SCHENGEN.latestExit(earlier, LocalDate.of(2014, 11, 1))).isEqualTo(LocalDate.of(2014, 12, 13));
    }

    @Test
    void aFirstStayMayLastNinetyDaysEntryAndExitIncluded() {
        assertThat(SCHENGEN.latestExit(List.of(), LocalDate.of(2025, 1, 1))).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void workersAndStudentsAreNotUnderTheVisaFreeRegime() {
        assertThat(AuthorisedStay.visaFree(false, Purpose.WORK)).isFalse();
        assertThat(AuthorisedStay.visaFree(false, Purpose.STUDY)).isFalse();
        assertThat(AuthorisedStay.visaFree(false, Purpose.TOURISM)).isTrue();
        assertThat(AuthorisedStay.visaFree(true, Purpose.TOURISM)).isFalse();
    }

    @Test
    void theRulesCheckItineraryGivesANineDayOverstayOnTheThirdStay() {
        TravellerRules.Result r = TravellerRules.defaults()
                .evaluate(
                        Itineraries.of()
                                .entry(LocalDate.of(2013, 9, 1))
                                .exit(LocalDate.of(2013, 9, 30))
                                .entry(LocalDate.of(2014, 2, 21))
                                .exit(LocalDate.of(2014, 4, 20))
                                .entry(LocalDate.of(2014, 5, 1))
                                .exit(LocalDate.of(2014, 6, 9))
                                .list(),
                        false,
                        LocalDate.of(2014, 12, 31));

        assertThat(r.spells()).extracting(TruthSpell::overstayDays).containsExactly(0, 0, 9);
    }
}
