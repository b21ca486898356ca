package org.borderflows.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.borderflows.schema.Direction;

/**
 * The order of one traveller's distinct crossings (RULES.md §3 "Order"): by {@code crossedAt}; crossings at the
 * same instant (equal {@code crossedAt}) alternate with the crossing before them, so that a same-minute entry and
 * exit never make a broken spell.
 *
 * <p>Within a group of crossings at one instant, the next crossing goes the other way from the crossing before it
 * (the previous group's last crossing; before the first crossing, as if a resident had entered or a non-resident
 * had left), as long as the group has one; when one direction runs out, the rest of the other follows. Crossings
 * of the same direction at the same instant are interchangeable: they follow each other by event id. The result
 * is a function of the set of crossings, never of the order they were delivered in.
 */
final class CrossingOrder {

    private CrossingOrder() {}

    /**
     * @param byInstant distinct crossings (unique event ids) sorted by date, then instant, then event id
     * @param resident the traveller's status from citizenship (§3), which gives the direction "before" the first
     *     crossing
     */
    static List<CrossingFact> of(List<CrossingFact> byInstant, boolean resident) {
        List<CrossingFact> ordered = new ArrayList<>(byInstant.size());
        Direction before = resident ? Direction.ENTRY : Direction.EXIT;
        int from = 0;
        while (from < byInstant.size()) {
            int to = from + 1;
            while (to < byInstant.size()
                    && byInstant.get(to).crossedAt().equals(byInstant.get(from).crossedAt())) {
                to++;
            }
            alternate(byInstant.subList(from, to), before, ordered);
            before = ordered.get(ordered.size() - 1).direction();
            from = to;
        }
        return ordered;
    }

    private static void alternate(List<CrossingFact> sameInstant, Direction before, List<CrossingFact> ordered) {
        Deque<CrossingFact> entries = new ArrayDeque<>();
        Deque<CrossingFact> exits = new ArrayDeque<>();
        for (CrossingFact c : sameInstant) {
            (c.direction() == Direction.ENTRY ? entries : exits).add(c);
        }
        Direction last = before;
        while (!entries.isEmpty() || !exits.isEmpty()) {
            Deque<CrossingFact> other = last == Direction.ENTRY ? exits : entries;
            Deque<CrossingFact> same = last == Direction.ENTRY ? entries : exits;
            CrossingFact next = other.isEmpty() ? same.poll() : other.poll();
            ordered.add(next);
            last = next.direction();
        }
    }
}
