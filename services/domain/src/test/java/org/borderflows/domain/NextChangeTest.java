package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.borderflows.schema.Purpose;
import org.junit.jupiter.api.Test;

/** The clock date at which the outputs change with no new crossing (RULES.md §8). */
class NextChangeTest {

    /**
     * The outputs without the counters that tick every day (elapsed days of an open spell, days used and
     * remaining, in-country overstay so far, asOf).
     */
    static String stableView(Evaluation e) {
        StringBuilder view = new StringBuilder();
        e.spells().forEach(s -> view.append(s.getSpellId())
                .append(s.getState())
                .append(s.getState() == org.borderflows.schema.SpellState.OPEN ? "" : s.getDurationDays())
                .append(s.getDurationClass())
                .append(s.getClassFinal())
                .append(s.getShortTermMigrant())
                .append(s.getLongTermMigrant())
                .append(s.getLabour())
                .append(s.getLatestAuthorisedExit())
                .append(s.getOverstayDays())
                .append(s.getSuspectedOverstay())
                .append('\n'));
        e.outcomes().forEach(o -> view.append(o.getEventId())
                .append(o.getStatusBefore())
                .append(o.getStatusAfter())
                .append(o.getLongTermMigration())
                .append(o.getFinalDate())
                .append(o.getProvisional())
                .append('\n'));
        view.append(e.status().getStatus())
                .append(e.status().getOpenSpellId())
                .append(e.status().getLatestAuthorisedExit())
                .append(e.status().getSuspectedOverstay());
        return view.toString();
    }

    @Test
    void openWorkStayChangesWhenItReachesNinetyDays() {
        Traveller worker = Traveller.foreigner().purpose(Purpose.WORK);
        Evaluation e = Traveller.evaluate(LocalDate.of(2025, 1, 15), worker.entry("e1", LocalDate.of(2025, 1, 1)));

        assertThat(e.nextChange()).contains(LocalDate.of(2025, 4, 1));
    }

    @Test
    void afterNinetyDaysTheNextChangeIsTheProvisionalOutcomesFinalDate() {
        Traveller worker = Traveller.foreigner().purpose(Purpose.WORK);
        Evaluation e = Traveller.evaluate(LocalDate.of(2025, 4, 1), worker.entry("e1", LocalDate.of(2025, 1, 1)));

        assertThat(e.nextChange()).contains(LocalDate.of(2026, 1, 1));
    }

    @Test
    void openTouristStayChangesTheDayAfterItsLatestAuthorisedExit() {
        Traveller tourist = Traveller.foreigner().purpose(Purpose.TOURISM);
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2025, 4, 10),
                tourist.entry("e1", LocalDate.of(2025, 1, 1)),
                tourist.exit("x1", LocalDate.of(2025, 2, 1)),
                tourist.entry("e2", LocalDate.of(2025, 4, 1)));

        assertThat(e.spells().get(1).getLatestAuthorisedExit()).isEqualTo(LocalDate.of(2025, 5, 28));
        assertThat(e.nextChange()).contains(LocalDate.of(2025, 5, 29));
    }

    @Test
    void settledHistoryHasNoNextChange() {
        Traveller t = Traveller.foreigner();
        Evaluation e = Traveller.evaluate(
                LocalDate.of(2026, 1, 1),
                t.entry("e1", LocalDate.of(2025, 1, 1)),
                t.exit("x1", LocalDate.of(2025, 1, 5)));

        assertThat(e.nextChange()).isEmpty();
    }

    @Test
    void outputsChangeOnNextChangeAndNeverBefore() {
        Random random = new Random(42L);
        for (int n = 0; n < 300; n++) {
            List<CrossingFact> crossings = RandomItineraries.itinerary(random);
            LocalDate clock = RandomItineraries.lastDate(crossings);
            for (int step = 0; step < 6; step++) {
                Evaluation now = TravellerTimeline.evaluate(null, crossings, clock, Traveller.KAZ);
                Optional<LocalDate> next = now.nextChange();
                String what = "itinerary " + n + " at " + clock + ": " + crossings;
                if (next.isEmpty()) {
                    assertThat(stableView(
                                    TravellerTimeline.evaluate(null, crossings, clock.plusDays(2000), Traveller.KAZ)))
                            .as(what)
                            .isEqualTo(stableView(now));
                    break;
                }
                LocalDate change = next.get();
                assertThat(change).as(what).isAfter(clock);
                for (LocalDate day = clock.plusDays(1); day.isBefore(change); day = day.plusDays(1)) {
                    assertThat(stableView(TravellerTimeline.evaluate(null, crossings, day, Traveller.KAZ)))
                            .as(what + " on " + day)
                            .isEqualTo(stableView(now));
                }
                Evaluation dayBefore = TravellerTimeline.evaluate(null, crossings, change.minusDays(1), Traveller.KAZ);
                Evaluation onTheDay = TravellerTimeline.evaluate(null, crossings, change, Traveller.KAZ);
                assertThat(stableView(onTheDay)).as(what + " on " + change).isNotEqualTo(stableView(dayBefore));
                clock = change;
            }
        }
    }
}
