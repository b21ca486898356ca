package org.borderflows.query.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellKind;

/**
 * Labour flows (RULES.md §4): a labour spell by its start (IN: a stay, OUT: an absence) and, once closed, by its end
 * (DEPARTURE, RETURN). An open WORK spell is counted with its start day: the query derives at the clock whether it
 * has reached 90 days.
 */
public final class LabourContribution implements Contribution {
    @Override
    public void spell(Spell s, Sink cells) {
        boolean closed = Contributions.closed(s);
        if (!Contributions.counted(s) || !(closed ? s.getLabour() : s.getPurpose() == Purpose.WORK)) {
            return;
        }
        boolean stay = s.getKind() == SpellKind.STAY;
        Map<String, String> start = Contributions.person(s);
        start.put(CellDimension.FLOW.key(), stay ? "IN" : "OUT");
        start.put(CellDimension.DURATION_CLASS.key(), Contributions.durationClass(s));
        start.put(CellDimension.FINAL.key(), String.valueOf(closed));
        start.put(CellDimension.BORDER_POST.key(), s.getStartBorderPost());
        start.put(CellDimension.START_DAY.key(), Contributions.startDay(s));
        cells.add(s.getStartDate(), start, 1, s.getAsOf());
        if (closed) {
            Map<String, String> end = new LinkedHashMap<>(start);
            end.put(CellDimension.FLOW.key(), stay ? "DEPARTURE" : "RETURN");
            end.put(CellDimension.BORDER_POST.key(), s.getEndBorderPost() == null ? Cells.NONE : s.getEndBorderPost());
            cells.add(s.getEndDate(), end, 1, s.getAsOf());
        }
    }
}
