package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.borderflows.schema.Spell;
import org.junit.jupiter.api.Test;

/**
 * Pruning never changes an output: a traveller's crossings arrive in stream order (some up to keepDays late), the
 * state is pruned at checkpoints, and the evaluation of what is kept, with the carry, equals the evaluation of the
 * whole history for every kept crossing, at every checkpoint and after all later crossings arrived.
 */
class PrunePropertyTest {

    private static final int ITINERARIES = 1000;
    private static final int KEEP_DAYS = 30;

    /** Checkpoints whose carry held commuting ends (docs/rules.md §4a), over one test's itineraries. */
    private static int carriesWithCommutingEnds;

    @Test
    void pruneThenEvaluateGivesTheSameOutputsForTheKeptCrossings() {
        assertThat(prunedCrossings(new Random(7L), RandomItineraries::itinerary))
                .as("crossings pruned over all itineraries")
                .isGreaterThan(3000);
    }

    @Test
    void pruningTravellersWithLongGapsCarriesTheirReturnFinalDates() {
        assertThat(prunedCrossings(new Random(5L), RandomItineraries::longGaps))
                .as("crossings pruned over all itineraries")
                .isGreaterThan(3000);
    }

    @Test
    void pruningTravellersWithCrossingsAtTheSameInstantGivesTheSameOutputs() {
        // RULES.md §3 "Order": a cut inside a group of crossings at one instant keeps its order
        assertThat(prunedCrossings(new Random(13L), RandomItineraries::sameInstantGroups))
                .as("crossings pruned over all itineraries")
                .isGreaterThan(3000);
    }

    @Test
    void pruningFrontierWorkersCarriesTheirCommutingSpells() {
        // docs/rules.md §4a: a kept spell's window may see commuting spells whose crossings were dropped
        carriesWithCommutingEnds = 0;
        assertThat(prunedCrossings(new Random(17L), RandomItineraries::commuters))
                .as("crossings pruned over all itineraries")
                .isGreaterThan(1500);
        assertThat(carriesWithCommutingEnds)
                .as("carries holding commuting ends")
                .isGreaterThan(100);
        Random random = new Random(17L);
        long marked = 0;
        for (int n = 0; n < ITINERARIES; n++) {
            List<CrossingFact> crossings = RandomItineraries.commuters(random);
            marked +=
                    TravellerTimeline.evaluate(null, crossings, RandomItineraries.lastDate(crossings), Traveller.KAZ)
                            .spells()
                            .stream()
                            .filter(Spell::getBorderWorker)
                            .count();
        }
        assertThat(marked).as("border-worker spells in those itineraries").isGreaterThan(1000);
    }

    @Test
    void pruningOnceLongAfterTheCrossingsGivesTheSameOutputs() {
        Random random = new Random(11L);
        int carriedDates = 0;
        int carriedSince = 0;
        for (int n = 0; n < ITINERARIES; n++) {
            List<CrossingFact> crossings = RandomItineraries.longGaps(random);
            LocalDate clock = RandomItineraries.lastDate(crossings).plusDays(random.nextInt(400));
            TravellerTimeline.Pruned result = TravellerTimeline.prune(null, crossings, clock, Traveller.KAZ, KEEP_DAYS);
            TravellerCarry carry = result.carry() == null
                    ? null
                    : TravellerCarry.fromBytes(result.carry().toBytes());
            carriedDates += carry == null ? 0 : carry.returnFinalDates().size();
            carriedSince += carry == null || carry.statusSinceDate() == null ? 0 : 1;
            assertSameForKept("itinerary " + n, crossings, new HashSet<>(crossings), carry, result.kept(), clock);
        }
        assertThat(carriedDates).as("return final dates carried").isGreaterThan(100);
        assertThat(carriedSince)
                .as("carries dating the migration that gave their status")
                .isGreaterThan(100);
    }

    private static int prunedCrossings(Random random, Function<Random, List<CrossingFact>> itineraries) {
        int pruned = 0;
        for (int n = 0; n < ITINERARIES; n++) {
            List<CrossingFact> crossings = itineraries.apply(random);
            List<LocalDate> arrivals = new ArrayList<>();
            for (CrossingFact c : crossings) {
                arrivals.add(c.date().plusDays(random.nextInt(4) == 0 ? random.nextInt(KEEP_DAYS + 1) : 0));
            }
            TravellerCarry carry = null;
            List<CrossingFact> state = new ArrayList<>();
            Set<CrossingFact> arrived = new HashSet<>();
            LocalDate first = crossings.get(0).date();
            LocalDate end = RandomItineraries.lastDate(crossings).plusDays(KEEP_DAYS + random.nextInt(900));
            for (LocalDate clock = first; !clock.isAfter(end); clock = clock.plusDays(20 + random.nextInt(100))) {
                for (int i = 0; i < crossings.size(); i++) {
                    if (!arrivals.get(i).isAfter(clock) && arrived.add(crossings.get(i))) {
                        state.add(crossings.get(i));
                    }
                }
                if (state.isEmpty()) {
                    continue;
                }
                TravellerTimeline.Pruned result =
                        TravellerTimeline.prune(carry, state, clock, Traveller.KAZ, KEEP_DAYS);
                pruned += state.size() - result.kept().size();
                // stored and read back as the engine does
                carry = result.carry() == null
                        ? null
                        : TravellerCarry.fromBytes(result.carry().toBytes());
                state = new ArrayList<>(result.kept());
                carriesWithCommutingEnds +=
                        carry != null && !carry.commutingEnds().isEmpty() ? 1 : 0;
                assertSameForKept("itinerary " + n + " at " + clock, crossings, arrived, carry, state, clock);
            }
            for (CrossingFact c : crossings) {
                if (arrived.add(c)) {
                    state.add(c);
                }
            }
            assertSameForKept("itinerary " + n + " at the end", crossings, arrived, carry, state, end);
        }
        return pruned;
    }

    private static void assertSameForKept(
            String what,
            List<CrossingFact> crossings,
            Set<CrossingFact> arrived,
            TravellerCarry carry,
            List<CrossingFact> kept,
            LocalDate clock) {
        List<CrossingFact> history =
                crossings.stream().filter(arrived::contains).toList();
        Evaluation whole = TravellerTimeline.evaluate(null, history, clock, Traveller.KAZ);
        Evaluation fromState = TravellerTimeline.evaluate(carry, kept, clock, Traveller.KAZ);
        Set<String> keptIds = new HashSet<>();
        kept.forEach(c -> keptIds.add(c.eventId()));
        String context = what + ": " + crossings + " kept " + keptIds + " carry " + carry;

        assertThat(fromState.spells())
                .as(context)
                .isEqualTo(whole.spells().stream()
                        .filter(s -> keptIds.contains(s.getStartEventId()))
                        .toList());
        assertThat(fromState.outcomes())
                .as(context)
                .isEqualTo(whole.outcomes().stream()
                        .filter(o -> keptIds.contains(o.getEventId()))
                        .toList());
        assertThat(fromState.findings())
                .as(context)
                .isEqualTo(whole.findings().stream()
                        .filter(f -> keptIds.contains(f.getEventId()))
                        .toList());
        assertThat(fromState.status()).as(context).isEqualTo(whole.status());
    }
}
