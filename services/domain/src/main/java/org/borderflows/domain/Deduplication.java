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
 * Puts a traveller's crossings in their one canonical order and counts duplicates once (RULES.md §3).
 *
 * <p>Order: crossing date, then crossing instant, then event id; the record's full text breaks the last ties, so
 * the order (and which copy of a duplicate is "the first") never depends on the order of the input.
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
     * @param crossings distinct crossings in canonical order
     * @param extraCopies copies beyond the first, by event id of the first copy, in crossing order
     * @param firstCopy for every crossing given (by identity), the distinct crossing it is a copy of (itself if
     *     distinct)
     */
    record Distinct(
            List<CrossingFact> crossings,
            Map<String, Integer> extraCopies,
            Map<CrossingFact, CrossingFact> firstCopy) {}

    static Distinct of(Collection<CrossingFact> all) {
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
        return new Distinct(List.copyOf(distinct), extraCopies, firstCopy);
    }

    /** The second duplicate rule of §3: traveller + direction + card number + crossing date. */
    record CardKey(String travellerId, Direction direction, String cardNumber, LocalDate date) {}

    static CardKey cardKey(CrossingFact c) {
        String card = c.cardNumber() == null ? "" : c.cardNumber();
        return new CardKey(c.travellerId(), c.direction(), card, c.date());
    }
}
