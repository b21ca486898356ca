package org.borderflows.domain;

import java.util.ArrayList;
import java.util.List;
import org.borderflows.schema.Direction;
import org.borderflows.schema.QualityIssue;
import org.borderflows.schema.SpellKind;
import org.borderflows.schema.SpellState;

/**
 * Pairs consecutive crossings into spells (RULES.md §3) and picks the crossings the 12/16 walk sees (§5).
 *
 * <p>The kind follows the citizenship-based status: a non-resident's spell is a STAY (ENTRY to the next EXIT), a
 * resident's an ABSENCE (EXIT to the next ENTRY). Call the first direction of the kind the <em>start</em>
 * direction and the other the <em>end</em> direction. Interpretations of §3:
 *
 * <ul>
 *   <li>start, start (a non-resident entering twice, a resident leaving twice): the end crossing between them was
 *       lost, so the earlier spell is BROKEN (no duration) with a BROKEN_SPELL finding on its start crossing, and a
 *       new spell starts.
 *   <li>end with no open spell, for a non-resident: an ORPHAN_EXIT finding, whether it is the first crossing (the
 *       entry happened before the data begin) or follows another exit (the entry between them was lost).
 *   <li>end with no open spell, for a resident: an entry with no exit before it is not an orphan (a resident who
 *       left before the data begin, or whose exit card was lost, comes home); no spell is invented and, since no
 *       spell was open, none is broken: no finding.
 *   <li>the 12/16 walk removes same-direction repeats "per §3": of start, start it drops the earlier crossing
 *       (its spell is broken), of end, end it drops the later one (it ends no spell). So the walk only sees the
 *       spells §3 measures, and the time around a lost crossing counts on the traveller's citizenship side.
 * </ul>
 */
final class SpellMatcher {

    private SpellMatcher() {}

    /** A spell before classification: {@code end} is null while OPEN and for a BROKEN spell. */
    record Draft(SpellKind kind, SpellState state, CrossingFact start, CrossingFact end) {}

    record Finding(QualityIssue issue, CrossingFact crossing) {}

    record Matching(List<Draft> spells, List<Finding> findings, List<CrossingFact> walk) {}

    static Direction startDirection(boolean resident) {
        return resident ? Direction.EXIT : Direction.ENTRY;
    }

    static Matching match(List<CrossingFact> ordered, boolean resident) {
        SpellKind kind = resident ? SpellKind.ABSENCE : SpellKind.STAY;
        Direction startDirection = startDirection(resident);
        List<Draft> spells = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<CrossingFact> walk = new ArrayList<>();
        CrossingFact open = null;
        boolean first = true;
        for (CrossingFact c : ordered) {
            if (c.direction() == startDirection) {
                if (open != null) {
                    spells.add(new Draft(kind, SpellState.BROKEN, open, null));
                    findings.add(new Finding(QualityIssue.BROKEN_SPELL, open));
                    walk.remove(walk.size() - 1);
                }
                open = c;
                walk.add(c);
            } else if (open != null) {
                spells.add(new Draft(kind, SpellState.CLOSED, open, c));
                open = null;
                walk.add(c);
            } else {
                if (!resident) {
                    findings.add(new Finding(QualityIssue.ORPHAN_EXIT, c));
                }
                if (first) {
                    walk.add(c);
                }
            }
            first = false;
        }
        if (open != null) {
            spells.add(new Draft(kind, SpellState.OPEN, open, null));
        }
        return new Matching(List.copyOf(spells), List.copyOf(findings), List.copyOf(walk));
    }
}
