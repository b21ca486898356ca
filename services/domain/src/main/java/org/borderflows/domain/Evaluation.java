package org.borderflows.domain;

import java.util.List;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.Spell;
import org.borderflows.schema.TravellerStatus;

/**
 * Everything the rules say about one traveller at a processing clock (RULES.md §8).
 *
 * @param spells spells in order of their start crossing (§3-§4, §7)
 * @param outcomes one 12/16 outcome per distinct crossing, in crossing order (§5)
 * @param status the traveller's current status; {@code null} only when there is no crossing at all
 * @param findings data-quality findings (§3): duplicates, orphan exits, broken spells
 */
public record Evaluation(
        List<Spell> spells, List<CrossingOutcome> outcomes, TravellerStatus status, List<QualityEvent> findings) {

    /** A spell's id, the key of its record: the traveller and the event id of the crossing that starts it. */
    public static String spellId(String travellerId, String startEventId) {
        return travellerId + ":" + startEventId;
    }
}
