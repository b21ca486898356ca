package org.borderflows.system;

import java.util.ArrayList;
import java.util.List;
import org.borderflows.domain.CrossingFact;
import org.borderflows.simulator.gen.SimTraveller;
import org.borderflows.simulator.rules.Xing;

/** The simulator's delivered crossings turned into the domain's input, shared by the system tests. */
final class SimulatedFacts {
    private SimulatedFacts() {}

    /** The delivered, duplicate-free crossings of one traveller as the stay engine would hand them over. */
    static List<CrossingFact> facts(SimTraveller traveller, List<Xing> crossings) {
        String travellerId = "sim-" + traveller.number();
        List<CrossingFact> out = new ArrayList<>(crossings.size());
        for (Xing x : crossings) {
            out.add(new CrossingFact(
                    x.eventId(),
                    travellerId,
                    x.cardNumber(),
                    x.direction(),
                    x.crossedAt(),
                    x.date(),
                    x.borderPost(),
                    traveller.citizenship(),
                    traveller.sex(),
                    traveller.birthDate(),
                    x.purpose(),
                    null));
        }
        return out;
    }
}
