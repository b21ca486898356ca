package org.borderflows.simulator.truth;

import java.util.EnumSet;
import java.util.Map;
import org.borderflows.simulator.gen.Fault;
import org.borderflows.simulator.gen.SimTraveller;
import org.borderflows.simulator.rules.TravellerRules;

/**
 * The truth about one traveller: what the rules give on the real crossings of the period ({@code real}), what a
 * correct engine must give on the crossings that were actually delivered ({@code delivered}), the 12/16 outcome
 * each crossing of the period eventually gets once the future is known ({@code eventualLongTerm}), and the
 * faults that touched the traveller's cards.
 */
public record TravellerTruth(
        SimTraveller traveller,
        boolean resident,
        String travellerId,
        TravellerRules.Result real,
        TravellerRules.Result delivered,
        Map<String, Boolean> eventualLongTerm,
        EnumSet<Fault> faults) {

    /** Every card reached the engine within the horizon (duplicates and re-ordering do not change results). */
    public boolean allDelivered() {
        for (Fault f : faults) {
            if (!f.delivered()) {
                return false;
            }
        }
        return true;
    }

    /** The worst fault, for grouping: lost, late and invalid before duplicate and re-ordered. */
    public Fault mainFault() {
        for (Fault f : new Fault[] {Fault.LOST_EXIT, Fault.LATE, Fault.INVALID, Fault.REORDERED, Fault.DUPLICATE}) {
            if (faults.contains(f)) {
                return f;
            }
        }
        return Fault.NONE;
    }
}
