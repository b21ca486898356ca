package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.borderflows.platform.Topic;
import org.borderflows.schema.Crossing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: random itineraries delivered in a random order (each crossing at most 20 days behind the clock, so
 * inside the 30-day horizon) and with duplicates end in the same compacted topics as the same crossings
 * delivered once, in order. Compared without the fields that only say when a value was computed: asOf, an open
 * spell's elapsed and overstay days, a status's days used/remaining and growing overstay (RULES.md §8: they follow the clock, not the data); and
 * without the DUPLICATE findings, which only the run with duplicates has.
 */
class OutOfOrderDeliveryPropertyTest {
    private static final LocalDate START = LocalDate.of(2023, 1, 1);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void shuffledDeliveryWithDuplicatesEndsInTheSameTopicsAsInOrderOnce(long seed) {
        Random random = new Random(seed);
        List<Crossing> itineraries = Itineraries.random(random, 25, START);
        List<Crossing> inOrder = new ArrayList<>(itineraries);
        inOrder.sort(Comparator.comparing(Crossing::getCrossedAt));

        record Delivery(Crossing crossing, long at) {}
        List<Delivery> deliveries = new ArrayList<>();
        for (Crossing c : itineraries) {
            int copies = random.nextInt(8) == 0 ? 2 : 1;
            for (int i = 0; i < copies; i++) {
                long delay = random.nextInt(20 * 24) * 3_600_000L; // up to 20 days late
                deliveries.add(new Delivery(c, c.getCrossedAt().toEpochMilli() + delay));
            }
        }
        deliveries.sort(Comparator.comparingLong(Delivery::at));

        Map<Topic, Map<String, Object>> expected = Itineraries.finalTopics(inOrder);
        Map<Topic, Map<String, Object>> actual = Itineraries.finalTopics(
                deliveries.stream().map(Delivery::crossing).toList());

        assertThat(actual.get(Topic.SPELLS)).isEqualTo(expected.get(Topic.SPELLS));
        assertThat(actual.get(Topic.CROSSING_OUTCOMES)).isEqualTo(expected.get(Topic.CROSSING_OUTCOMES));
        assertThat(actual.get(Topic.TRAVELLER_STATUS)).isEqualTo(expected.get(Topic.TRAVELLER_STATUS));
        assertThat(actual.get(Topic.QUALITY_EVENTS)).isEqualTo(expected.get(Topic.QUALITY_EVENTS));
        assertThat(actual.get(Topic.LATE_CROSSINGS)).isEmpty();
        assertThat(expected.get(Topic.CROSSING_OUTCOMES)).hasSize(itineraries.size());
    }
}
