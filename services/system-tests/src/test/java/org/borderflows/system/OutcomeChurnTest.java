package org.borderflows.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.borderflows.domain.AtClock;
import org.borderflows.domain.CrossingFact;
import org.borderflows.domain.Evaluation;
import org.borderflows.domain.RuleSettings;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.simulator.gen.Card;
import org.borderflows.simulator.gen.FaultRates;
import org.borderflows.simulator.gen.Simulation;
import org.borderflows.simulator.truth.GroundTruth;
import org.borderflows.simulator.truth.TravellerTruth;
import org.junit.jupiter.api.Test;

/**
 * How many {@code crossing-outcomes} records the stay engine writes per card, and why each one is written. The library
 * is used the way the engine uses it: cards in delivery order, the clock = latest crossing date seen, an evaluation
 * on each crossing (RULES.md §8: never because time passed), pruning above 6 crossings at the traveller's latest date
 * with a 30-day horizon, and an outcome written only when a fact changed (status before/after, the long-term flag, the
 * final date, the time-back dates or the status-since date: every field of the engine's fingerprint; not asOf or the
 * provisional flag, which readers derive from the final date).
 *
 * <p>For a frequent traveller each crossing moves the last crossing's W-day spell from one side of every open 12/16
 * review to the other (see CommuterOutcomesTest in stay-engine), so the first undecided crossing flips and every
 * later kept crossing's status before/after follows it. The figures are printed by persona.
 *
 * <p>Beside them, what a representation that references the status chain instead of copying it would write (issue
 * 13, item 2; not built): an outcome record only when the crossing's own facts change (the long-term flag, the final
 * date, the time-back dates), and one record per traveller when his chain changes (the crossings after which his
 * status changes, with the status: what a reader needs to give every crossing its status before and after). Pruning
 * drops old transitions from the chain, which counts as a change here: an upper bound. And what per-traveller
 * segments would write: one record per traveller when any of his outcomes changed, holding all his kept outcomes;
 * bytes as the engine encodes outcomes.
 */
class OutcomeChurnTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    private static final AvroSerde<CrossingOutcome> OUTCOMES = AvroSerde.of(CrossingOutcome.class);

    @Test
    void withoutFaultsNoLongTermFlagChangesOnceFinal() {
        // what the Freshness benchmark publishes: one month, no faults (120,000 cards as in freshness.sh 120000)
        Counts counts = measure(new Simulation.Settings(
                YearMonth.of(2025, 6), YearMonth.of(2025, 6), 0, 120_000, 42, FaultRates.NONE, ZONE));

        assertThat(counts.why.keySet())
                .as("no fault: no long-term flag changes once the clock is past its final date")
                .noneMatch(why -> why.contains("flag") && why.endsWith("(the clock passed its final date)"));
    }

    @Test
    void travellersWhoCrossRarelyWriteAboutOneOutcomeRecordPerCard() {
        // the world of RulesAgreementTest: a year, 20,000 cards, seed 42, 1% of each fault
        Counts counts = measure(new Simulation.Settings(
                YearMonth.of(2025, 1), YearMonth.of(2025, 12), 0, 20_000, 42, FaultRates.all(0.01), ZONE));

        // One record per card is the floor (each crossing's first outcome). Labour migrants and emigrants cross a
        // few times a year: nothing is re-written because time passed. Frequent travellers (frontier workers) are
        // the status chain of §5 following each provisional flip: printed, not yet bounded.
        assertThat(counts.perCard("LABOUR_MIGRANT")).isBetween(1.0, 1.5);
        assertThat(counts.perCard("NATIONAL_LABOUR_EMIGRANT")).isBetween(1.0, 1.5);
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
            }
            traveller.crossings.add(fact);
            traveller.evaluate(clock, settings, counts);
        }
        System.out.printf(
                "outcome records (%s..%s, seed %d): %d for %d cards = %.2f per card%n",
                simulation.from(),
                simulation.to(),
                simulation.seed(),
                counts.records(),
                counts.cards(),
                counts.perCard());
        printByPersona(counts, persona -> counts.records.getOrDefault(persona, 0L));
        counts.why.forEach((why, n) -> System.out.printf("  %-90s %8d%n", why, n));
        System.out.printf(
                "bytes: %.0f per card; as per-traveller segments: %d records (%.2f per card), %.0f bytes per card%n",
                (double) counts.bytes / counts.cards(),
                counts.segments,
                (double) counts.segments / counts.cards(),
                (double) counts.segmentBytes / counts.cards());
        System.out.printf(
                "with the status chain referenced, not copied: %d outcome + %d chain records = %.2f per card%n",
                counts.ownRecords(), counts.chainRecords(), counts.referencedPerCard());
        printByPersona(
                counts, persona -> counts.own.getOrDefault(persona, 0L) + counts.chains.getOrDefault(persona, 0L));
        return counts;
    }

    private static void printByPersona(Counts counts, ToLongFunction<String> records) {
        counts.cards.forEach((persona, n) -> System.out.printf(
                "  %-26s %6d cards %8d records %7.2f per card%n",
                persona, n, records.applyAsLong(persona), (double) records.applyAsLong(persona) / n));
    }

    private static final class Counts {
        final Map<String, Long> cards = new TreeMap<>();
        final Map<String, Long> records = new TreeMap<>();
        final Map<String, Long> why = new TreeMap<>();
        /** With the status chain referenced: outcome records (own facts changed) and chain records, by persona. */
        final Map<String, Long> own = new TreeMap<>();

        final Map<String, Long> chains = new TreeMap<>();
        /** Bytes of the outcome records written; records and bytes as per-traveller segments. */
        long bytes;

        long segments;
        long segmentBytes;

        long ownRecords() {
            return own.values().stream().mapToLong(Long::longValue).sum();
        }

        long chainRecords() {
            return chains.values().stream().mapToLong(Long::longValue).sum();
        }

        double referencedPerCard() {
            return (double) (ownRecords() + chainRecords()) / cards();
        }

        long cards() {
            return cards.values().stream().mapToLong(Long::longValue).sum();
        }

        long records() {
            return records.values().stream().mapToLong(Long::longValue).sum();
        }

        double perCard() {
            return (double) records() / cards();
        }

        double perCard(String persona) {
            return (double) records.getOrDefault(persona, 0L) / cards.get(persona);
        }
    }

    /** One traveller as the engine keeps it, with the last outcome value written per event id. */
    private static final class Traveller extends KeptHistory {
        final String persona;
        final Map<String, CrossingOutcome> written = new HashMap<>();
        /** With the status chain referenced: the last outcome written per event id, and the last chain written. */
        final Map<String, CrossingOutcome> writtenOwn = new HashMap<>();

        List<String> writtenChain = List.of();

        Traveller(String persona) {
            this.persona = persona;
        }

        void evaluate(LocalDate today, RuleSettings settings, Counts counts) {
            Evaluation evaluation = evaluation(today, settings);
            boolean changed = false;
            for (CrossingOutcome o : evaluation.outcomes()) {
                CrossingOutcome before = written.get(o.getEventId());
                String why = change(before, o, today);
                if (why == null) {
                    continue;
                }
                changed = true;
                written.put(o.getEventId(), o);
                counts.records.merge(persona, 1L, Long::sum);
                counts.why.merge(why, 1L, Long::sum);
                counts.bytes += OUTCOMES.serialize(null, o).length;
            }
            if (changed) {
                counts.segments++;
                for (CrossingOutcome o : evaluation.outcomes()) {
                    counts.segmentBytes += OUTCOMES.serialize(null, o).length;
                }
            }
            for (CrossingOutcome o : evaluation.outcomes()) {
                CrossingOutcome before = writtenOwn.get(o.getEventId());
                if (before == null || ownFactsChanged(before, o)) {
                    writtenOwn.put(o.getEventId(), o);
                    counts.own.merge(persona, 1L, Long::sum);
                }
            }
            List<String> chain = chain(evaluation.outcomes());
            if (!chain.equals(writtenChain)) {
                writtenChain = chain;
                counts.chains.merge(persona, 1L, Long::sum);
            }
            afterEvaluation(this::latestDate, settings);
        }

        /** The crossings after which the status changes, with the status after them. */
        private static List<String> chain(List<CrossingOutcome> outcomes) {
            List<String> transitions = new ArrayList<>();
            for (CrossingOutcome o : outcomes) {
                if (o.getStatusBefore() != o.getStatusAfter()) {
                    transitions.add(o.getEventId() + "=" + o.getStatusAfter()); // its date is the status since
                }
            }
            return transitions;
        }

        /** The crossing's own facts: the long-term flag, the final date and the time-back dates. */
        private static boolean ownFactsChanged(CrossingOutcome before, CrossingOutcome after) {
            return before.getLongTermMigration() != after.getLongTermMigration()
                    || !before.getFinalDate().equals(after.getFinalDate())
                    || timeBackChanged(before, after);
        }

        private static boolean timeBackChanged(CrossingOutcome before, CrossingOutcome after) {
            return !Objects.equals(before.getFirstTimeBackDate(), after.getFirstTimeBackDate())
                    || !Objects.equals(before.getDecisiveTimeBackDate(), after.getDecisiveTimeBackDate());
        }

        /** Which facts changed (asOf and provisional left out, as the engine's fingerprint does); null when none. */
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
            if (timeBackChanged(before, after)) {
                fields.add("time back");
            }
            if (!Objects.equals(before.getStatusSinceDate(), after.getStatusSinceDate())) {
                fields.add("status since");
            }
            if (fields.isEmpty()) {
                return null;
            }
            String when = AtClock.provisional(before.getFinalDate(), today)
                    ? " (provisional)"
                    : " (the clock passed its final date)";
            return String.join(" + ", fields) + when;
        }
    }
}
