package org.borderflows.engine.topology;

import java.time.LocalDate;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.QualityIssue;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellState;
import org.borderflows.schema.TravellerStatus;

/**
 * An output value without the fields that only say when it was computed (RULES.md §8: asOf, an open spell's
 * elapsed and overstay days, a status's days used/remaining and growing overstay), and without DUPLICATE
 * findings (null), so runs that saw the same crossings at different clock moments can be compared.
 */
final class Normalised {
    private Normalised() {}

    static Object of(Object value) {
        if (value instanceof Spell s) {
            Spell copy = Spell.newBuilder(s).setAsOf(LocalDate.EPOCH).build();
            if (copy.getState() == SpellState.OPEN) {
                copy.setDurationDays(null);
                copy.setOverstayDays(null);
            }
            return copy;
        }
        if (value instanceof TravellerStatus s) {
            TravellerStatus copy = TravellerStatus.newBuilder(s)
                    .setAsOf(LocalDate.EPOCH)
                    .setDaysUsed(null)
                    .setDaysRemaining(null)
                    .build();
            if (copy.getSuspectedOverstay()) {
                copy.setOverstayDays(null);
            }
            return copy;
        }
        if (value instanceof QualityEvent q) {
            return q.getIssue() == QualityIssue.DUPLICATE
                    ? null
                    : QualityEvent.newBuilder(q).setAsOf(LocalDate.EPOCH).build();
        }
        if (value instanceof CrossingOutcome o) {
            return CrossingOutcome.newBuilder(o).setAsOf(LocalDate.EPOCH).build();
        }
        return value;
    }
}
