package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.borderflows.schema.ResidenceStatus;
import org.junit.jupiter.api.Test;

/** Bounded state: what {@link TravellerTimeline#prune} drops and what it carries. */
class PruneTest {

    private static final int KEEP_DAYS = 30;

    @Test
    void provisionalOutcomesKeepEveryCrossing() {
        Traveller t = Traveller.foreigner();
        List<CrossingFact> crossings = List.of(
                t.entry("e1", LocalDate.of(2024, 1, 10)),
                t.exit("x1", LocalDate.of(2024, 1, 20)),
                t.entry("e2", LocalDate.of(2024, 2, 10)));

        TravellerTimeline.Pruned pruned =
                TravellerTimeline.prune(null, crossings, LocalDate.of(2024, 3, 1), Traveller.KAZ, KEEP_DAYS);

        assertThat(pruned.kept()).isEqualTo(crossings);
        assertThat(pruned.carry()).isNull();
    }

    @Test
    void settledVisitsAreDroppedAndTheirStatusCarried() {
        Traveller t = Traveller.foreigner();
        List<CrossingFact> crossings = List.of(
                t.entry("e1", LocalDate.of(2022, 1, 10)),
                t.exit("x1", LocalDate.of(2022, 1, 20)),
                t.entry("e2", LocalDate.of(2023, 6, 1)),
                t.exit("x2", LocalDate.of(2023, 6, 11)),
                t.entry("e3", LocalDate.of(2024, 11, 1)));

        TravellerTimeline.Pruned pruned =
                TravellerTimeline.prune(null, crossings, LocalDate.of(2025, 1, 1), Traveller.KAZ, KEEP_DAYS);

        assertThat(pruned.kept()).extracting(CrossingFact::eventId).containsExactly("e2", "x2", "e3");
        assertThat(pruned.carry().status()).isEqualTo(ResidenceStatus.NON_RESIDENT);
        assertThat(pruned.carry().statusFinalDate()).isEqualTo(LocalDate.of(2022, 5, 22));
    }

    @Test
    void crossingsInsideTheLateArrivalHorizonAreKept() {
        Traveller t = Traveller.foreigner();
        List<CrossingFact> crossings = List.of(
                t.entry("e1", LocalDate.of(2022, 1, 10)),
                t.exit("x1", LocalDate.of(2022, 1, 20)),
                t.entry("e2", LocalDate.of(2023, 6, 1)));

        TravellerTimeline.Pruned pruned =
                TravellerTimeline.prune(null, crossings, LocalDate.of(2023, 6, 20), Traveller.KAZ, KEEP_DAYS);

        assertThat(pruned.kept()).isEqualTo(crossings);
    }

    @Test
    void frequentVisitorsStateStaysBounded() {
        Traveller t = Traveller.foreigner();
        TravellerCarry carry = null;
        List<CrossingFact> state = new ArrayList<>();
        LocalDate day = LocalDate.of(2020, 1, 1);
        for (int visit = 0; visit < 200; visit++) {
            state.add(t.entry("e" + visit, day));
            state.add(t.exit("x" + visit, day.plusDays(3)));
            day = day.plusDays(10);
            TravellerTimeline.Pruned pruned = TravellerTimeline.prune(carry, state, day, Traveller.KAZ, KEEP_DAYS);
            carry = pruned.carry();
            state = new ArrayList<>(pruned.kept());
        }

        assertThat(state.size()).isLessThan(120);
        assertThat(carry.presence()).isNotEmpty();
    }

    @Test
    void regularVisitorsOldCrossingsAreDropped() {
        for (int every : new int[] {28, 400}) {
            Traveller t = Traveller.foreigner();
            List<CrossingFact> crossings = new ArrayList<>();
            LocalDate day = LocalDate.of(2020, 1, 1);
            for (int visit = 0; visit < 40; visit++) {
                crossings.add(t.entry("e" + visit, day.plusDays((long) visit * every)));
                crossings.add(t.exit("x" + visit, day.plusDays((long) visit * every + 7)));
            }
            LocalDate clock = crossings.get(crossings.size() - 1).date().plusDays(1);

            TravellerTimeline.Pruned pruned = TravellerTimeline.prune(null, crossings, clock, Traveller.KAZ, KEEP_DAYS);

            assertThat(pruned.kept().size())
                    .as("kept of visits every " + every + " days")
                    .isLessThan(20);
        }
    }

    @Test
    void carrySurvivesItsBinaryForm() {
        TravellerCarry carry = new TravellerCarry(
                ResidenceStatus.RESIDENT,
                LocalDate.of(2024, 5, 1),
                List.of(new TravellerCarry.Presence(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31))),
                Map.of("x7", LocalDate.of(2024, 2, 1)));

        assertThat(TravellerCarry.fromBytes(carry.toBytes())).isEqualTo(carry);
        TravellerCarry dated = new TravellerCarry(
                ResidenceStatus.RESIDENT,
                LocalDate.of(2024, 5, 1),
                List.of(),
                Map.of(),
                List.of(LocalDate.of(2024, 3, 1)),
                LocalDate.of(2024, 3, 1),
                LocalDate.of(2023, 4, 20));
        assertThat(TravellerCarry.fromBytes(dated.toBytes())).isEqualTo(dated);
        TravellerCarry empty = new TravellerCarry(null, null);
        assertThat(TravellerCarry.fromBytes(empty.toBytes())).isEqualTo(empty);
    }
}
