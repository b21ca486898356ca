package org.borderflows.engine.topology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.borderflows.platform.Topic;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;

/** Random itineraries for the delivery-order properties, and the engine's outputs as compacted topics hold them. */
final class Itineraries {
    private static final List<String> COUNTRIES = List.of("KAZ", "UZB", "TJK", "RUS", "CHN");

    /** Topics whose final contents the properties compare. */
    static final List<Topic> OUTPUTS = List.of(
            Topic.SPELLS, Topic.CROSSING_OUTCOMES, Topic.TRAVELLER_STATUS, Topic.QUALITY_EVENTS, Topic.LATE_CROSSINGS);

    private Itineraries() {}

    /**
     * Travellers with 2-6 crossings starting within 200 days of {@code start}, alternating direction mostly (one in
     * ten a lost crossing), gaps of 0-60 days and one in four 0-400 days.
     */
    static List<Crossing> random(Random random, int travellers, LocalDate start) {
        List<Crossing> out = new ArrayList<>();
        for (int t = 0; t < travellers; t++) {
            String traveller = "t" + t;
            String citizenship = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
            boolean resident = citizenship.equals("KAZ");
            Direction direction = resident ? Direction.EXIT : Direction.ENTRY;
            LocalDate date = start.plusDays(random.nextInt(200));
            int n = 2 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                Purpose purpose = Purpose.values()[random.nextInt(Purpose.values().length)];
                out.add(EngineDriver.crossing(traveller, traveller + "-" + i, direction, date, citizenship, purpose));
                if (random.nextInt(10) != 0) {
                    direction = direction == Direction.ENTRY ? Direction.EXIT : Direction.ENTRY;
                }
                date = date.plusDays(random.nextInt(4) == 0 ? random.nextInt(400) : random.nextInt(60));
            }
        }
        return out;
    }

    /** The outputs of delivering {@code delivery} to a fresh engine, normalised ({@link Normalised}). */
    static Map<Topic, Map<String, Object>> finalTopics(List<Crossing> delivery) {
        try (EngineDriver engine = new EngineDriver()) {
            delivery.forEach(engine::send);
            return finalTopics(engine);
        }
    }

    /** The engine's outputs so far, as compacted topics hold them, normalised ({@link Normalised}). */
    static Map<Topic, Map<String, Object>> finalTopics(EngineDriver engine) {
        return finalTopics(engine, OUTPUTS);
    }

    /** {@link #finalTopics(EngineDriver)} of {@code topics} only. */
    static Map<Topic, Map<String, Object>> finalTopics(EngineDriver engine, List<Topic> topics) {
        Map<Topic, Map<String, Object>> out = new TreeMap<>();
        for (Topic topic : topics) {
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
