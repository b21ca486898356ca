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
                // a LATE delay that stayed within the traveller's horizon was injected as LATE all the same
                Fault injected = f.detail().endsWith(" in horizon") ? Fault.LATE : f.fault();
                counts.merge(injected, 1, Integer::sum);
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
            if (c.fault() == Fault.REORDERED && !c.faultDetail().endsWith(" in horizon")) {
                assertThat(delayDays).isBetween(1.0, 25.0);
            } else {
                assertThat(delayDays).isGreaterThanOrEqualTo(35.0);
            }
        }
    }

    @Test
    void aCardIsLateOnlyWhenCrossedMoreThan30DaysBeforeACrossingOfItsTravellerDeliveredEarlier() {
        Map<Integer, List<Card>> before = new HashMap<>();
        int late = 0;
        int inHorizon = 0;
        for (Card c : world.cards()) {
            if (c.fault() == Fault.INVALID) {
                continue; // rejected at intake
            }
            List<Card> earlier = before.computeIfAbsent(c.travellerNumber(), k -> new java.util.ArrayList<>());
            java.time.LocalDate date = date(c);
            boolean expectLate = earlier.stream().anyMatch(e -> date(e).isAfter(date.plusDays(30)));
            assertThat(c.fault() == Fault.LATE).as(c.eventId()).isEqualTo(expectLate);
            late += expectLate ? 1 : 0;
            inHorizon += c.faultDetail().endsWith(" in horizon") ? 1 : 0;
            if (!expectLate) {
                earlier.add(c);
            }
        }
        assertThat(late).isPositive();
        assertThat(inHorizon).isPositive(); // first crossings and newest ones delivered 35+ days after crossing
    }

    @Test
    void aDelayedFirstCrossingIsNotLateButOneBehindANewerCrossingOfItsTravellerIs() {
        // traveller 1: entry 2025-03-01 delivered 2025-06-10 (101 days later), nothing of theirs came before
        // traveller 2: entry 2025-11-20 delivered 2025-12-28, after the exit 2025-12-22 (32 days newer)
        // traveller 3: entry 2025-11-25 delivered 2025-12-28, after the exit 2025-12-22 (27 days newer)
        Card a = card(1, "a", "ENTRY", "2025-03-01T10:00:00+05:00", "2025-06-10T10:00:00+05:00", Fault.LATE);
        Card b1 = card(2, "b1", "EXIT", "2025-12-22T10:00:00+05:00", "2025-12-22T10:05:00+05:00", Fault.NONE);
        Card b2 = card(2, "b2", "ENTRY", "2025-11-20T10:00:00+05:00", "2025-12-28T10:00:00+05:00", Fault.LATE);
        Card c1 = card(3, "c1", "EXIT", "2025-12-22T10:00:00+05:00", "2025-12-22T10:05:00+05:00", Fault.NONE);
        Card c2 = card(3, "c2", "ENTRY", "2025-11-25T10:00:00+05:00", "2025-12-28T10:00:00+05:00", Fault.LATE);
        Card b2copy = b2.delivered(b2.deliverAtMillis() + 60_000, true, Fault.DUPLICATE, "");
        Card c2copy = c2.delivered(c2.deliverAtMillis() + 60_000, true, Fault.DUPLICATE, "");
        List<Card> cards = new java.util.ArrayList<>(List.of(a, b1, c1, b2, b2copy, c2, c2copy));
        Map<String, Simulation.Fate> fates = new HashMap<>();
        for (Card x : cards) {
            if (!x.duplicateCopy()) {
                fates.put(
                        x.eventId(),
                        new Simulation.Fate(
                                x.fault(), x.faultDetail(), x.eventId().startsWith("b2")));
            }
        }
        Simulation.World w = new Simulation.World(settings(1, 10, FaultRates.NONE), List.of(), cards, fates);

        Simulation.judgeLateness(w);

        assertThat(w.cards())
                .extracting(Card::fault)
                .containsExactly(
                        Fault.REORDERED, // first crossing of traveller 1: never late
                        Fault.NONE,
                        Fault.NONE,
                        Fault.LATE, // 2025-11-20 < 2025-12-22 - 30 days = 2025-11-22
                        Fault.LATE, // the copy of a late card: set aside with it
                        Fault.REORDERED, // 2025-11-25 is within 30 days of 2025-12-22
                        Fault.DUPLICATE);
        assertThat(fates.get("a").fault()).isEqualTo(Fault.REORDERED);
        assertThat(fates.get("a").detail()).isEqualTo("101d in horizon");
        assertThat(fates.get("b2").fault()).isEqualTo(Fault.LATE);
        assertThat(fates.get("c2").fault()).isEqualTo(Fault.REORDERED);
    }

    @Test
    void aCopyArrivingBeyondTheHorizonAfterAnOriginalThatWasNotIsLate() {
        // entry 2025-10-01 delivered 2025-11-15 (first crossing: applied); exit 2025-11-16 delivered at once;
        // the entry's copy comes 2025-11-16 after the exit too: 2025-10-01 < 2025-11-16 - 30 days = 2025-10-17
        Card entry = card(1, "e", "ENTRY", "2025-10-01T10:00:00+05:00", "2025-11-15T10:00:00+05:00", Fault.LATE);
        Card exit = card(1, "x", "EXIT", "2025-11-16T09:00:00+05:00", "2025-11-16T09:05:00+05:00", Fault.NONE);
        Card copy = entry.delivered(entry.deliverAtMillis() + 86_400_000L, true, Fault.DUPLICATE, "");
        Map<String, Simulation.Fate> fates = new HashMap<>();
        fates.put("e", new Simulation.Fate(Fault.LATE, "45d", true));
        fates.put("x", new Simulation.Fate(Fault.NONE, "", false));
        Simulation.World w = new Simulation.World(
                settings(1, 10, FaultRates.NONE),
                List.of(),
                new java.util.ArrayList<>(List.of(entry, exit, copy)),
                fates);

        Simulation.judgeLateness(w);

        assertThat(w.cards()).extracting(Card::fault).containsExactly(Fault.REORDERED, Fault.NONE, Fault.LATE);
        assertThat(fates.get("e")).isEqualTo(new Simulation.Fate(Fault.REORDERED, "45d in horizon", true));
    }

    private static Card card(int traveller, String id, String direction, String crossedAt, String deliverAt, Fault f) {
        return new Card(
                id,
                "AA" + traveller,
                direction,
                crossedAt,
                "KZ-ALA-AIR",
                "DEU",
                "C0" + traveller,
                "1980-01-01",
                "M",
                "DEU",
                "TOURISM",
                null,
                "AIR",
                traveller,
                java.time.OffsetDateTime.parse(deliverAt).toInstant().toEpochMilli(),
                false,
                f,
                f == Fault.LATE
                        ? (ZonedDateTime.parse(deliverAt).toLocalDate().toEpochDay()
                                        - ZonedDateTime.parse(crossedAt)
                                                .toLocalDate()
                                                .toEpochDay())
                                + "d"
                        : "");
    }

    private static java.time.LocalDate date(Card c) {
        return ZonedDateTime.parse(c.crossedAt()).withZoneSameInstant(ALMATY).toLocalDate();
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
