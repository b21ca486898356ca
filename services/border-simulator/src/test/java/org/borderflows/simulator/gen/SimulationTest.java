package org.borderflows.simulator.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borderflows.simulator.truth.TruthWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static Simulation.World world;

    @BeforeAll
    static void simulate() {
        world = Simulation.run(settings(7, 60_000, FaultRates.all(0.01)));
    }

    static Simulation.Settings settings(long seed, long cards, FaultRates rates) {
        return new Simulation.Settings(YearMonth.of(2025, 1), YearMonth.of(2025, 12), 0, cards, seed, rates, ALMATY);
    }

    @Test
    void theSameSeedGivesTheSameCards() {
        Simulation.World again = Simulation.run(settings(7, 5_000, FaultRates.all(0.01)));
        Simulation.World same = Simulation.run(settings(7, 5_000, FaultRates.all(0.01)));

        assertThat(TruthWriter.checksum(same.cards())).isEqualTo(TruthWriter.checksum(again.cards()));
        assertThat(same.cards()).isEqualTo(again.cards());
    }

    @Test
    void anotherSeedGivesOtherCards() {
        Simulation.World a = Simulation.run(settings(7, 5_000, FaultRates.NONE));
        Simulation.World b = Simulation.run(settings(8, 5_000, FaultRates.NONE));

        assertThat(TruthWriter.checksum(a.cards())).isNotEqualTo(TruthWriter.checksum(b.cards()));
    }

    @Test
    void everyPersonaAppears() {
        Set<Persona> seen = EnumSet.noneOf(Persona.class);
        world.travellers().forEach(t -> seen.add(t.persona()));

        assertThat(seen).containsExactlyInAnyOrder(Persona.values());
    }

    @Test
    void eachFaultOccursAtItsRateWithinTolerance() {
        Map<Fault, Integer> counts = new HashMap<>();
        int exits = 0;
        for (SimTraveller t : world.travellers()) {
            for (SimCrossing c : t.crossings()) {
                Simulation.Fate f = world.fates().get(c.eventId());
                if (f == null) {
                    continue;
                }
                exits += c.direction() == org.borderflows.schema.Direction.EXIT ? 1 : 0;
                counts.merge(f.fault(), 1, Integer::sum);
                if (f.duplicated()) {
                    counts.merge(Fault.DUPLICATE, 1, Integer::sum);
                }
            }
        }
        double n = world.fates().size();
        assertThat(counts.get(Fault.LOST_EXIT) / (double) exits).isCloseTo(0.01, within(0.003));
        assertThat(counts.get(Fault.INVALID) / n).isCloseTo(0.01, within(0.003));
        assertThat(counts.get(Fault.REORDERED) / n).isCloseTo(0.01, within(0.003));
        assertThat(counts.get(Fault.DUPLICATE) / n).isCloseTo(0.01, within(0.003));
        // late needs 36 days before the period's end, so slightly fewer crossings can get it
        assertThat(counts.get(Fault.LATE) / n).isCloseTo(0.0095, within(0.003));
    }

    @Test
    void eventIdsAreUniqueExceptForDuplicateCopiesWhichKeepTheirs() {
        Set<String> originals = new HashSet<>();
        for (Card c : world.cards()) {
            if (!c.duplicateCopy()) {
                assertThat(originals.add(c.eventId())).isTrue();
            }
        }
        world.cards().stream().filter(Card::duplicateCopy).forEach(c -> assertThat(originals)
                .contains(c.eventId()));
    }

    @Test
    void reorderedCardsStayWithinTheHorizonAndLateOnesGoBeyondIt() {
        for (Card c : world.cards()) {
            if (c.fault() != Fault.REORDERED && c.fault() != Fault.LATE) {
                continue;
            }
            Instant crossed = ZonedDateTime.parse(c.crossedAt()).toInstant();
            double delayDays = (c.deliverAtMillis() - crossed.toEpochMilli()) / 86_400_000.0;
            if (c.fault() == Fault.REORDERED) {
                assertThat(delayDays).isBetween(1.0, 25.0);
            } else {
                assertThat(delayDays).isGreaterThanOrEqualTo(35.0);
            }
        }
    }

    @Test
    void aTravellersDocumentIsStableAcrossCards() {
        Map<Integer, Set<String>> numbers = new HashMap<>();
        for (Card c : world.cards()) {
            if (c.fault() != Fault.INVALID) {
                numbers.computeIfAbsent(c.travellerNumber(), k -> new HashSet<>())
                        .add(c.documentCountry() + c.documentNumber().replace("-", "") + c.birthDate());
            }
        }
        assertThat(numbers.values()).allSatisfy(s -> assertThat(s).hasSize(1));
    }

    @Test
    void cardsAreInDeliveryOrderAndWithinThePeriod() {
        List<Card> cards = world.cards();
        for (int i = 1; i < cards.size(); i++) {
            assertThat(cards.get(i).deliverAtMillis())
                    .isGreaterThanOrEqualTo(cards.get(i - 1).deliverAtMillis());
        }
        assertThat(cards).filteredOn(c -> c.fault() != Fault.INVALID).allSatisfy(c -> assertThat(c.crossedAt())
                .startsWith("2025-"));
    }

    @Test
    void summerHasMoreTouristArrivalsThanWinter() {
        int july = 0;
        int february = 0;
        for (Card c : world.cards()) {
            if ("TOURISM".equals(c.purpose()) && "ENTRY".equals(c.direction())) {
                july += c.crossedAt().startsWith("2025-07") ? 1 : 0;
                february += c.crossedAt().startsWith("2025-02") ? 1 : 0;
            }
        }
        assertThat(july).isGreaterThan(2 * february);
    }
}
