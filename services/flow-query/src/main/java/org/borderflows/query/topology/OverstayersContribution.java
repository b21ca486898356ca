package org.borderflows.query.topology;

import java.util.Map;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellKind;

/**
 * Per-person suspected in-country overstays (RULES.md §7, EES Art. 12), for the border agency only: an open stay
 * under the 90/180-day regime, by its entry date, with the day its overstay would begin; the query lists it once
 * its clock has passed that day.
 */
public final class OverstayersContribution implements Contribution {
    @Override
    public void spell(Spell s, Sink cells) {
        if (!Contributions.counted(s)
                || s.getKind() != SpellKind.STAY
                || Contributions.closed(s)
                || s.getLatestAuthorisedExit() == null) {
            return;
        }
        Map<String, String> who = Contributions.stay(s);
        who.put(CellDimension.DAY.key(), Contributions.day(OverstaysContribution.overstayBegins(s)));
        who.put(CellDimension.SPELL_ID.key(), s.getSpellId());
        who.put(CellDimension.TRAVELLER_ID.key(), s.getTravellerId());
        who.put(CellDimension.ENTRY_DATE.key(), s.getStartDate().toString());
        who.put(
                CellDimension.LATEST_AUTHORISED_EXIT.key(),
                s.getLatestAuthorisedExit().toString());
        who.put(
                CellDimension.CARD_NUMBER.key(),
                s.getStartCardNumber() == null ? Contributions.CLOSED : s.getStartCardNumber());
        cells.add(s.getStartDate(), who, 1, s.getAsOf());
    }
}
