package org.borderflows.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.borderflows.domain.CrossingFact;
import org.borderflows.domain.Evaluation;
import org.borderflows.domain.RuleSettings;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.simulator.gen.Card;
import org.borderflows.simulator.gen.FaultRates;
import org.borderflows.simulator.gen.Simulation;
import org.borderflows.simulator.truth.GroundTruth;
import org.borderflows.simulator.truth.TravellerTruth;
import org.junit.jupiter.api.Test;

/**
 * How many {@code crossing-outcomes} records the stay engine writes per card, and why each one is written, on the
 * simulated year of {@link RulesAgreementTest} (20,000 cards, seed 42, 1% faults). The library is used the way the
 * engine uses it: cards in delivery order, the clock = latest crossing date seen, a re-evaluation on each crossing
 * and at each {@code nextChange}, pruning above 6 crossings at the traveller's latest date with a 30-day horizon,
 * and an outcome written only when a field other than {@code asOf} changed.
 *
 * <p>RULES.md §5: a provisional outcome "may still change as later crossings arrive". Checked here: without a
 * crossing of the traveller (a review), an outcome only ever turns final. Every other change comes with a crossing:
 * for a frequent traveller each crossing moves the last crossing's W-day spell from one side of every open 12/16
 * review to the other (see CommuterOutcomesTest in stay-engine), so the first undecided crossing flips and every
 * later kept crossing's status before/after follows it. The figures are printed by persona.
 */
class OutcomeChurnTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    @Test
    void withoutACrossingAnOutcomeOnlyTurnsFinal() {
        // the world of RulesAgreementTest: a year, 20,000 cards, seed 42, 1% of each fault
        Counts counts = measure(new Simulation.Settings(
                YearMonth.of(2025, 1), YearMonth.of(2025, 12), 0, 20_000, 42, FaultRates.all(0.01), ZONE));

        assertThat(counts.why.keySet())
                .as("on a review (no crossing of the traveller) an outcome only turns final")
                .filteredOn(why -> why.startsWith("review") && !why.equals("review: provisional -> final"))
                .isEmpty();
    }

    @Test
    void aMonthOfFreshnessTrafficChangesOutcomesOnlyWithCrossings() {
        // what the Freshness benchmark publishes: one month, no faults (120,000 cards as in freshness.sh 120000)
        Counts counts = measure(new Simulation.Settings(
                YearMonth.of(2025, 6), YearMonth.of(2025, 6), 0, 120_000, 42, FaultRates.NONE, ZONE));

        assertThat(counts.why.keySet())
                .as("every outcome value is written with a crossing of its traveller")
                .allMatch(why -> why.startsWith("crossing: "));
        assertThat(counts.why.keySet())
                .as("no fault: no flag changes once final")
                .noneMatch(why -> why.contains("flag") && why.contains("final date)"));
    }

    private static Counts measure(Simulation.Settings simulation) {
        Simulation.World world = Simulation.run(simulation);
        GroundTruth truth = GroundTruth.compute(world, TravellerPseudonymiser.development());
        RuleSettings settings = RuleSettings.defaults("KAZ");
        Map<String, Traveller> travellerOf = new HashMap<>();
        Map<String, CrossingFact> factOf = new HashMap<>();
        List<Traveller> travellers = new ArrayList<>();
        for (TravellerTruth t : truth.travellers()) {
            Traveller traveller = new Traveller(String.valueOf(t.traveller().persona()));
            travellers.add(traveller);
            for (CrossingFact f :
                    SimulatedFacts.facts(t.traveller(), t.delivered().accepted())) {
                travellerOf.put(f.eventId(), traveller);
                factOf.put(f.eventId(), f);
            }
        }
        Counts counts = new Counts();
        LocalDate clock = null;
        for (Card card : world.cards()) {
            CrossingFact fact = factOf.get(card.eventId());
            if (fact == null) {
                continue; // invalid or late card
            }
            Traveller traveller = travellerOf.get(card.eventId());
            counts.cards.merge(traveller.persona, 1L, Long::sum);
            if (clock == null || fact.date().isAfter(clock)) {
                clock = fact.date();
                for (Traveller t : travellers) {
                    if (t.nextChange != null && !t.nextChange.isAfter(clock)) {
                        t.evaluate(clock, settings, counts, false);
                    }
                }
            }
            traveller.crossings.add(fact);
            traveller.evaluate(clock, settings, counts, true);
        }
        long cards = counts.cards.values().stream().mapToLong(Long::longValue).sum();
        long records =
                counts.records.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(
                "outcome records (%s..%s, seed %d): %d for %d cards = %.2f per card%n",
                simulation.from(), simulation.to(), simulation.seed(), records, cards, (double) records / cards);
        counts.cards.forEach((persona, n) -> System.out.printf(
                "  %-26s %6d cards %8d records %7.2f per card%n",
                persona,
                n,
                counts.records.getOrDefault(persona, 0L),
                (double) counts.records.getOrDefault(persona, 0L) / n));
        counts.why.forEach((why, n) -> System.out.printf("  %-90s %8d%n", why, n));
        return counts;
    }

    private static final class Counts {
        final Map<String, Long> cards = new TreeMap<>();
        final Map<String, Long> records = new TreeMap<>();
        final Map<String, Long> why = new TreeMap<>();
    }

    /** One traveller as the engine keeps it, with the last outcome value written per event id. */
    private static final class Traveller extends KeptHistory {
        final String persona;
        final Map<String, CrossingOutcome> written = new HashMap<>();

        Traveller(String persona) {
            this.persona = persona;
        }

        void evaluate(LocalDate today, RuleSettings settings, Counts counts, boolean onCrossing) {
            Evaluation evaluation = evaluation(today, settings);
            for (CrossingOutcome o : evaluation.outcomes()) {
                CrossingOutcome before = written.get(o.getEventId());
                String why = change(before, o, today);
                if (why == null) {
                    continue;
                }
                written.put(o.getEventId(), o);
                counts.records.merge(persona, 1L, Long::sum);
                counts.why.merge((onCrossing ? "crossing: " : "review: ") + why, 1L, Long::sum);
            }
            afterEvaluation(evaluation, today, this::latestDate, settings);
        }

        /** Which fields changed (asOf left out, as the engine's fingerprint does); null when none. */
        private static String change(CrossingOutcome before, CrossingOutcome after, LocalDate today) {
            if (before == null) {
                return "first value";
            }
            List<String> fields = new ArrayList<>();
            if (before.getLongTermMigration() != after.getLongTermMigration()) {
                fields.add("flag");
            }
            if (before.getStatusBefore() != after.getStatusBefore()
                    || before.getStatusAfter() != after.getStatusAfter()) {
                fields.add("status");
            }
            if (!before.getFinalDate().equals(after.getFinalDate())) {
                fields.add("final date");
            }
            if (fields.isEmpty() && before.getProvisional() && !after.getProvisional()) {
                return "provisional -> final";
            }
            if (before.getProvisional() != after.getProvisional()) {
                fields.add("provisional " + before.getProvisional() + " -> " + after.getProvisional());
            }
            if (fields.isEmpty()) {
                return null;
            }
            String finalBefore = today.isAfter(before.getFinalDate())
                    ? " (the clock passed its final date)"
                    : " (on its final date)";
            return String.join(" + ", fields) + (before.getProvisional() ? "" : finalBefore);
        }
    }
}
