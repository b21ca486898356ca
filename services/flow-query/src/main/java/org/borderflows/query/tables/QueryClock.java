package org.borderflows.query.tables;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.borderflows.query.topology.Contributions;

/**
 * The tables' processing clock (RULES.md §8): the date the bulk of the traffic has reached, at which the answers
 * derive what depends on the clock ({@link ClockView}). Each border post's latest crossing date comes from the
 * quality dataset's RECEIVED cells of accepted crossings (their asOf is the crossing date); the clock is the second
 * latest of those dates, so one post, or one card, far ahead of the others cannot move it. With a single post it is
 * that post's date; before any crossing is known (tables fed with engine values only) it is the latest asOf of the
 * cells. It only moves forward, even when the cells that set it are deleted.
 */
final class QueryClock {
    private final Map<String, LocalDate> latestByPost = new HashMap<>();
    private LocalDate latestOfPosts;
    private LocalDate secondOfPosts;
    private LocalDate latestOfCells;
    private LocalDate clock;

    /** Takes a cell's clock into account; true when the clock moved. */
    boolean see(String dataset, Map<String, String> dimensions, LocalDate asOf) {
        if (asOf == null || asOf.equals(Contributions.NO_CLOCK)) {
            return false;
        }
        if (dataset.equals(Contributions.QUALITY) && "RECEIVED".equals(dimensions.get("issue"))) {
            post(dimensions.get("borderPost"), asOf);
        } else if (latestOfCells == null || asOf.isAfter(latestOfCells)) {
            latestOfCells = asOf;
        }
        LocalDate candidate =
                latestOfPosts == null ? latestOfCells : secondOfPosts == null ? latestOfPosts : secondOfPosts;
        if (candidate != null && (clock == null || candidate.isAfter(clock))) {
            clock = candidate;
            return true;
        }
        return false;
    }

    LocalDate clock() {
        return clock;
    }

    private void post(String borderPost, LocalDate date) {
        LocalDate known = latestByPost.get(borderPost);
        if (known != null && !date.isAfter(known)) {
            return;
        }
        latestByPost.put(borderPost, date);
        // the two latest dates of different posts
        LocalDate first = null;
        LocalDate second = null;
        for (LocalDate d : latestByPost.values()) {
            if (first == null || d.isAfter(first)) {
                second = first;
                first = d;
            } else if (second == null || d.isAfter(second)) {
                second = d;
            }
        }
        latestOfPosts = first;
        secondOfPosts = second;
    }
}
