package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.borderflows.platform.Topic;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
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
    private static final List<String> COUNTRIES = List.of("KAZ", "UZB", "TJK", "RUS", "CHN");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void shuffledDeliveryWithDuplicatesEndsInTheSameTopicsAsInOrderOnce(long seed) {
        Random random = new Random(seed);
        List<Crossing> itineraries = itineraries(random, 25);
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

        Map<Topic, Map<String, Object>> expected = finalTopics(inOrder);
        Map<Topic, Map<String, Object>> actual =
                finalTopics(deliveries.stream().map(Delivery::crossing).toList());

        assertThat(actual.get(Topic.SPELLS)).isEqualTo(expected.get(Topic.SPELLS));
        assertThat(actual.get(Topic.CROSSING_OUTCOMES)).isEqualTo(expected.get(Topic.CROSSING_OUTCOMES));
        assertThat(actual.get(Topic.TRAVELLER_STATUS)).isEqualTo(expected.get(Topic.TRAVELLER_STATUS));
        assertThat(actual.get(Topic.QUALITY_EVENTS)).isEqualTo(expected.get(Topic.QUALITY_EVENTS));
        assertThat(actual.get(Topic.LATE_CROSSINGS)).isEmpty();
        assertThat(expected.get(Topic.CROSSING_OUTCOMES)).hasSize(itineraries.size());
    }

    /** Travellers with 2-6 crossings, alternating direction mostly, gaps of 0-400 days. */
    private static List<Crossing> itineraries(Random random, int travellers) {
        List<Crossing> out = new ArrayList<>();
        for (int t = 0; t < travellers; t++) {
            String traveller = "t" + t;
            String citizenship = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
            boolean resident = citizenship.equals("KAZ");
            Direction direction = resident ? Direction.EXIT : Direction.ENTRY;
            LocalDate date = START.plusDays(random.nextInt(200));
            int n = 2 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                Purpose purpose = Purpose.values()[random.nextInt(Purpose.values().length)];
                out.add(EngineDriver.crossing(traveller, traveller + "-" + i, direction, date, citizenship, purpose));
                if (random.nextInt(10) != 0) { // one in ten: a lost crossing, same direction again
                    direction = direction == Direction.ENTRY ? Direction.EXIT : Direction.ENTRY;
                }
                date = date.plusDays(random.nextInt(4) == 0 ? random.nextInt(400) : random.nextInt(60));
            }
        }
        return out;
    }

    private static Map<Topic, Map<String, Object>> finalTopics(List<Crossing> delivery) {
        try (EngineDriver engine = new EngineDriver()) {
            delivery.forEach(engine::send);
            Map<Topic, Map<String, Object>> out = new TreeMap<>();
            for (Topic topic : List.of(
                    Topic.SPELLS,
                    Topic.CROSSING_OUTCOMES,
                    Topic.TRAVELLER_STATUS,
                    Topic.QUALITY_EVENTS,
                    Topic.LATE_CROSSINGS)) {
                Map<String, Object> table = new TreeMap<>();
                engine.<Object>table(topic).forEach((k, v) -> {
                    Object n = Normalised.of(v);
                    if (n != null) {
                        table.put(k, n);
                    }
                });
                out.put(topic, table);
            }
            return out;
        }
    }
}
