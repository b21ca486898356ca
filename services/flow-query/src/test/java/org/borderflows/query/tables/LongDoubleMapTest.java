package org.borderflows.query.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The stamped map keeps each entry's stamp through probing, backward-shift removals and growth. */
class LongDoubleMapTest {
    @Test
    void stampsFollowTheirEntriesThroughRemovalsAndGrowth() {
        LongDoubleMap map = new LongDoubleMap(true);
        Map<Long, double[]> expected = new HashMap<>(); // key -> {value, stamp}
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long key = random.nextInt(5_000);
            if (random.nextInt(3) == 0) {
                map.remove(key);
                expected.remove(key);
            } else {
                int stamp = 1 + random.nextInt(1_000);
                map.put(key, i, stamp);
                expected.put(key, new double[] {i, stamp});
            }
        }
        Map<Long, Double> after500 = new HashMap<>();
        map.forEachStampedAfter(500, after500::put);
        Map<Long, Double> wanted = new HashMap<>();
        expected.forEach((key, v) -> {
            if (v[1] > 500) {
                wanted.put(key, v[0]);
            }
        });
        assertThat(after500).isEqualTo(wanted).isNotEmpty();
        assertThat(map.size()).isEqualTo(expected.size());
    }

    /** A change time is kept as its second rounded up: exact for instants on whole seconds, never late. */
    @Test
    void aChangeTimeIsStampedByTheSecondItEndsIn() {
        long noon = Instant.parse("2026-03-15T12:00:00Z").toEpochMilli();
        assertThat(Cube.stamp(noon)).isEqualTo(Cube.stamp(noon - 999)).isEqualTo(Cube.stamp(noon - 1));
        assertThat(Cube.stamp(noon + 1)).isEqualTo(Cube.stamp(noon) + 1);
        assertThat(Cube.stamp(Instant.parse("2019-06-01T00:00:00Z").toEpochMilli()))
                .as("before the stamps' epoch")
                .isEqualTo(1);
    }
}
