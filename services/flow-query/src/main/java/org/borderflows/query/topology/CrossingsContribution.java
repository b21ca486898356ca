package org.borderflows.query.topology;

import org.borderflows.schema.CrossingOutcome;

/** The crossings dataset (RULES.md §9): every accepted crossing once, by its date, from its 12/16 outcome. */
public final class CrossingsContribution implements Contribution {
    @Override
    public void outcome(CrossingOutcome o, Sink cells) {
        cells.add(o.getCrossingDate(), Contributions.crossing(o), 1, o.getAsOf());
    }
}
