package org.borderflows.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;

/** Seeded random itineraries with the faults of real data: same-direction repeats, same-day crossings. */
final class RandomItineraries {

    private static final Purpose[] PURPOSES = Purpose.values();

    private RandomItineraries() {}

    static List<CrossingFact> itinerary(Random random) {
        Traveller traveller = random.nextInt(3) == 0 ? Traveller.citizen() : Traveller.foreigner();
        int count = 1 + random.nextInt(16);
        LocalDate date = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(365));
        Direction direction = random.nextBoolean() ? Direction.ENTRY : Direction.EXIT;
        List<CrossingFact> crossings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                date = date.plusDays(gap(random));
                if (random.nextInt(8) != 0) {
                    direction = direction == Direction.ENTRY ? Direction.EXIT : Direction.ENTRY;
                }
            }
            Purpose purpose = random.nextInt(3) == 0 ? PURPOSES[random.nextInt(PURPOSES.length)] : Purpose.TOURISM;
            crossings.add(traveller.purpose(purpose).crossing("c" + i, direction, date));
        }
        return crossings;
    }

    /**
     * Frontier-worker-like itineraries (docs/rules.md §4a): alternating crossings, mostly WORK, most spells 0 to 7 days
     * with breaks of up to 40 days, so travellers become and stop being border workers, and pruning has to carry
     * the commuting ends a window can still see.
     */
    static List<CrossingFact> commuters(Random random) {
        Traveller traveller = random.nextInt(4) == 0 ? Traveller.citizen() : Traveller.foreigner();
        Direction direction = random.nextBoolean() ? Direction.ENTRY : Direction.EXIT;
        LocalDate date = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(60));
        int count = 10 + random.nextInt(60);
        List<CrossingFact> crossings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Purpose purpose = random.nextInt(6) == 0 ? Purpose.TOURISM : Purpose.WORK;
            crossings.add(traveller.purpose(purpose).crossing("c" + i, direction, date));
            direction = direction == Direction.ENTRY ? Direction.EXIT : Direction.ENTRY;
            date = date.plusDays(random.nextInt(8) == 0 ? random.nextInt(41) : random.nextInt(3));
        }
        return crossings;
    }

    /**
     * Alternating crossings with gaps of up to 60 or 250 days: reviews reach far ahead, so pruning has to carry
     * the S = 2N final dates of kept return crossings.
     */
    static List<CrossingFact> longGaps(Random random) {
        Traveller traveller = random.nextBoolean() ? Traveller.citizen() : Traveller.foreigner();
        Direction direction = random.nextBoolean() ? Direction.ENTRY : Direction.EXIT;
        LocalDate date = LocalDate.of(2020, 1, 1);
        int count = 5 + random.nextInt(40);
        List<CrossingFact> crossings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            crossings.add(traveller.purpose(Purpose.TOURISM).crossing("c" + i, direction, date));
            direction = direction == Direction.ENTRY ? Direction.EXIT : Direction.ENTRY;
            date = date.plusDays(random.nextInt(random.nextBoolean() ? 60 : 250));
        }
        return crossings;
    }

    /**
     * Itineraries where about one crossing in three shares the instant of the crossing before it, in either
     * direction: groups of crossings at one instant that §3 "Order" resolves (each crossing with its own card, so
     * none is a duplicate).
     */
    static List<CrossingFact> sameInstantGroups(Random random) {
        Traveller traveller = random.nextInt(3) == 0 ? Traveller.citizen() : Traveller.foreigner();
        int count = 2 + random.nextInt(20);
        OffsetDateTime at = LocalDate.of(2020, 1, 1)
                .plusDays(random.nextInt(365))
                .atTime(8, 0)
                .atOffset(ZoneOffset.ofHours(6));
        Direction direction = random.nextBoolean() ? Direction.ENTRY : Direction.EXIT;
        List<CrossingFact> crossings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                if (random.nextInt(3) != 0) {
                    at = at.plusDays(gap(random)).plusMinutes(random.nextInt(600));
                }
                if (random.nextInt(8) != 0) {
                    direction = direction == Direction.ENTRY ? Direction.EXIT : Direction.ENTRY;
                }
            }
            crossings.add(traveller.purpose(Purpose.TOURISM).card("K-" + i).crossing("c" + i, direction, at));
        }
        return crossings;
    }

    private static int gap(Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return 0;
        }
        if (kind < 5) {
            return 1 + random.nextInt(30);
        }
        if (kind < 8) {
            return 31 + random.nextInt(120);
        }
        return 151 + random.nextInt(350);
    }

    static LocalDate lastDate(List<CrossingFact> crossings) {
        return crossings.get(crossings.size() - 1).date();
    }
}
