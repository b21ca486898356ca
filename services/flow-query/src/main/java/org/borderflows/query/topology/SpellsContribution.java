package org.borderflows.query.topology;

import java.util.Map;
import org.borderflows.schema.ResidenceStatus;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellKind;

/**
 * The spells dataset (RULES.md §3, §4): stays and absences by start, with their class once closed. An open spell is
 * PENDING with its start day, from which the query derives its class at the clock (RULES.md §8).
 */
public final class SpellsContribution implements Contribution {
    @Override
    public void spell(Spell s, Sink cells) {
        if (!Contributions.counted(s)) {
            return;
        }
        boolean closed = Contributions.closed(s);
        Map<String, String> dims = Contributions.person(s);
        dims.put(CellDimension.KIND.key(), s.getKind().name());
        dims.put(CellDimension.DURATION_CLASS.key(), Contributions.durationClass(s));
        dims.put(CellDimension.FINAL.key(), String.valueOf(closed));
        dims.put(CellDimension.BORDER_POST.key(), s.getStartBorderPost());
        dims.put(
                CellDimension.RESIDENCE_STATUS.key(),
                (s.getKind() == SpellKind.STAY ? ResidenceStatus.NON_RESIDENT : ResidenceStatus.RESIDENT).name());
        dims.put(CellDimension.PURPOSE.key(), s.getPurpose().name());
        dims.put(CellDimension.LABOUR.key(), String.valueOf(closed && s.getLabour()));
        dims.put(CellDimension.START_DAY.key(), Contributions.startDay(s));
        cells.add(s.getStartDate(), dims, 1, s.getAsOf());
    }
}
