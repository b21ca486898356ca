package org.borderflows.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.borderflows.domain.Evaluation;
import org.borderflows.domain.RuleSettings;
import org.borderflows.domain.TravellerTimeline;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.schema.Spell;
import org.borderflows.simulator.gen.FaultRates;
import org.borderflows.simulator.gen.Persona;
import org.borderflows.simulator.gen.Simulation;
import org.borderflows.simulator.rules.FrontierWorkers;
import org.borderflows.simulator.truth.GroundTruth;
import org.borderflows.simulator.truth.TravellerTruth;
import org.junit.jupiter.api.Test;

/**
 * Acceptance of docs/rules.md §4a through the stay engine's rules: every simulated traveller's crossings are evaluated
 * by {@link TravellerTimeline} as the engine does, and a traveller is found when any of its spells is marked a
 * border worker's. Recall and precision against the simulator's personas (its truth of who commutes for work) are
 * printed and held to thresholds; the spells marked agree one for one with the simulator's independent reading
 * ({@link FrontierWorkers}) on the same itineraries.
 */
class BorderWorkerRecallTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    @Test
    void theEngineFindsTheSimulatedFrontierWorkers() {
        // a year, 80,000 cards, seed 11, no faults: the figures quoted in docs/rules.md §4a
        Simulation.World world = Simulation.run(new Simulation.Settings(
                YearMonth.of(2024, 7), YearMonth.of(2025, 6), 0, 80_000, 11, FaultRates.NONE, ZONE));
        GroundTruth truth = GroundTruth.compute(world, TravellerPseudonymiser.development());
        RuleSettings settings = RuleSettings.defaults("KAZ");
        LocalDate clock = truth.clock();
        int truePositive = 0;
        int falsePositive = 0;
        int falseNegative = 0;
        Map<String, Integer> markedByPersona = new TreeMap<>();
        Set<String> engineMarked = new TreeSet<>();
        Set<String> truthMarked = new TreeSet<>();
        for (TravellerTruth t : truth.travellers()) {
            Evaluation e = TravellerTimeline.evaluate(
                    null, SimulatedFacts.facts(t.traveller(), t.real().accepted()), clock, settings);
            long marked = e.spells().stream().filter(Spell::getBorderWorker).count();
            e.spells().stream()
                    .filter(Spell::getBorderWorker)
                    .forEach(s ->
                            engineMarked.add(s.getStartEventId() + (s.getFirstBorderWorkerSpellOfMonth() ? "*" : "")));
            FrontierWorkers.of(t.real().spells())
                    .forEach((start, mark) -> truthMarked.add(start + (mark.firstOfMonth() ? "*" : "")));
            boolean found = marked > 0;
            boolean worker = t.traveller().persona() == Persona.FRONTIER_WORKER;
            markedByPersona.merge(String.valueOf(t.traveller().persona()), (int) marked, Integer::sum);
            if (found && worker) {
                truePositive++;
            } else if (found) {
                falsePositive++;
            } else if (worker) {
                falseNegative++;
            }
        }
        double recall = truePositive / (double) (truePositive + falseNegative);
        double precision = truePositive / (double) (truePositive + falsePositive);
        System.out.printf(
                "border workers through the engine's rules: tp=%d fp=%d fn=%d recall=%.4f precision=%.4f;"
                        + " border-worker spells by persona %s%n",
                truePositive, falsePositive, falseNegative, recall, precision, markedByPersona);

        assertThat(truePositive).isGreaterThan(50);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
        assertThat(precision).isGreaterThanOrEqualTo(0.95);
        assertThat(engineMarked).as("spells marked (* first of its month)").isEqualTo(truthMarked);
    }
}
