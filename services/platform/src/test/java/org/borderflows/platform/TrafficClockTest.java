package org.borderflows.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RULES.md §8: one post, or one card, far ahead of the others cannot move the clock on its own. */
class TrafficClockTest {
    // epoch days: 2025-06-28, 2025-06-29, 2025-06-30 and 2026-12-05
    private static final long JUNE_28 = 20267;
    private static final long JUNE_29 = 20268;
    private static final long JUNE_30 = 20269;
    private static final long DECEMBER_5_2026 = 20792;

    @Test
    void withOnePostTheClockIsItsLatestTime() {
        TrafficClock clock = new TrafficClock();
        assertThat(clock.value()).isEqualTo(Long.MIN_VALUE);

        clock.see("KZ-ALA-AIR", JUNE_29);

        assertThat(clock.value()).isEqualTo(JUNE_29);
    }

    @Test
    void oneCardFarAheadAtOnePostIsIgnored() {
        TrafficClock clock = new TrafficClock();
        clock.see("KZ-ALA-AIR", JUNE_30);
        clock.see("KZ-KOR-ROAD", JUNE_30);
        clock.see("KZ-NQZ-AIR", JUNE_29);

        clock.see("KZ-ALA-AIR", DECEMBER_5_2026);

        assertThat(clock.value()).isEqualTo(JUNE_30);
    }

    @Test
    void aPostMovingAheadOfTheLeaderMakesTheLeaderSecond() {
        TrafficClock clock = new TrafficClock();
        clock.see("KZ-ALA-AIR", JUNE_29);
        clock.see("KZ-KOR-ROAD", JUNE_28);
        assertThat(clock.value()).isEqualTo(JUNE_28);

        clock.see("KZ-KOR-ROAD", JUNE_30);

        assertThat(clock.value()).isEqualTo(JUNE_29);
    }

    @Test
    void theClockIsTheSecondLatestOfThePostsLatestTimesWhateverTheOrder() {
        Random random = new Random(8);
        for (int run = 0; run < 200; run++) {
            List<String> posts = List.of("A", "B", "C", "D", "E").subList(0, 1 + random.nextInt(5));
            List<Object[]> crossings = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                crossings.add(new Object[] {posts.get(random.nextInt(posts.size())), (long) random.nextInt(100)});
            }
            Collections.shuffle(crossings, random);
            TrafficClock clock = new TrafficClock();
            Map<String, Long> latest = new HashMap<>();
            for (Object[] c : crossings) {
                clock.see((String) c[0], (Long) c[1]);
                latest.merge((String) c[0], (Long) c[1], Math::max);
            }
            List<Long> sorted = new ArrayList<>(latest.values());
            sorted.sort(Collections.reverseOrder());
            long expected = sorted.size() == 1 ? sorted.get(0) : sorted.get(1);
            assertThat(clock.value()).as("run %d: %s", run, latest).isEqualTo(expected);
        }
    }
}
