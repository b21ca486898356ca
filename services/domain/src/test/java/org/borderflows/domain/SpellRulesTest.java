package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.QualityIssue;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellKind;
import org.borderflows.schema.SpellState;
import org.junit.jupiter.api.Test;

/** Spells, orphan exits, broken spells and duplicates (RULES.md §3). */
class SpellRulesTest {

    private final Traveller foreigner = Traveller.foreigner();
    private final Traveller citizen = Traveller.citizen();

    @Test
    void nonResidentEntryToExitIsAClosedStay() {
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2025, 3, 20),
                foreigner.entry("e1", LocalDate.of(2025, 3, 1)),
                foreigner.exit("x1", LocalDate.of(2025, 3, 15)));

        Spell stay = e.spells().get(0);
        assertThat(e.spells()).hasSize(1);
        assertThat(stay.getKind()).isEqualTo(SpellKind.STAY);
        assertThat(stay.getState()).isEqualTo(SpellState.CLOSED);
        assertThat(stay.getSpellId()).isEqualTo("uzb-traveller:e1");
        assertThat(stay.getStartDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(stay.getEndEventId()).isEqualTo("x1");
        assertThat(stay.getEndDate()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(stay.getDurationDays()).isEqualTo(14);
        assertThat(stay.getAsOf()).isEqualTo(LocalDate.of(2025, 3, 20));
        assertThat(e.findings()).isEmpty();
    }

    @Test
    void residentExitToEntryIsAnAbsence() {
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2025, 3, 20),
                citizen.exit("x1", LocalDate.of(2025, 3, 1)),
                citizen.entry("e1", LocalDate.of(2025, 3, 11)));

        assertThat(e.spells()).singleElement().satisfies(absence -> {
            assertThat(absence.getKind()).isEqualTo(SpellKind.ABSENCE);
            assertThat(absence.getSpellId()).isEqualTo("kaz-traveller:x1");
            assertThat(absence.getDurationDays()).isEqualTo(10);
            assertThat(absence.getLatestAuthorisedExit()).isNull();
        });
    }

    @Test
    void openStayHasElapsedDaysToTheClock() {
        Evaluation e = Traveller.evaluate(LocalDate.of(2025, 3, 31), foreigner.entry("e1", LocalDate.of(2025, 3, 1)));

        Spell stay = e.spells().get(0);
        assertThat(stay.getState()).isEqualTo(SpellState.OPEN);
        assertThat(stay.getDurationDays()).isEqualTo(30);
        assertThat(stay.getEndDate()).isNull();
        assertThat(e.status().getOpenSpellId()).isEqualTo("uzb-traveller:e1");
    }

    @Test
    void exitOfNonResidentWithoutEntryIsAnOrphanNeverAStay() {
        Evaluation e = Traveller.evaluate(LocalDate.of(2025, 3, 1), foreigner.exit("x1", LocalDate.of(2025, 3, 1)));

        assertThat(e.spells()).isEmpty();
        assertThat(e.findings()).singleElement().satisfies(f -> {
            assertThat(f.getIssue()).isEqualTo(QualityIssue.ORPHAN_EXIT);
            assertThat(f.getEventId()).isEqualTo("x1");
            assertThat(f.getCrossingDate()).isEqualTo(LocalDate.of(2025, 3, 1));
            assertThat(f.getBorderPost()).isEqualTo("KZ-ALA-AIR");
        });
        assertThat(e.outcomes()).hasSize(1);
    }

    @Test
    void secondExitOfNonResidentIsAnOrphan() {
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2025, 4, 1),
                foreigner.entry("e1", LocalDate.of(2025, 3, 1)),
                foreigner.exit("x1", LocalDate.of(2025, 3, 5)),
                foreigner.exit("x2", LocalDate.of(2025, 3, 20)));

        assertThat(e.spells()).extracting(Spell::getState).containsExactly(SpellState.CLOSED);
        assertThat(e.findings())
                .extracting(QualityEvent::getIssue, QualityEvent::getEventId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(QualityIssue.ORPHAN_EXIT, "x2"));
    }

    @Test
    void residentWhoseFirstCrossingIsAnEntryIsNormal() {
        Evaluation e = Traveller.evaluate(LocalDate.of(2025, 3, 1), citizen.entry("e1", LocalDate.of(2025, 3, 1)));

        assertThat(e.spells()).isEmpty();
        assertThat(e.findings()).isEmpty();
    }

    @Test
    void twoEntriesInARowBreakTheEarlierStay() {
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2025, 4, 1),
                foreigner.entry("e1", LocalDate.of(2025, 3, 1)),
                foreigner.entry("e2", LocalDate.of(2025, 3, 20)));

        assertThat(e.spells()).hasSize(2);
        Spell broken = e.spells().get(0);
        assertThat(broken.getState()).isEqualTo(SpellState.BROKEN);
        assertThat(broken.getDurationDays()).isNull();
        assertThat(broken.getEndDate()).isNull();
        assertThat(broken.getDurationClass()).isEqualTo(DurationClass.PENDING);
        assertThat(broken.getClassFinal()).isTrue();
        assertThat(e.spells().get(1).getState()).isEqualTo(SpellState.OPEN);
        assertThat(e.findings())
                .extracting(QualityEvent::getIssue, QualityEvent::getEventId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(QualityIssue.BROKEN_SPELL, "e1"));
    }

    @Test
    void twoExitsInARowOfAResidentBreakTheEarlierAbsence() {
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2025, 4, 1),
                citizen.exit("x1", LocalDate.of(2025, 3, 1)),
                citizen.exit("x2", LocalDate.of(2025, 3, 20)),
                citizen.entry("e1", LocalDate.of(2025, 3, 25)));

        assertThat(e.spells()).extracting(Spell::getState).containsExactly(SpellState.BROKEN, SpellState.CLOSED);
        assertThat(e.spells().get(1).getDurationDays()).isEqualTo(5);
        assertThat(e.findings()).extracting(QualityEvent::getEventId).containsExactly("x1");
    }

    @Test
    void secondEntryInARowOfAResidentIsNoSpellAndNoFinding() {
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2025, 4, 1),
                citizen.exit("x1", LocalDate.of(2025, 3, 1)),
                citizen.entry("e1", LocalDate.of(2025, 3, 5)),
                citizen.entry("e2", LocalDate.of(2025, 3, 20)));

        assertThat(e.spells()).extracting(Spell::getState).containsExactly(SpellState.CLOSED);
        assertThat(e.findings()).isEmpty();
    }

    @Test
    void sameEventIdSentTwiceIsCountedOnce() {
        CrossingFact entry = foreigner.entry("e1", LocalDate.of(2025, 3, 1));
        Evaluation e = Traveller.evaluate(LocalDate.of(2025, 3, 2), entry, entry, entry);

        assertThat(e.spells()).hasSize(1);
        assertThat(e.outcomes()).hasSize(1);
        assertThat(e.findings()).singleElement().satisfies(f -> {
            assertThat(f.getIssue()).isEqualTo(QualityIssue.DUPLICATE);
            assertThat(f.getEventId()).isEqualTo("e1");
            assertThat(f.getOccurrences()).isEqualTo(2);
        });
    }

    @Test
    void sameCardDirectionAndDateUnderAnotherEventIdIsADuplicateOfTheFirst() {
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2025, 3, 2),
                foreigner.entry("e1", LocalDate.of(2025, 3, 1)),
                foreigner.entry("e1-resent", LocalDate.of(2025, 3, 1)));

        assertThat(e.spells()).extracting(Spell::getStartEventId).containsExactly("e1");
        assertThat(e.findings())
                .extracting(QualityEvent::getIssue, QualityEvent::getEventId, QualityEvent::getOccurrences)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(QualityIssue.DUPLICATE, "e1", 1));
    }

    @Test
    void sameDayEntryUnderAnotherCardIsNotADuplicate() {
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2025, 3, 2),
                foreigner.entry("e1", LocalDate.of(2025, 3, 1)),
                foreigner.card("CD 7654321").entry("e2", LocalDate.of(2025, 3, 1)));

        assertThat(e.spells()).extracting(Spell::getState).containsExactly(SpellState.BROKEN, SpellState.OPEN);
    }

    @Test
    void spellCarriesTheStartCardsPurposeAndTheAgeGroupAtItsStart() {
        Traveller t = Traveller.foreigner().bornOn(LocalDate.of(1995, 6, 1));
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2025, 7, 1),
                t.purpose(org.borderflows.schema.Purpose.STUDY).entry("e1", LocalDate.of(2025, 5, 31)),
                t.purpose(org.borderflows.schema.Purpose.TOURISM)
                        .at("KZ-KOR-ROAD")
                        .exit("x1", LocalDate.of(2025, 6, 10)));

        Spell stay = e.spells().get(0);
        assertThat(stay.getPurpose()).isEqualTo(org.borderflows.schema.Purpose.STUDY);
        assertThat(stay.getAgeGroup()).isEqualTo("25-29");
        assertThat(stay.getStartBorderPost()).isEqualTo("KZ-ALA-AIR");
        assertThat(stay.getEndBorderPost()).isEqualTo("KZ-KOR-ROAD");
        assertThat(e.outcomes().get(1).getAgeGroup()).isEqualTo("30-34");
    }

    @Test
    void kindFollowsCitizenshipOfTheReportingCountry() {
        Traveller kazakh = Traveller.ofCitizenship("KAZ");
        Traveller russian = Traveller.ofCitizenship("RUS");

        assertThat(Traveller.evaluate(LocalDate.of(2025, 3, 2), kazakh.exit("x1", LocalDate.of(2025, 3, 1)))
                        .spells()
                        .get(0)
                        .getKind())
                .isEqualTo(SpellKind.ABSENCE);
        assertThat(Traveller.evaluate(LocalDate.of(2025, 3, 2), russian.entry("e1", LocalDate.of(2025, 3, 1)))
                        .spells()
                        .get(0)
                        .getKind())
                .isEqualTo(SpellKind.STAY);
    }

    @Test
    void noCrossingsGiveNothing() {
        Evaluation e = TravellerTimeline.evaluate(null, java.util.List.of(), LocalDate.of(2025, 3, 1), Traveller.KAZ);

        assertThat(e.spells()).isEmpty();
        assertThat(e.outcomes()).isEmpty();
        assertThat(e.status()).isNull();
    }
}
