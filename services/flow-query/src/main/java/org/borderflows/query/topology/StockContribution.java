package org.borderflows.query.topology;

import java.util.Map;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellKind;

/**
 * The stock (RULES.md §9): a stay by its start and the month it ended (OPEN while open); the query counts it present
 * at the end of each month from its start until the month it ended. Only an open WORK stay can still become labour
 * (at 90 days, RULES.md §4), so only its cells carry the start day.
 */
public final class StockContribution implements Contribution {
    @Override
    public void spell(Spell s, Sink cells) {
        if (!Contributions.counted(s) || s.getKind() != SpellKind.STAY) {
            return;
        }
        boolean closed = Contributions.closed(s);
        Map<String, String> dims = Contributions.stay(s);
        dims.put(CellDimension.LABOUR.key(), String.valueOf(closed && s.getLabour()));
        dims.put(
                CellDimension.START_DAY.key(),
                !closed && s.getPurpose() == Purpose.WORK ? Contributions.day(s.getStartDate()) : Contributions.CLOSED);
        dims.put(CellDimension.END_MONTH.key(), closed ? Cells.month(s.getEndDate()) : "OPEN");
        cells.add(s.getStartDate(), dims, 1, s.getAsOf());
    }
}
