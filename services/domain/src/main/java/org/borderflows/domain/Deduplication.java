package org.borderflows.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.schema.Direction;

/**
 * Counts a traveller's duplicate crossings once and puts the distinct ones in their one order (RULES.md §3).
 *
 * <p>Copies are compared in {@link #ORDER}: crossing date, then crossing instant, then event id, the record's full
 * text breaking the last ties, so which copy of a duplicate is "the first" never depends on the order of the
 * input. The distinct crossings are then put in §3's order by {@link CrossingOrder}, which differs from
 * {@link #ORDER} only among crossings at the same instant.
 *
 * <p>Duplicates: the same event id, or the same traveller + direction + card number + crossing date (a missing
 * card number counts as the empty card number: the same person crossing twice in the same direction on one day
 * without a card is the same crossing sent twice, or a same-direction repeat that §3 would discard anyway).
 */
final class Deduplication {

    static final Comparator<CrossingFact> ORDER = Comparator.comparing(CrossingFact::date)
            .thenComparing(CrossingFact::crossedAt)
            .thenComparing(CrossingFact::eventId)
            .thenComparing(CrossingFact::toString);

    private Deduplication() {}

    /**
     * @param crossings distinct crossings in §3's order ({@link CrossingOrder})
     * @param extraCopies copies beyond the first, by event id of the first copy, in crossing order
     * @param firstCopy for every crossing given (by identity), the distinct crossing it is a copy of (itself if
     *     distinct)
     * @param resident the status from citizenship (§3): the citizenship of the latest distinct crossing in
     *     {@link #ORDER} is the reporting country's; known before the order of same-instant crossings, which needs it
     */
    record Distinct(
            List<CrossingFact> crossings,
            Map<String, Integer> extraCopies,
            Map<CrossingFact, CrossingFact> firstCopy,
            boolean resident) {}

    static Distinct of(Collection<CrossingFact> all, String reportingCountry) {
        List<CrossingFact> sorted = new ArrayList<>(all);
        sorted.sort(ORDER);
        int capacity = 2 * sorted.size() + 1;
        Map<String, CrossingFact> byEventId = new HashMap<>(capacity);
        Map<CardKey, CrossingFact> byCardKey = new HashMap<>(capacity);
        Map<String, Integer> extraCopies = new LinkedHashMap<>();
        List<CrossingFact> distinct = new ArrayList<>(sorted.size());
        Map<CrossingFact, CrossingFact> firstCopy = new IdentityHashMap<>(capacity);
        for (CrossingFact c : sorted) {
            CrossingFact first = byEventId.get(c.eventId());
            if (first == null) {
                first = byCardKey.get(cardKey(c));
            }
            if (first != null) {
                firstCopy.put(c, first);
                extraCopies.merge(first.eventId(), 1, Integer::sum);
                byEventId.putIfAbsent(c.eventId(), first);
                byCardKey.putIfAbsent(cardKey(c), first);
                continue;
            }
            byEventId.put(c.eventId(), c);
            byCardKey.put(cardKey(c), c);
            firstCopy.put(c, c);
            distinct.add(c);
        }
        boolean resident = !distinct.isEmpty()
                && reportingCountry.equals(distinct.get(distinct.size() - 1).citizenship());
        return new Distinct(List.copyOf(CrossingOrder.of(distinct, resident)), extraCopies, firstCopy, resident);
    }

    /** The second duplicate rule of §3: traveller + direction + card number + crossing date. */
    record CardKey(String travellerId, Direction direction, String cardNumber, LocalDate date) {}

    static CardKey cardKey(CrossingFact c) {
        String card = c.cardNumber() == null ? "" : c.cardNumber();
        return new CardKey(c.travellerId(), c.direction(), card, c.date());
    }
}
