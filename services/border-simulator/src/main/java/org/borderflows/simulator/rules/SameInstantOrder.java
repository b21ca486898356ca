package org.borderflows.simulator.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.schema.Direction;

/**
 * RULES.md §3 "Order" for crossings of one traveller at the same instant (equal {@code crossedAt}): they alternate
 * with the crossing before them, before the first crossing as if a resident had entered / a non-resident had left,
 * so a same-minute entry and exit never make a broken spell and delivery order plays no part.
 *
 * <p>Reading used here: with {@code before} the direction of the crossing before the group, the k-th crossing
 * (k = 0, 1, ...) of the other direction takes slot 2k and the k-th crossing of {@code before}'s direction slot
 * 2k + 1; the group is read in slot order. While both directions last they alternate; when one runs out, the rest
 * of the other follows. Crossings of one direction at one instant are interchangeable and are counted k by event
 * id. The group's last crossing goes the way of the direction it has more of, or, with as many of each, the way of
 * {@code before}.
 */
public final class SameInstantOrder {
    private SameInstantOrder() {}

    /**
     * @param accepted duplicate-free crossings sorted by instant (event ids unique)
     * @param resident the status from citizenship (RULES.md §3)
     */
    public static List<Xing> of(List<Xing> accepted, boolean resident) {
        List<Xing> out = new ArrayList<>(accepted.size());
        Direction before = resident ? Direction.ENTRY : Direction.EXIT;
        int i = 0;
        while (i < accepted.size()) {
            int j = i;
            while (j < accepted.size()
                    && accepted.get(j).crossedAt().equals(accepted.get(i).crossedAt())) {
                j++;
            }
            List<Xing> group = slots(accepted.subList(i, j), before);
            out.addAll(group);
            before = group.get(group.size() - 1).direction();
            i = j;
        }
        return out;
    }

    private static List<Xing> slots(List<Xing> group, Direction before) {
        List<Xing> byId = new ArrayList<>(group);
        byId.sort(Comparator.comparing(Xing::eventId));
        Map<Direction, Integer> seen = new EnumMap<>(Direction.class);
        Map<Xing, Integer> slot = new IdentityHashMap<>();
        for (Xing x : byId) {
            int k = seen.merge(x.direction(), 1, Integer::sum) - 1;
            slot.put(x, 2 * k + (x.direction() == before ? 1 : 0));
        }
        byId.sort(Comparator.comparing(slot::get));
        return byId;
    }
}
