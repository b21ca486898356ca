package org.borderflows.query.tables;

import java.time.LocalDate;
import java.util.Map;
import org.borderflows.platform.TrafficClock;
import org.borderflows.query.topology.CellDimension;
import org.borderflows.query.topology.Contributions;
import org.borderflows.query.topology.QualityContribution;

/**
 * The tables' processing clock (RULES.md §8): the date the bulk of the traffic has reached ({@link TrafficClock}),
 * at which the answers derive what depends on the clock ({@link ClockView}). Each border post's latest crossing date
 * comes from the quality dataset's RECEIVED cells of accepted crossings (their asOf is the crossing date), so one
 * post, or one card, far ahead of the others cannot move it, and the clock does not depend on the order in which
 * cells arrive. Only while no crossing is known (tables fed with engine values alone, as in tests) is it the latest
 * asOf of the cells. It never moves back while its source stays the same, even when the cells that set it are
 * deleted.
 */
final class QueryClock {
    private final TrafficClock posts = new TrafficClock();
    private LocalDate latestOfCells;

    /** Takes a cell's clock into account; true when the clock changed. */
    boolean see(String dataset, Map<String, String> dimensions, LocalDate asOf) {
        if (asOf == null || asOf.equals(Contributions.NO_CLOCK)) {
            return false;
        }
        LocalDate before = clock();
        if (dataset.equals(Datasets.QUALITY)
                && QualityContribution.RECEIVED.equals(dimensions.get(CellDimension.ISSUE.key()))) {
            posts.see(dimensions.get(CellDimension.BORDER_POST.key()), asOf.toEpochDay());
        } else if (latestOfCells == null || asOf.isAfter(latestOfCells)) {
            latestOfCells = asOf;
        }
        return !java.util.Objects.equals(before, clock());
    }

    LocalDate clock() {
        return posts.value() == Long.MIN_VALUE ? latestOfCells : LocalDate.ofEpochDay(posts.value());
    }
}
