package org.borderflows.benchmarks.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The backfill bench's input: every crossing written once, and in time order when the layout says so. */
class BenchLayoutTest {
    /** Four blocks of travellers and some more (the last stretch repeated): enough to cross block boundaries. */
    private static final long SIZE = 900_000;

    @Test
    void timeLayoutWritesEveryCrossingOnceInTimeOrder() {
        List<BenchLayout.Card> cards = new ArrayList<>();
        long travellers = BenchLayout.TIME.fill(SIZE, cards::add);

        assertThat(cards).hasSize((int) SIZE);
        for (int i = 1; i < cards.size(); i++) {
            assertThat(cards.get(i).crossedAtMs())
                    .as("crossing %d is not earlier than the one before", i)
                    .isGreaterThanOrEqualTo(cards.get(i - 1).crossedAtMs());
        }
        assertThat(distinctTravellers(cards)).isEqualTo(travellers);
    }

    @Test
    void blocksLayoutGoesBackInTimeAtEachBlock() {
        List<BenchLayout.Card> cards = new ArrayList<>();
        long travellers = BenchLayout.BLOCKS.fill(SIZE, cards::add);

        assertThat(cards).hasSize((int) SIZE);
        int stepsBack = 0;
        for (int i = 1; i < cards.size(); i++) {
            if (cards.get(i).crossedAtMs() < cards.get(i - 1).crossedAtMs()) {
                stepsBack++;
            }
        }
        assertThat(stepsBack)
                .as("one step back in time per block after the first")
                .isEqualTo(4);
        assertThat(distinctTravellers(cards)).isEqualTo(travellers);
    }

    /** The same kind of itineraries in both layouts: 2-6 crossings, fewer when they reach the end of June 2026. */
    @Test
    void bothLayoutsMakeTwoToSixCrossingsPerTraveller() {
        for (BenchLayout layout : BenchLayout.values()) {
            Map<String, Integer> counts = perTraveller(layout);
            assertThat(counts.values()).as(layout.name()).allMatch(n -> n >= 1 && n <= 6);
            assertThat(counts.values().stream()
                            .mapToInt(Integer::intValue)
                            .average()
                            .orElse(0))
                    .as(layout.name())
                    .isBetween(3.0, 4.5);
        }
    }

    private static Map<String, Integer> perTraveller(BenchLayout layout) {
        Map<String, Integer> counts = new HashMap<>();
        layout.fill(200_000, card -> counts.merge(card.travellerId(), 1, Integer::sum));
        return counts;
    }

    private static long distinctTravellers(List<BenchLayout.Card> cards) {
        Set<String> ids = new HashSet<>();
        cards.forEach(c -> ids.add(c.travellerId()));
        return ids.size();
    }
}
