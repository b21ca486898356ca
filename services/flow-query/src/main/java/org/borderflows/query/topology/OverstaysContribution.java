package org.borderflows.query.topology;

import java.time.LocalDate;
import java.util.Map;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellKind;

/**
 * Overstays of the 90/180-day rule (RULES.md §7): AT_EXIT, a closed stay that ended after its latest authorised
 * exit, in the month of its exit; IN_COUNTRY, an open stay under the regime, on the day after that date, from which
 * the query counts a suspected overstay once its clock has passed it, if no exit came first (RULES.md §8).
 */
public final class OverstaysContribution implements Contribution {
    @Override
    public void spell(Spell s, Sink cells) {
        if (!Contributions.counted(s) || s.getKind() != SpellKind.STAY) {
            return;
        }
        boolean closed = Contributions.closed(s);
        if (closed && s.getOverstayDays() != null && s.getOverstayDays() > 0) {
            Map<String, String> dims = Contributions.stay(s);
            dims.put(CellDimension.TYPE.key(), "AT_EXIT");
            dims.put(CellDimension.DAY.key(), Contributions.CLOSED);
            cells.add(s.getEndDate(), dims, 1, s.getAsOf());
        } else if (!closed && s.getLatestAuthorisedExit() != null) {
            LocalDate began = overstayBegins(s);
            Map<String, String> dims = Contributions.stay(s);
            dims.put(CellDimension.TYPE.key(), "IN_COUNTRY");
            dims.put(CellDimension.DAY.key(), Contributions.day(began));
            cells.add(began, dims, 1, s.getAsOf());
        }
    }

    /** An open stay's suspected overstay begins the day after its latest authorised exit (§7). */
    static LocalDate overstayBegins(Spell s) {
        return s.getLatestAuthorisedExit().plusDays(1);
    }
}
