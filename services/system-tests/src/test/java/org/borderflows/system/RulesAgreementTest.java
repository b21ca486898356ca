package org.borderflows.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.borderflows.domain.AtClock;
import org.borderflows.domain.CrossingFact;
import org.borderflows.domain.Evaluation;
import org.borderflows.domain.RuleSettings;
import org.borderflows.domain.TravellerTimeline;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.platform.config.RulesConfiguration;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.ResidenceStatus;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellKind;
import org.borderflows.simulator.gen.Card;
import org.borderflows.simulator.gen.Fault;
import org.borderflows.simulator.gen.FaultRates;
import org.borderflows.simulator.gen.Simulation;
import org.borderflows.simulator.rules.Outcome;
import org.borderflows.simulator.rules.TravellerRules;
import org.borderflows.simulator.rules.TruthSpell;
import org.borderflows.simulator.truth.GroundTruth;
import org.borderflows.simulator.truth.TravellerTruth;
import org.junit.jupiter.api.Test;

/**
 * The two independent readings of RULES.md §3-§5 and §7 must agree: the domain library the stay engine runs
 * ({@link TravellerTimeline}) and the border simulator's ground truth ({@link GroundTruth}, whose rules share no
 * code with the domain). A seeded simulated year is generated in memory; each traveller's delivered crossings go
 * through {@code TravellerTimeline.evaluate} at the truth's processing clock (§8: the latest delivered crossing
 * date) and every spell, 12/16 outcome and 90/180 figure is compared with the truth's "delivered" expectation.
 * The same crossings also go through the library the way the stay engine uses it (delivery order, stream-time
 * clock, values written on crossings only and read at the truth's clock with {@link AtClock} (§8), pruning with the
 * carry stored in binary form). Travellers with no injected
 * fault must agree 100%; travellers touched by a fault are compared with what was delivered (the truth's
 * "delivered" results) and their differences, if any, are printed grouped by fault, persona and field.
 * No Kafka: this is the rule agreement without the engine's topics.
 */
class RulesAgreementTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
    /** The stay engine's defaults: prune above 6 crossings, 30-day late-arrival horizon. */
    @Test
    void theDomainAgreesWithTheTruthOfTheEndToEndRunWorld() {
        // the world of the end-to-end accuracy run: 20,000 cards, seed 42, 1% of each fault
        assertAgreement(world(42, 0.01), RulesConfiguration.defaults());
    }

    @Test
    void theDomainAgreesWithTheTruthOfAWorldWithManyFaults() {
        // 5% of each fault: many lost, late, invalid and duplicated cards, so many broken spells and orphan exits
        assertAgreement(world(7, 0.05), RulesConfiguration.defaults());
    }

    /**
     * Changing the rules is one configuration value each (border-flows.rules.*): a 400-day window with a 300-day
     * threshold (N = 100) and visits under 60 days. The engine's library and the independent truth both follow it
     * and still agree, and the change matters: hundreds of outcomes and spells differ from the documented rules'.
     */
    @Test
    void changedRulesAreFollowedByTheDomainAndTheTruthAlike() {
        RulesConfiguration changed = RulesConfiguration.fromEnvironment(Map.of(
                "BORDER_FLOWS_RULES_WINDOW_DAYS", "400",
                "BORDER_FLOWS_RULES_THRESHOLD_DAYS", "300",
                "BORDER_FLOWS_RULES_VISIT_DAYS", "60"));
        Simulation.World world = world(42, 0.01);

        assertAgreement(world, changed);

        GroundTruth documented = GroundTruth.compute(world, TravellerPseudonymiser.development());
        GroundTruth underChanged =
                GroundTruth.compute(world, TravellerPseudonymiser.development(), TravellerRules.of(changed));
        int outcomesChanged = 0;
        int classesChanged = 0;
        for (int i = 0; i < documented.travellers().size(); i++) {
            List<Outcome> before = documented.travellers().get(i).delivered().outcomes();
            List<Outcome> after = underChanged.travellers().get(i).delivered().outcomes();
            for (int o = 0; o < Math.min(before.size(), after.size()); o++) {
                if (before.get(o).longTermMigration() != after.get(o).longTermMigration()
                        || !before.get(o).finalDate().equals(after.get(o).finalDate())) {
                    outcomesChanged++;
                }
            }
            List<TruthSpell> spellsBefore =
                    documented.travellers().get(i).delivered().spells();
            List<TruthSpell> spellsAfter =
                    underChanged.travellers().get(i).delivered().spells();
            for (int s = 0; s < Math.min(spellsBefore.size(), spellsAfter.size()); s++) {
                if (spellsBefore.get(s).durationClass() != spellsAfter.get(s).durationClass()) {
                    classesChanged++;
                }
            }
        }
        System.out.printf(
                "changed rules (W 400, T 300, visits < 60 days): %d outcomes and %d spell classes differ%n",
                outcomesChanged, classesChanged);
        assertThat(outcomesChanged).isGreaterThan(100);
        assertThat(classesChanged).isGreaterThan(100);
    }

    private static Simulation.World world(long seed, double faultRate) {
        return Simulation.run(new Simulation.Settings(
                YearMonth.of(2025, 1), YearMonth.of(2025, 12), 0, 20_000, seed, FaultRates.all(faultRate), ZONE));
    }

    private static void assertAgreement(Simulation.World world, RulesConfiguration rules) {
        long seed = world.settings().seed();
        GroundTruth truth = GroundTruth.compute(world, TravellerPseudonymiser.development(), TravellerRules.of(rules));
        RuleSettings settings = rules.settings("KAZ");

        Map<TravellerTruth, Emitted> engine = asTheEngineRunsIt(truth, settings);
        Map<String, List<String>> differencesByCause = new TreeMap<>();
        int clean = 0;
        int cleanAgreeing = 0;
        int faulted = 0;
        int faultedAgreeing = 0;
        for (TravellerTruth t : truth.travellers()) {
            Evaluation evaluation = TravellerTimeline.evaluate(
                    null, SimulatedFacts.facts(t.traveller(), t.delivered().accepted()), truth.clock(), settings);
            List<String> differences = new ArrayList<>();
            boolean noFault = t.faults().isEmpty();
            compareSpells(t.delivered().spells(), evaluation.spells(), differences, "");
            compareOutcomes(t.delivered().outcomes(), evaluation.outcomes(), differences, "");
            Emitted emitted = engine.get(t);
            if (emitted != null) {
                compareSpells(t.delivered().spells(), emitted.spells(), differences, "engine-like ");
                compareOutcomes(t.delivered().outcomes(), emitted.outcomes(), differences, "engine-like ");
            }
            if (noFault) {
                clean++;
            } else {
                faulted++;
            }
            if (differences.isEmpty()) {
                if (noFault) {
                    cleanAgreeing++;
                } else {
                    faultedAgreeing++;
                }
                continue;
            }
            Fault group = t.mainFault();
            for (String d : differences) {
                String cause = (noFault ? "clean" : group.name()) + " / "
                        + t.traveller().persona() + " / " + d.substring(0, d.indexOf(':'));
                differencesByCause
                        .computeIfAbsent(cause, k -> new ArrayList<>())
                        .add("traveller " + t.traveller().number() + d.substring(d.indexOf(':')));
            }
        }
        System.out.printf(
                "rules agreement (seed " + seed + ", W " + rules.windowDays() + ", T " + rules.thresholdDays()
                        + ") at clock %s: clean travellers %d/%d agree (%.3f%%), faulted %d/%d%n",
                truth.clock(),
                cleanAgreeing,
                clean,
                100.0 * cleanAgreeing / Math.max(1, clean),
                faultedAgreeing,
                faulted);
        differencesByCause.forEach((cause, list) -> System.out.printf(
                "  %-70s %5d  e.g. %s%n", cause, list.size(), list.subList(0, Math.min(3, list.size()))));
        assertThat(clean).isGreaterThan(3_000);
        assertThat(differencesByCause.keySet())
                .filteredOn(c -> c.startsWith("clean"))
                .isEmpty();
    }

    private record Emitted(List<Spell> spells, List<CrossingOutcome> outcomes) {}

    /** One traveller's state as the stay engine keeps it. */
    private static final class EngineState extends KeptHistory {
        final TravellerTruth truth;
        final Map<String, Spell> spells = new LinkedHashMap<>();
        final Map<String, CrossingOutcome> outcomes = new LinkedHashMap<>();

        EngineState(TravellerTruth truth) {
            this.truth = truth;
        }

        void evaluate(LocalDate today, RuleSettings settings) {
            Evaluation evaluation = evaluation(today, settings);
            evaluation.spells().forEach(s -> spells.put(s.getSpellId(), s));
            evaluation.outcomes().forEach(o -> outcomes.put(o.getEventId(), o));
            afterEvaluation(() -> today, settings);
        }
    }

    /**
     * The stay engine's way of using the library, without Kafka: the delivered cards (duplicate copies and
     * re-ordered cards included, late and invalid ones left out) arrive in delivery order; the clock is the
     * latest crossing date seen (§8 stream time); a traveller is evaluated only when a crossing arrives; the history
     * is pruned above {@value KeptHistory#PRUNE_ABOVE} crossings with the engine's 30-day horizon, and a pruned
     * crossing's outputs stay as last emitted. At the end every value last written is read at the truth's clock, as
     * a reader of the engine's topics derives it with {@link AtClock}.
     */
    private static Map<TravellerTruth, Emitted> asTheEngineRunsIt(GroundTruth truth, RuleSettings settings) {
        Map<String, EngineState> stateOf = new HashMap<>();
        Map<String, CrossingFact> factOf = new HashMap<>();
        List<EngineState> states = new ArrayList<>();
        for (TravellerTruth t : truth.travellers()) {
            if (!t.allDelivered()) {
                continue;
            }
            EngineState state = new EngineState(t);
            states.add(state);
            for (CrossingFact f :
                    SimulatedFacts.facts(t.traveller(), t.delivered().accepted())) {
                stateOf.put(f.eventId(), state);
                factOf.put(f.eventId(), f);
            }
        }
        LocalDate clock = null;
        for (Card card : truth.world().cards()) {
            CrossingFact fact = factOf.get(card.eventId());
            if (fact == null) {
                continue; // a card of a traveller with a lost, late or invalid card
            }
            if (clock == null || fact.date().isAfter(clock)) {
                clock = fact.date();
            }
            EngineState state = stateOf.get(card.eventId());
            state.crossings.add(fact);
            state.evaluate(clock, settings);
        }
        LocalDate readAt = truth.clock();
        Map<TravellerTruth, Emitted> out = new HashMap<>();
        for (EngineState state : states) {
            out.put(
                    state.truth,
                    new Emitted(
                            state.spells.values().stream()
                                    .map(s -> AtClock.spell(s, readAt, settings))
                                    .toList(),
                            state.outcomes.values().stream()
                                    .map(o -> AtClock.outcome(o, readAt))
                                    .toList()));
        }
        return out;
    }

    private static void compareSpells(
            List<TruthSpell> expected, List<Spell> actual, List<String> differences, String run) {
        Map<String, Spell> byStart = new HashMap<>();
        for (Spell s : actual) {
            byStart.put(s.getStartEventId(), s);
        }
        for (TruthSpell e : expected) {
            Spell a = byStart.remove(e.startEventId());
            String at = ": spell " + e.startEventId() + " " + e.startDate();
            if (a == null) {
                differences.add(run + "spell missing in domain" + at);
                continue;
            }
            check(differences, run + "spell kind", at, e.stay() ? SpellKind.STAY : SpellKind.ABSENCE, a.getKind());
            check(
                    differences,
                    run + "spell state",
                    at,
                    e.state().name(),
                    a.getState().name());
            check(differences, run + "spell start date", at, e.startDate(), a.getStartDate());
            check(differences, run + "spell end date", at, e.endDate(), a.getEndDate());
            check(differences, run + "spell duration", at, e.durationDays(), a.getDurationDays());
            check(
                    differences,
                    run + "spell class",
                    at,
                    e.durationClass().name(),
                    a.getDurationClass().name());
            check(differences, run + "spell class final", at, e.classFinal(), a.getClassFinal());
            check(differences, run + "spell labour", at, e.labour(), a.getLabour());
            check(differences, run + "spell short-term migrant", at, e.shortTermMigrant(), a.getShortTermMigrant());
            check(differences, run + "spell long-term migrant", at, e.longTermMigrant(), a.getLongTermMigrant());
            check(differences, run + "90/180 latest exit", at, e.latestAuthorisedExit(), a.getLatestAuthorisedExit());
            check(differences, run + "90/180 overstay days", at, e.overstayDays(), a.getOverstayDays());
            check(differences, run + "90/180 suspected", at, e.suspectedOverstay(), a.getSuspectedOverstay());
        }
        byStart.values()
                .forEach(a -> differences.add(
                        run + "spell only in domain: spell " + a.getStartEventId() + " " + a.getStartDate()));
    }

    /**
     * RULES §5: every crossing carries an outcome, in the truth also a same-direction repeat left out of the walk
     * (a repeat happens when a card was lost); each must have the same outcome in the domain, and the domain must
     * give no outcome the truth does not.
     */
    private static void compareOutcomes(
            List<Outcome> expected, List<CrossingOutcome> actual, List<String> differences, String run) {
        Map<String, CrossingOutcome> byEvent = new HashMap<>();
        for (CrossingOutcome o : actual) {
            byEvent.put(o.getEventId(), o);
        }
        for (Outcome e : expected) {
            CrossingOutcome a = byEvent.remove(e.eventId());
            String at = ": crossing " + e.eventId() + " " + e.crossingDate();
            if (a == null) {
                differences.add(run + "12/16 outcome missing in domain" + at);
                continue;
            }
            check(differences, run + "12/16 status before", at, status(e.residentBefore()), a.getStatusBefore());
            check(differences, run + "12/16 status after", at, status(e.residentAfter()), a.getStatusAfter());
            check(differences, run + "12/16 long-term flag", at, e.longTermMigration(), a.getLongTermMigration());
            check(differences, run + "12/16 final date", at, e.finalDate(), a.getFinalDate());
        }
        byEvent.values()
                .forEach(a -> differences.add(run + "12/16 outcome only in domain: crossing " + a.getEventId()));
    }

    private static ResidenceStatus status(boolean resident) {
        return resident ? ResidenceStatus.RESIDENT : ResidenceStatus.NON_RESIDENT;
    }

    private static void check(List<String> differences, String field, String at, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            differences.add(field + at + " truth " + expected + " domain " + actual);
        }
    }
}
