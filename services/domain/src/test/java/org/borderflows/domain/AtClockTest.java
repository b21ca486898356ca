package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.Spell;
import org.junit.jupiter.api.Test;

/**
 * RULES.md §8: a published value carries facts and dates; what depends on the clock is derived from them by the
 * reader. A value written at one clock and derived at a later one is what an evaluation at the later clock gives.
 */
class AtClockTest {

    private static final LocalDate NEW_YEAR_2025 = LocalDate.of(2025, 1, 1);

    private static Spell openStayWrittenOnEntry(Traveller traveller) {
        return Traveller.evaluate(NEW_YEAR_2025, traveller.entry("e1", NEW_YEAR_2025))
                .spells()
                .get(0);
    }

    @Test
    void openWorkStayIsPendingFor89DaysThenShortTermLabourThenFinalLongTermAfterAYear() {
        Spell written = openStayWrittenOnEntry(Traveller.foreigner().purpose(Purpose.WORK));
        assertThat(written.getDurationClass()).isEqualTo(DurationClass.PENDING);

        Spell day89 = AtClock.spell(written, LocalDate.of(2025, 3, 31), Traveller.KAZ);
        assertThat(day89.getDurationDays()).isEqualTo(89);
        assertThat(day89.getDurationClass()).isEqualTo(DurationClass.PENDING);
        assertThat(day89.getLabour()).isFalse();

        Spell day90 = AtClock.spell(written, LocalDate.of(2025, 4, 1), Traveller.KAZ);
        assertThat(day90.getDurationClass()).isEqualTo(DurationClass.SHORT_TERM);
        assertThat(day90.getClassFinal()).isFalse();
        assertThat(day90.getShortTermMigrant()).isTrue();
        assertThat(day90.getLabour()).isTrue();
        assertThat(day90.getAsOf()).isEqualTo(LocalDate.of(2025, 4, 1));

        Spell day365 = AtClock.spell(written, LocalDate.of(2026, 1, 1), Traveller.KAZ);
        assertThat(day365.getDurationClass()).isEqualTo(DurationClass.LONG_TERM);
        assertThat(day365.getClassFinal()).isTrue();
        assertThat(day365.getLongTermMigrant()).isTrue();
        assertThat(day365.getShortTermMigrant()).isFalse();
    }

    @Test
    void openTourStayIsASuspectedOverstayFromTheDayAfterItsLatestAuthorisedExit() {
        // 2025-01-01 to 2025-03-31 is 90 days present: the last authorised day (RULES.md §7)
        Spell written = openStayWrittenOnEntry(Traveller.foreigner().purpose(Purpose.TOURISM));
        assertThat(written.getLatestAuthorisedExit()).isEqualTo(LocalDate.of(2025, 3, 31));

        assertThat(AtClock.spell(written, LocalDate.of(2025, 3, 31), Traveller.KAZ)
                        .getSuspectedOverstay())
                .isFalse();
        assertThat(AtClock.spell(written, LocalDate.of(2025, 4, 1), Traveller.KAZ)
                        .getSuspectedOverstay())
                .isTrue();
    }

    @Test
    void outcomeIsProvisionalUpToAndIncludingItsFinalDate() {
        CrossingOutcome written = Traveller.evaluate(
                        NEW_YEAR_2025, Traveller.foreigner().entry("e1", NEW_YEAR_2025))
                .outcomes()
                .get(0);
        assertThat(written.getFinalDate()).isEqualTo(LocalDate.of(2026, 1, 1));

        assertThat(AtClock.outcome(written, LocalDate.of(2025, 12, 31)).getProvisional())
                .isTrue();
        assertThat(AtClock.outcome(written, LocalDate.of(2026, 1, 1)).getProvisional())
                .isTrue();
        assertThat(AtClock.outcome(written, LocalDate.of(2026, 1, 2)).getProvisional())
                .isFalse();
    }

    @Test
    void closedSpellsDoNotDependOnTheClock() {
        Traveller t = Traveller.foreigner();
        Spell written = Traveller.evaluate(
                        LocalDate.of(2025, 2, 1), t.entry("e1", NEW_YEAR_2025), t.exit("x1", LocalDate.of(2025, 2, 1)))
                .spells()
                .get(0);

        Spell later = AtClock.spell(written, LocalDate.of(2030, 1, 1), Traveller.KAZ);
        later.setAsOf(written.getAsOf());
        assertThat(later).isEqualTo(written);
    }

    /** The contract itself, over random itineraries: no value needs re-publishing because time passed. */
    @Test
    void valuesWrittenAtTheLastCrossingAndDerivedLaterEqualAnEvaluationAtTheLaterClock() {
        Random random = new Random(20261205L);
        for (int n = 0; n < 500; n++) {
            List<CrossingFact> crossings =
                    random.nextBoolean() ? RandomItineraries.itinerary(random) : RandomItineraries.longGaps(random);
            LocalDate written = RandomItineraries.lastDate(crossings);
            LocalDate later = written.plusDays(random.nextInt(800));
            Evaluation atWriting = TravellerTimeline.evaluate(null, crossings, written, Traveller.KAZ);
            Evaluation atLater = TravellerTimeline.evaluate(null, crossings, later, Traveller.KAZ);
            String what = "itinerary " + n + " written " + written + ", read " + later + ": " + crossings;

            assertThat(atWriting.spells().stream()
                            .map(s -> AtClock.spell(s, later, Traveller.KAZ))
                            .toList())
                    .as(what)
                    .isEqualTo(atLater.spells());
            assertThat(atWriting.outcomes().stream()
                            .map(o -> AtClock.outcome(o, later))
                            .toList())
                    .as(what)
                    .isEqualTo(atLater.outcomes());
        }
    }
}
