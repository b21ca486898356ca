package org.borderflows.domain;

import java.time.LocalDate;
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
