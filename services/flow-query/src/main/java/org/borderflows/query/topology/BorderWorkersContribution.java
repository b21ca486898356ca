package org.borderflows.query.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.borderflows.schema.Spell;

/**
 * Frontier (border) workers (docs/rules.md §4a): a closed spell that ended while its traveller was one contributes
 * its two crossings and, if it is the first such spell of its month, the worker, at the post where it ended.
 */
public final class BorderWorkersContribution implements Contribution {
    /** The {@link CellDimension#COUNTED} value of a worker. */
    public static final String WORKER = "WORKER";
    /** The {@link CellDimension#COUNTED} value of a crossing. */
    public static final String CROSSING = "CROSSING";

    @Override
    public void spell(Spell s, Sink cells) {
        if (!Contributions.counted(s) || !Contributions.closed(s) || !s.getBorderWorker()) {
            return;
        }
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put(CellDimension.CITIZENSHIP.key(), s.getCitizenship());
        dims.put(CellDimension.KIND.key(), s.getKind().name());
        dims.put(CellDimension.COUNTED.key(), CROSSING);
        Map<String, String> start = new LinkedHashMap<>(dims);
        start.put(CellDimension.BORDER_POST.key(), s.getStartBorderPost());
        Map<String, String> end = new LinkedHashMap<>(dims);
        end.put(CellDimension.BORDER_POST.key(), s.getEndBorderPost() == null ? Cells.NONE : s.getEndBorderPost());
        cells.add(s.getStartDate(), start, 1, s.getAsOf());
        cells.add(s.getEndDate(), end, 1, s.getAsOf());
        if (s.getFirstBorderWorkerSpellOfMonth()) {
            Map<String, String> worker = new LinkedHashMap<>(end);
            worker.put(CellDimension.COUNTED.key(), WORKER);
            cells.add(s.getEndDate(), worker, 1, s.getAsOf());
        }
    }
}
