package org.borderflows.simulator.truth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.simulator.gen.Fault;
import org.borderflows.simulator.gen.SimCrossing;
import org.borderflows.simulator.gen.SimTraveller;
import org.borderflows.simulator.gen.Simulation;
import org.borderflows.simulator.rules.Outcome;
import org.borderflows.simulator.rules.TravellerRules;
import org.borderflows.simulator.rules.Xing;

/**
 * The ground truth of a simulated world, computed with the simulator's own rule code
 * ({@link TravellerRules}), never the engine's. The processing clock is the latest crossing date that reached
 * the system (RULES.md §8), as the engine's stream time would be after the whole file.
 */
public record GroundTruth(Simulation.World world, LocalDate clock, List<TravellerTruth> travellers) {

    /** The truth under the documented rules. */
    public static GroundTruth compute(Simulation.World world, TravellerPseudonymiser pseudonymiser) {
        return compute(world, pseudonymiser, TravellerRules.defaults());
    }

    /** The truth under {@code rules} (a deployment's parameters, {@link TravellerRules#of}). */
    public static GroundTruth compute(
            Simulation.World world, TravellerPseudonymiser pseudonymiser, TravellerRules rules) {
        LocalDate clock = LocalDate.MIN;
        for (SimTraveller t : world.travellers()) {
            for (SimCrossing c : t.crossings()) {
                Simulation.Fate fate = world.fates().get(c.eventId());
                if (world.inWindow(c) && fate != null && fate.fault().delivered()) {
                    LocalDate d = world.date(c);
                    clock = d.isAfter(clock) ? d : clock;
                }
            }
        }
        List<TravellerTruth> out = new ArrayList<>(world.travellers().size());
        LocalDate farFuture = world.settings().spanEnd().plusYears(5);
        for (SimTraveller t : world.travellers()) {
            boolean resident = "KAZ".equals(t.citizenship());
            List<Xing> real = new ArrayList<>();
            List<Xing> delivered = new ArrayList<>();
            List<Xing> fromWindowOn = new ArrayList<>();
            EnumSet<Fault> faults = EnumSet.noneOf(Fault.class);
            for (SimCrossing c : t.crossings()) {
                Xing x = xing(world, c);
                if (!world.date(c).isBefore(world.settings().windowStart())) {
                    fromWindowOn.add(x);
                }
                if (!world.inWindow(c)) {
                    continue;
                }
                real.add(x);
                Simulation.Fate fate = world.fates().get(c.eventId());
                if (fate.fault() != Fault.NONE) {
                    faults.add(fate.fault());
                }
                if (fate.duplicated()) {
                    faults.add(Fault.DUPLICATE);
                }
                if (fate.fault().delivered()) {
                    delivered.add(x);
                }
            }
            Map<String, Boolean> eventual = new HashMap<>();
            for (Outcome o : rules.evaluate(fromWindowOn, resident, farFuture).outcomes()) {
                eventual.put(o.eventId(), o.longTermMigration());
            }
            String id = pseudonymiser.pseudonym(t.documentCountry(), t.documentNumber(), t.birthDate());
            out.add(new TravellerTruth(
                    t,
                    resident,
                    id,
                    rules.evaluate(real, resident, clock),
                    rules.evaluate(delivered, resident, clock),
                    eventual,
                    faults));
        }
        return new GroundTruth(world, clock, out);
    }

    static Xing xing(Simulation.World world, SimCrossing c) {
        return new Xing(
                c.eventId(), c.direction(), c.crossedAt(), world.date(c), c.borderPost(), c.purpose(), c.cardNumber());
    }
}
