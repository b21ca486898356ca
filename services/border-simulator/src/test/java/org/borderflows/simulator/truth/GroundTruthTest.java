package org.borderflows.simulator.truth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.simulator.gen.Fault;
import org.borderflows.simulator.gen.FaultRates;
import org.borderflows.simulator.gen.Simulation;
import org.borderflows.simulator.rules.SpellState;
import org.borderflows.simulator.rules.Xing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroundTruthTest {
    private static GroundTruth truth;

    @BeforeAll
    static void compute() {
        Simulation.World world = Simulation.run(new Simulation.Settings(
                YearMonth.of(2025, 1),
                YearMonth.of(2025, 12),
                0,
                20_000,
                3,
                FaultRates.all(0.01),
                ZoneId.of("Asia/Almaty")));
        truth = GroundTruth.compute(world, TravellerPseudonymiser.development());
    }

    @Test
    void theClockIsTheLastDeliveredCrossingDate() {
        assertThat(truth.clock()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void travellersWithAllCardsDeliveredHaveTheSameResultsFromRealAndDeliveredCrossings() {
        assertThat(truth.travellers()).filteredOn(TravellerTruth::allDelivered).allSatisfy(t -> {
            assertThat(t.delivered().spells()).isEqualTo(t.real().spells());
            assertThat(t.delivered().outcomes()).isEqualTo(t.real().outcomes());
        });
    }

    /**
     * Unless a same-minute pair follows the stay: its crossings alternate with the entry before them (RULES.md §3
     * "Order"), so the pair's exit ends the stay, and its entry starts the next one.
     */
    @Test
    void aLostExitThatEndedAStayLeavesItOpenOrBroken() {
        int checked = 0;
        for (TravellerTruth t : truth.travellers()) {
            for (var spell : t.real().spells()) {
                Simulation.Fate end = spell.endEventId() == null
                        ? null
                        : truth.world().fates().get(spell.endEventId());
                Simulation.Fate start = truth.world().fates().get(spell.startEventId());
                if (spell.stay()
                        && end != null
                        && end.fault() == Fault.LOST_EXIT
                        && start.fault().delivered()) {
                    checked++;
                    assertThat(t.delivered().spells())
                            .filteredOn(s -> s.startEventId().equals(spell.startEventId()))
                            .singleElement()
                            .satisfies(s -> assertThat(
                                            s.state() != SpellState.CLOSED || endsASameMinutePair(t, s.endEventId()))
                                    .as("stay %s ends %s", s.startEventId(), s.endEventId())
                                    .isTrue());
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    private static boolean endsASameMinutePair(TravellerTruth t, String endEventId) {
        List<Xing> accepted = t.delivered().accepted();
        for (int i = 1; i < accepted.size(); i++) {
            if (accepted.get(i - 1).eventId().equals(endEventId)) {
                return accepted.get(i).crossedAt().equals(accepted.get(i - 1).crossedAt());
            }
        }
        return false;
    }

    @Test
    void theDatasetsCountEveryRealCrossingOnce() {
        List<Fact> facts = DatasetFacts.of(truth, false);
        long crossings = truth.travellers().stream()
                .mapToLong(t -> t.real().accepted().size())
                .sum();

        Map<List<String>, Double> total =
                DatasetFacts.aggregate(facts, "crossings", "count", List.of(), Map.of(), null, null);

        assertThat(total.get(List.of())).isEqualTo((double) crossings);
    }

    @Test
    void labourStaysArriveMostlyInSpring() {
        List<Fact> facts = DatasetFacts.of(truth, false);
        Map<List<String>, Double> byMonth = DatasetFacts.aggregate(
                facts, "labour", "count", List.of(Dim.MONTH), Map.of(Dim.FLOW, Set.of("IN")), null, null);

        assertThat(byMonth.getOrDefault(List.of("2025-04"), 0.0))
                .isGreaterThan(byMonth.getOrDefault(List.of("2025-11"), 0.0));
    }

    @Test
    void anOverstayAtExitIsCountedInTheMonthOfTheExit() {
        // the query service's overstays dataset: AT_EXIT by month of exit (services/flow-query/README.md)
        Map<List<String>, Double> expected = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        truth.travellers().stream()
                .flatMap(t -> t.delivered().spells().stream())
                .filter(sp -> sp.stay() && sp.endDate() != null && sp.overstayDays() != null && sp.overstayDays() > 0)
                .forEach(sp ->
                        expected.merge(List.of(YearMonth.from(sp.endDate()).toString()), 1.0, Double::sum));

        Map<List<String>, Double> byMonth = DatasetFacts.aggregate(
                DatasetFacts.of(truth, true),
                "overstays",
                "count",
                List.of(Dim.MONTH),
                Map.of(Dim.FLOW, Set.of("AT_EXIT")),
                null,
                null);

        assertThat(expected).isNotEmpty();
        assertThat(byMonth).isEqualTo(expected);
    }

    @Test
    void everyExpectedDepartureEndsOneOfFourWaysInTheMonthOfItsLatestAuthorisedExit() {
        // the query service's overstay-rates dataset (RULES.md §7): month of the latest authorised exit L
        List<Fact> facts = DatasetFacts.of(truth, true);
        Map<List<String>, Double> expected = DatasetFacts.aggregate(
                facts, "overstay-rates", "expectedDepartures", List.of(Dim.MONTH), Map.of(), null, null);
        Map<List<String>, Double> ways = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        for (String way : List.of("departedOnTime", "outOfCountryOverstays", "inCountryOverstays", "inCountryNotDue")) {
            DatasetFacts.aggregate(facts, "overstay-rates", way, List.of(Dim.MONTH), Map.of(), null, null)
                    .forEach((k, v) -> ways.merge(k, v, Double::sum));
        }
        Map<List<String>, Double> late = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        truth.travellers().stream()
                .flatMap(t -> t.delivered().spells().stream())
                .filter(sp -> sp.stay() && sp.endDate() != null && sp.overstayDays() != null && sp.overstayDays() > 0)
                .forEach(sp -> late.merge(
                        List.of(YearMonth.from(sp.latestAuthorisedExit()).toString()), 1.0, Double::sum));

        assertThat(expected).isNotEmpty();
        assertThat(ways).isEqualTo(expected);
        assertThat(DatasetFacts.aggregate(
                        facts, "overstay-rates", "outOfCountryOverstays", List.of(Dim.MONTH), Map.of(), null, null))
                .isEqualTo(late);
    }
}
