package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.Spell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Duration classes and UN categories (RULES.md §4). */
class DurationClassTest {

    private static Spell closedStay(Traveller t, LocalDate entry, LocalDate exit) {
        return Traveller.evaluate(exit, t.entry("e1", entry), t.exit("x1", exit))
                .spells()
                .get(0);
    }

    private static Spell openStay(Traveller t, LocalDate entry, LocalDate clock) {
        return Traveller.evaluate(clock, t.entry("e1", entry)).spells().get(0);
    }

    @Test
    void sameDayReturnIsAZeroDayVisit() {
        Spell stay = closedStay(Traveller.foreigner(), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1));

        assertThat(stay.getDurationDays()).isZero();
        assertThat(stay.getDurationClass()).isEqualTo(DurationClass.VISIT);
        assertThat(stay.getClassFinal()).isTrue();
    }

    @ParameterizedTest(name = "{0} to {1} is {2} days, {3}")
    @CsvSource({
        "2025-01-01, 2025-03-31, 89, VISIT",
        "2025-01-01, 2025-04-01, 90, SHORT_TERM",
        "2025-01-01, 2025-12-31, 364, SHORT_TERM",
        "2025-01-01, 2026-01-01, 365, LONG_TERM"
    })
    void closedStayIsClassedByItsDays(LocalDate entry, LocalDate exit, int days, DurationClass expected) {
        Spell stay = closedStay(Traveller.foreigner(), entry, exit);

        assertThat(stay.getDurationDays()).isEqualTo(days);
        assertThat(stay.getDurationClass()).isEqualTo(expected);
        assertThat(stay.getClassFinal()).isTrue();
    }

    @Test
    void openStayUnderNinetyDaysIsPendingAndNotFinal() {
        Spell stay = openStay(Traveller.foreigner(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));

        assertThat(stay.getDurationDays()).isEqualTo(89);
        assertThat(stay.getDurationClass()).isEqualTo(DurationClass.PENDING);
        assertThat(stay.getClassFinal()).isFalse();
    }

    @Test
    void openStayOfNinetyDaysIsProvisionallyShortTerm() {
        Spell stay = openStay(Traveller.foreigner(), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1));

        assertThat(stay.getDurationClass()).isEqualTo(DurationClass.SHORT_TERM);
        assertThat(stay.getClassFinal()).isFalse();
    }

    @Test
    void openStayOfAYearIsFinallyLongTerm() {
        Spell stay = openStay(Traveller.foreigner(), LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));

        assertThat(stay.getDurationClass()).isEqualTo(DurationClass.LONG_TERM);
        assertThat(stay.getClassFinal()).isTrue();
        assertThat(stay.getLongTermMigrant()).isTrue();
    }

    @ParameterizedTest(name = "{0} for 100 days: short-term migrant {1}")
    @CsvSource({
        "STUDY, true",
        "WORK, true",
        "OTHER, true",
        "TOURISM, false",
        "PRIVATE, false",
        "BUSINESS, false",
        "OFFICIAL, false",
        "TRANSIT, false"
    })
    void shortTermMigrantDependsOnPurpose(Purpose purpose, boolean migrant) {
        Spell stay =
                closedStay(Traveller.foreigner().purpose(purpose), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 11));

        assertThat(stay.getDurationClass()).isEqualTo(DurationClass.SHORT_TERM);
        assertThat(stay.getShortTermMigrant()).isEqualTo(migrant);
        assertThat(stay.getLongTermMigrant()).isFalse();
    }

    @Test
    void longTermSpellIsALongTermMigrantWhateverThePurpose() {
        Spell stay = closedStay(
                Traveller.foreigner().purpose(Purpose.TOURISM), LocalDate.of(2024, 1, 1), LocalDate.of(2025, 6, 1));

        assertThat(stay.getLongTermMigrant()).isTrue();
        assertThat(stay.getShortTermMigrant()).isFalse();
    }

    @Test
    void workStayOfNinetyDaysIsALabourMigrant() {
        Traveller worker = Traveller.foreigner().purpose(Purpose.WORK);

        assertThat(closedStay(worker, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1))
                        .getLabour())
                .isTrue();
        assertThat(closedStay(worker, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31))
                        .getLabour())
                .isFalse();
    }

    @Test
    void nonWorkStayIsNeverLabour() {
        Traveller student = Traveller.foreigner().purpose(Purpose.STUDY);

        assertThat(closedStay(student, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 6, 1))
                        .getLabour())
                .isFalse();
    }

    @Test
    void residentAbroadForWorkNinetyDaysIsALabourEmigrant() {
        Traveller t = Traveller.citizen();
        Spell absence = Traveller.evaluate(
                        LocalDate.of(2025, 6, 1),
                        t.purpose(Purpose.WORK).exit("x1", LocalDate.of(2025, 1, 1)),
                        t.purpose(Purpose.PRIVATE).entry("e1", LocalDate.of(2025, 5, 1)))
                .spells()
                .get(0);

        assertThat(absence.getPurpose()).isEqualTo(Purpose.WORK);
        assertThat(absence.getLabour()).isTrue();
        assertThat(absence.getDurationClass()).isEqualTo(DurationClass.SHORT_TERM);
    }

    @Test
    void openWorkAbsenceBecomesLabourWhenTheClockPassesNinetyDays() {
        Traveller t = Traveller.citizen().purpose(Purpose.WORK);
        CrossingFact exit = t.exit("x1", LocalDate.of(2025, 1, 1));

        assertThat(Traveller.evaluate(LocalDate.of(2025, 3, 31), exit)
                        .spells()
                        .get(0)
                        .getLabour())
                .isFalse();
        assertThat(Traveller.evaluate(LocalDate.of(2025, 4, 1), exit)
                        .spells()
                        .get(0)
                        .getLabour())
                .isTrue();
    }
}
