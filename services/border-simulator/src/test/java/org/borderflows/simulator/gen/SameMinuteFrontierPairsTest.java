package org.borderflows.simulator.gen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.schema.Direction;
import org.borderflows.simulator.rules.Xing;
import org.borderflows.simulator.truth.GroundTruth;
import org.borderflows.simulator.truth.TravellerTruth;
import org.junit.jupiter.api.Test;

/**
 * The generator gives a small share of frontier workers' days a same-minute entry and exit, so that the truth, the
 * SQL peer and the engine are compared on RULES.md §3 "Order" for crossings at the same instant.
 */
class SameMinuteFrontierPairsTest {

    @Test
    void aSimulatedYearHasSameMinuteFrontierPairsAndTheTruthMakesNoBrokenSpellOfThem() {
        Simulation.World world = Simulation.run(new Simulation.Settings(
                YearMonth.of(2024, 7), YearMonth.of(2025, 6), 0, 8_000, 11, FaultRates.NONE, ZoneId.of("Asia/Almaty")));
        GroundTruth truth = GroundTruth.compute(world, TravellerPseudonymiser.development());

        int pairs = 0;
        for (TravellerTruth t : truth.travellers()) {
            List<Xing> accepted = t.real().accepted();
            for (int i = 1; i < accepted.size(); i++) {
                if (accepted.get(i).crossedAt().equals(accepted.get(i - 1).crossedAt())) {
                    pairs++;
                    assertThat(t.traveller().persona()).isEqualTo(Persona.FRONTIER_WORKER);
                    assertThat(accepted.get(i - 1).direction()).isEqualTo(Direction.ENTRY);
                    assertThat(accepted.get(i).direction()).isEqualTo(Direction.EXIT);
                }
            }
            if (t.traveller().persona() == Persona.FRONTIER_WORKER) {
                assertThat(t.real().brokenSpells()).isZero();
            }
        }
        assertThat(pairs).isGreaterThan(10);
    }
}
