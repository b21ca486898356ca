package org.borderflows.query.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellKind;

/**
 * Expected departures (RULES.md §7; the US DHS Entry/Exit Overstay Report's measures): a stay under the 90/180-day
 * regime in the month of its latest authorised exit L. Closed: on time (exit on or before L) or an out-of-country
 * overstay (exit after L), facts. Open: no exit yet, with L's day, from which the query derives at its clock a
 * suspected in-country overstay (clock past L) or a stay not yet due (RULES.md §8: never a flag written at the
 * engine's clock).
 */
public final class OverstayRatesContribution implements Contribution {
    public static final String ON_TIME = "ON_TIME";
    public static final String OUT_OF_COUNTRY = "OUT_OF_COUNTRY";
    public static final String NO_EXIT = "NO_EXIT";

    @Override
    public void spell(Spell s, Sink cells) {
        if (!Contributions.counted(s) || s.getKind() != SpellKind.STAY || s.getLatestAuthorisedExit() == null) {
            return;
        }
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put(CellDimension.CITIZENSHIP.key(), s.getCitizenship());
        dims.put(CellDimension.PURPOSE.key(), s.getPurpose().name());
        dims.put(CellDimension.BORDER_POST.key(), s.getStartBorderPost());
        if (Contributions.closed(s)) {
            boolean over = s.getOverstayDays() != null && s.getOverstayDays() > 0;
            dims.put(CellDimension.DEPARTURE.key(), over ? OUT_OF_COUNTRY : ON_TIME);
            dims.put(CellDimension.DAY.key(), Contributions.CLOSED);
        } else {
            dims.put(CellDimension.DEPARTURE.key(), NO_EXIT);
            dims.put(CellDimension.DAY.key(), Contributions.day(s.getLatestAuthorisedExit()));
        }
        cells.add(s.getLatestAuthorisedExit(), dims, 1, s.getAsOf());
    }
}
