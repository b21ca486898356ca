package org.borderflows.query.tables;

import java.time.LocalDate;
import java.util.Map;
import org.borderflows.platform.TrafficClock;
import org.borderflows.query.topology.Contributions;

/**
 * The tables' processing clock (RULES.md §8): the date the bulk of the traffic has reached ({@link TrafficClock}),
 * at which the answers derive what depends on the clock ({@link ClockView}). Each border post's latest crossing date
 * comes from the quality dataset's RECEIVED cells of accepted crossings (their asOf is the crossing date), so one
 * post, or one card, far ahead of the others cannot move it. Before any crossing is known (tables fed with engine
 * values only) it is the latest asOf of the cells. It only moves forward, even when the cells that set it are
 * deleted.
 */
final class QueryClock {
    private final TrafficClock posts = new TrafficClock();
    private LocalDate latestOfCells;
    private LocalDate clock;

    /** Takes a cell's clock into account; true when the clock moved. */
    boolean see(String dataset, Map<String, String> dimensions, LocalDate asOf) {
        if (asOf == null || asOf.equals(Contributions.NO_CLOCK)) {
            return false;
        }
        LocalDate candidate;
        if (dataset.equals(Contributions.QUALITY) && "RECEIVED".equals(dimensions.get("issue"))) {
            candidate = LocalDate.ofEpochDay(posts.see(dimensions.get("borderPost"), asOf.toEpochDay()));
        } else {
            if (latestOfCells == null || asOf.isAfter(latestOfCells)) {
                latestOfCells = asOf;
            }
            candidate = posts.value() == Long.MIN_VALUE ? latestOfCells : LocalDate.ofEpochDay(posts.value());
        }
        if (clock == null || candidate.isAfter(clock)) {
            clock = candidate;
            return true;
        }
        return false;
    }

    LocalDate clock() {
        return clock;
    }
}
