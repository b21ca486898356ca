package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.Spell;
import org.borderflows.schema.TravellerStatus;
import org.junit.jupiter.api.Test;

/** Authorised stay, 90 days in any 180 (RULES.md §7), with the two checks given there. */
class AuthorisedStayTest {

    private final Traveller tourist = Traveller.foreigner().purpose(Purpose.TOURISM);

    @Test
    void exitOnNinthOfJuneAfterThreeStaysIsNineDaysOver() {
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2014, 6, 9),
                tourist.entry("e1", LocalDate.of(2013, 9, 1)),
                tourist.exit("x1", LocalDate.of(2013, 9, 30)),
                tourist.entry("e2", LocalDate.of(2014, 2, 21)),
                tourist.exit("x2", LocalDate.of(2014, 4, 20)),
                tourist.entry("e3", LocalDate.of(2014, 5, 1)),
                tourist.exit("x3", LocalDate.of(2014, 6, 9)));

        Spell third = e.spells().get(2);
        assertThat(third.getLatestAuthorisedExit()).isEqualTo(LocalDate.of(2014, 5, 31));
        assertThat(third.getOverstayDays()).isEqualTo(9);
        assertThat(e.spells().get(0).getOverstayDays()).isZero();
        assertThat(e.spells().get(1).getOverstayDays()).isZero();
        assertThat(e.status().getOverstayDays()).isEqualTo(9);
    }

    @Test
    void entryOnFirstOfNovemberAfterFortySevenDaysMayStayUntilThirteenthOfDecember() {
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2014, 11, 1),
                tourist.entry("e1", LocalDate.of(2014, 8, 15)),
                tourist.exit("x1", LocalDate.of(2014, 9, 30)),
                tourist.entry("e2", LocalDate.of(2014, 11, 1)));

        assertThat(e.spells().get(1).getLatestAuthorisedExit()).isEqualTo(LocalDate.of(2014, 12, 13));
        assertThat(e.status().getLatestAuthorisedExit()).isEqualTo(LocalDate.of(2014, 12, 13));
    }

    @Test
    void aStayCarriesTheCardNumberOfItsEntryCardForTheAgencyList() {
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2025, 3, 1),
                tourist.card("MC 0042").entry("e1", LocalDate.of(2025, 1, 1)),
                tourist.card("MC 0043").exit("x1", LocalDate.of(2025, 1, 20)),
                tourist.card("MC 0044").entry("e2", LocalDate.of(2025, 2, 1)));

        assertThat(e.spells()).extracting(Spell::getStartCardNumber).containsExactly("MC 0042", "MC 0044");
    }

    @Test
    void firstEntryMayStayNinetyDaysCountingEntryDay() {
        Evaluation e = Traveller.evaluate(LocalDate.of(2025, 1, 1), tourist.entry("e1", LocalDate.of(2025, 1, 1)));

        assertThat(e.spells().get(0).getLatestAuthorisedExit()).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void daysUsedAndRemainingCountEntryAndClockDay() {
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2025, 1, 10),
                tourist.entry("e1", LocalDate.of(2024, 12, 1)),
                tourist.exit("x1", LocalDate.of(2024, 12, 10)),
                tourist.entry("e2", LocalDate.of(2025, 1, 6)));

        TravellerStatus status = e.status();
        assertThat(status.getDaysUsed()).isEqualTo(15);
        assertThat(status.getDaysRemaining()).isEqualTo(75);
        assertThat(status.getSuspectedOverstay()).isFalse();
    }

    @Test
    void stillInTheCountryPastTheLatestAuthorisedExitIsASuspectedOverstay() {
        CrossingFact entry = tourist.entry("e1", LocalDate.of(2025, 1, 1));

        Evaluation onLastDay = Traveller.evaluate(LocalDate.of(2025, 3, 31), entry);
        Evaluation dayAfter = Traveller.evaluate(LocalDate.of(2025, 4, 1), entry);

        assertThat(onLastDay.spells().get(0).getSuspectedOverstay()).isFalse();
        assertThat(onLastDay.status().getSuspectedOverstay()).isFalse();
        assertThat(dayAfter.spells().get(0).getSuspectedOverstay()).isTrue();
        assertThat(dayAfter.status().getSuspectedOverstay()).isTrue();
        assertThat(dayAfter.status().getOverstayDays()).isEqualTo(1);
        assertThat(dayAfter.status().getDaysRemaining()).isZero();
    }

    @Test
    void exitOnTheLatestAuthorisedDayIsNoOverstay() {
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2025, 3, 31),
                tourist.entry("e1", LocalDate.of(2025, 1, 1)),
                tourist.exit("x1", LocalDate.of(2025, 3, 31)));

        assertThat(e.spells().get(0).getOverstayDays()).isZero();
        assertThat(e.spells().get(0).getSuspectedOverstay()).isFalse();
    }

    @Test
    void workerIsNotUnderTheRegime() {
        Traveller worker = Traveller.foreigner().purpose(Purpose.WORK);
        Evaluation e = Traveller.evaluate(LocalDate.of(2025, 6, 1), worker.entry("e1", LocalDate.of(2025, 1, 1)));

        assertThat(e.spells().get(0).getLatestAuthorisedExit()).isNull();
        assertThat(e.spells().get(0).getSuspectedOverstay()).isFalse();
        assertThat(e.status().getDaysUsed()).isNull();
        assertThat(e.status().getDaysRemaining()).isNull();
    }

    @Test
    void workStayDoesNotUseTouristDays() {
        Traveller t = Traveller.foreigner();
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2025, 6, 1),
                t.purpose(Purpose.WORK).entry("e1", LocalDate.of(2025, 1, 1)),
                t.exit("x1", LocalDate.of(2025, 5, 1)),
                t.purpose(Purpose.TOURISM).entry("e2", LocalDate.of(2025, 6, 1)));

        assertThat(e.spells().get(1).getLatestAuthorisedExit()).isEqualTo(LocalDate.of(2025, 8, 29));
    }

    @Test
    void residentIsNotUnderTheRegime() {
        Traveller t = Traveller.citizen();
        Evaluation e = Traveller.evaluate(LocalDate.of(2025, 6, 1), t.exit("x1", LocalDate.of(2025, 1, 1)));

        assertThat(e.status().getDaysUsed()).isNull();
        assertThat(e.status().getLatestAuthorisedExit()).isNull();
    }

    @Test
    void exemptCitizenshipIsNotUnderTheRegime() {
        RuleSettings settings = new RuleSettings(
                "KAZ",
                90,
                365,
                487,
                365,
                180,
                90,
                new VisaFreeRegime(Set.of("UZB"), Set.of(Purpose.WORK)),
                BorderWorkerRule.UN_1998);
        Evaluation e = TravellerTimeline.evaluate(
                null, List.of(tourist.entry("e1", LocalDate.of(2025, 1, 1))), LocalDate.of(2025, 6, 1), settings);

        assertThat(e.spells().get(0).getLatestAuthorisedExit()).isNull();
    }

    @Test
    void defaultRegimeCoversNonResidentsExceptWorkAndStudy() {
        VisaFreeRegime regime = VisaFreeRegime.defaults();

        assertThat(regime.applies("UZB", Purpose.TOURISM, false)).isTrue();
        assertThat(regime.applies("UZB", Purpose.TRANSIT, false)).isTrue();
        assertThat(regime.applies("UZB", Purpose.WORK, false)).isFalse();
        assertThat(regime.applies("UZB", Purpose.STUDY, false)).isFalse();
        assertThat(regime.applies("KAZ", Purpose.TOURISM, true)).isFalse();
    }
}
