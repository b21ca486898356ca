package org.borderflows.engine.topology;

import java.time.LocalDate;
import org.borderflows.domain.AtClock;
import org.borderflows.domain.RuleSettings;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.QualityIssue;
import org.borderflows.schema.Spell;
import org.borderflows.schema.TravellerStatus;

/**
 * An output value without the fields that only say when it was computed (RULES.md §8: asOf and what depends on
 * the clock: an open spell's elapsed days, class and overstay, an outcome's provisional flag, a status's days
 * used/remaining and in-country overstay, all derived at one fixed clock with {@link AtClock}), and without
 * DUPLICATE and REVISED_AFTER_FINAL findings (null: they count how the crossings were delivered, not what they
 * say), so runs that saw the same crossings in different orders and at different clock moments can be compared.
 */
public final class Normalised {
    private static final RuleSettings RULES = RuleSettings.defaults("KAZ");

    private Normalised() {}

    public static Object of(Object value) {
        if (value instanceof Spell s) {
            return AtClock.spell(s, LocalDate.EPOCH, RULES);
        }
        if (value instanceof TravellerStatus s) {
            TravellerStatus copy = TravellerStatus.newBuilder(s)
                    .setAsOf(LocalDate.EPOCH)
                    .setDaysUsed(null)
                    .setDaysRemaining(null)
                    .build();
            if (copy.getOpenSpellId() != null) {
                copy.setSuspectedOverstay(false);
                copy.setOverstayDays(null);
            }
            return copy;
        }
        if (value instanceof QualityEvent q) {
            return q.getIssue() == QualityIssue.DUPLICATE || q.getIssue() == QualityIssue.REVISED_AFTER_FINAL
                    ? null
                    : QualityEvent.newBuilder(q).setAsOf(LocalDate.EPOCH).build();
        }
        if (value instanceof CrossingOutcome o) {
            return AtClock.outcome(o, LocalDate.EPOCH);
        }
        return value;
    }
}
