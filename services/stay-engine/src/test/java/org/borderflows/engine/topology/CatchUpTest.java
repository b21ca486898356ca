package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderflows.engine.topology.EngineDriver.APP;
import static org.borderflows.engine.topology.EngineDriver.KAZ;
import static org.borderflows.engine.topology.EngineDriver.WALL_CLOCK;
import static org.borderflows.engine.topology.EngineDriver.crossing;
import static org.borderflows.engine.topology.EngineDriver.receivedAt;

import java.time.Duration;
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
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A task far behind its input (crossings received longer ago than {@code catchUpBehind}) defers its values and
 * writes each traveller's latest once; it ends in the compacted topics a live run ends in (compared without the
 * fields that only say when a value was computed, {@link Normalised}), whether it catches up to the end or switches
 * to live mid-stream.
 */
class CatchUpTest {
    private static final List<Topic> COMPACTED =
            List.of(Topic.SPELLS, Topic.CROSSING_OUTCOMES, Topic.TRAVELLER_STATUS, Topic.QUALITY_EVENTS);
    private static final List<String> COUNTRIES = List.of("KAZ", "UZB", "TJK", "RUS", "CHN");

    private static EngineDriver live() {
        return new EngineDriver(); // catchUpBehind zero
    }

    private static EngineDriver catchingUp() {
        return new EngineDriver(EngineSettings.defaults(APP, KAZ)); // 30 s: every crossing here is older
    }

    @Test
    void aVisitReplayedYearsLaterIsWrittenOnceClosedWhenTheInputIsExhausted() {
        // A Tajik tourist enters on 1 March 2025 and leaves on 10 March 2025; the cards are replayed in December 2026.
        Crossing in = crossing("t1", "e1", Direction.ENTRY, LocalDate.of(2025, 3, 1), "TJK", Purpose.TOURISM);
        Crossing out = crossing("t1", "e2", Direction.EXIT, LocalDate.of(2025, 3, 10), "TJK", Purpose.TOURISM);
        try (EngineDriver engine = catchingUp();
                EngineDriver live = live()) {
            engine.send(in, out);
            live.send(in, out);

            assertThat(engine.log(Topic.SPELLS))
                    .as("nothing written while catching up")
                    .isEmpty();
            assertThat(engine.log(Topic.CROSSING_OUTCOMES)).isEmpty();

            engine.advanceWallClock(Duration.ofSeconds(1)); // the check after the last crossing
            assertThat(engine.log(Topic.SPELLS))
                    .as("a crossing came since the last check")
                    .isEmpty();
            engine.advanceWallClock(Duration.ofSeconds(1));
            assertThat(engine.log(Topic.SPELLS))
                    .as("one check without a crossing: the thread may only have been held up")
                    .isEmpty();
            engine.advanceWallClock(Duration.ofSeconds(1)); // the second in a row: the input is exhausted

            List<Spell> spells =
                    engine.<Spell>log(Topic.SPELLS).stream().map(kv -> kv.value).toList();
            assertThat(spells).as("the stay, written once, closed").hasSize(1);
            assertThat(spells.get(0).getState()).isEqualTo(SpellState.CLOSED);
            assertThat(spells.get(0).getStartDate()).isEqualTo(LocalDate.of(2025, 3, 1));
            assertThat(spells.get(0).getEndDate()).isEqualTo(LocalDate.of(2025, 3, 10));
            assertThat(engine.log(Topic.CROSSING_OUTCOMES))
                    .as("one outcome per crossing")
                    .hasSize(2);
            assertThat(engine.log(Topic.TRAVELLER_STATUS)).hasSize(1);
            assertThat(live.log(Topic.SPELLS))
                    .as("live: the open stay at the entry, the closed one at the exit")
                    .hasSize(2);
            assertThat(normalised(engine)).isEqualTo(normalised(live));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void aReplayEndsInTheTopicsOfALiveRunWithFewerRecords(long seed) {
        List<Crossing> crossings = itineraries(new Random(seed), 40);
        try (EngineDriver engine = catchingUp();
                EngineDriver live = live()) {
            crossings.forEach(engine::send);
            crossings.forEach(live::send);
            engine.advanceWallClock(Duration.ofSeconds(1))
                    .advanceWallClock(Duration.ofSeconds(1))
                    .advanceWallClock(Duration.ofSeconds(1));

            assertThat(normalised(engine)).isEqualTo(normalised(live));
            assertThat(records(engine))
                    .as("records written catching up against live")
                    .isLessThan(records(live));
        }
    }

    @Test
    void aTaskNearTheThresholdKeepsCatchingUpUntilItIsWellWithinIt() {
        // Tourists entering on 1, 2 and 3 March 2025; the engine reads them at 12:00:00 on 5 December 2026. A task
        // catches up on crossings received more than 30 s before, and is live again only on one received less than
        // 15 s before: a crossing received 29 s before, in between, does not end the catching up (a replay whose
        // intake runs as fast as the engine hovers about 30 s behind, and would otherwise publish at every swing).
        Crossing first = receivedAt(
                crossing("t1", "e1", Direction.ENTRY, LocalDate.of(2025, 3, 1), "TJK", Purpose.TOURISM),
                WALL_CLOCK.minusSeconds(40));
        Crossing inBetween = receivedAt(
                crossing("t2", "e2", Direction.ENTRY, LocalDate.of(2025, 3, 2), "UZB", Purpose.TOURISM),
                WALL_CLOCK.minusSeconds(29));
        Crossing recent = receivedAt(
                crossing("t3", "e3", Direction.ENTRY, LocalDate.of(2025, 3, 3), "RUS", Purpose.TOURISM),
                WALL_CLOCK.minusSeconds(14));
        try (EngineDriver engine = catchingUp()) {
            engine.send(first, inBetween);
            assertThat(engine.log(Topic.CROSSING_OUTCOMES))
                    .as("received 40 s and 29 s before: still catching up")
                    .isEmpty();

            engine.send(recent);
            assertThat(engine.table(Topic.CROSSING_OUTCOMES))
                    .as("received 14 s before: live again, what waited is published with it")
                    .containsOnlyKeys("e1", "e2", "e3");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6, 7})
    void switchingToLiveMidStreamPublishesWhatWaitedAndEndsInTheSameTopics(long seed) {
        List<Crossing> crossings = itineraries(new Random(seed), 40);
        int half = crossings.size() / 2;
        try (EngineDriver engine = catchingUp();
                EngineDriver live = live()) {
            crossings.subList(0, half).forEach(engine::send);
            Crossing first = crossings.get(half);
            engine.send(receivedAt(first, WALL_CLOCK)); // received just now: live again
            assertThat(engine.table(Topic.CROSSING_OUTCOMES))
                    .as("the oldest waiting chunks are published at each commit (here one a crossing)")
                    .hasSizeLessThan(half + 1);
            engine.advanceWallClock(Duration.ofSeconds(1)); // the next check publishes the rest
            assertThat(engine.table(Topic.CROSSING_OUTCOMES))
                    .as("every crossing so far has its outcome")
                    .hasSize(half + 1);
            crossings.subList(half + 1, crossings.size()).forEach(c -> engine.send(receivedAt(c, WALL_CLOCK)));
            crossings.forEach(live::send);

            assertThat(normalised(engine)).isEqualTo(normalised(live));
        }
    }

    private static long records(EngineDriver engine) {
        return COMPACTED.stream().mapToLong(t -> engine.log(t).size()).sum();
    }

    private static Map<Topic, Map<String, Object>> normalised(EngineDriver engine) {
        Map<Topic, Map<String, Object>> out = new TreeMap<>();
        for (Topic topic : COMPACTED) {
            Map<String, Object> table = new TreeMap<>();
            engine.table(topic).forEach((k, v) -> {
                Object n = Normalised.of(v);
                if (n != null) {
                    table.put(k, n);
                }
            });
            out.put(topic, table);
        }
        return out;
    }

    /**
     * Travellers with 2-6 crossings at gaps of days to a year, and one in four a commuter crossing every 1-3 days
     * up to 30 times (histories pruned along the way), delivered in time order.
     */
    private static List<Crossing> itineraries(Random random, int travellers) {
        List<Crossing> out = new ArrayList<>();
        for (int t = 0; t < travellers; t++) {
            String traveller = "t" + t;
            String citizenship = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
            boolean commuter = random.nextInt(4) == 0;
            Direction direction = citizenship.equals("KAZ") ? Direction.EXIT : Direction.ENTRY;
            LocalDate date = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(200));
            int n = commuter ? 10 + random.nextInt(21) : 2 + random.nextInt(5);
            Purpose purpose = commuter ? Purpose.WORK : Purpose.values()[random.nextInt(Purpose.values().length)];
            for (int i = 0; i < n; i++) {
                out.add(crossing(traveller, traveller + "-" + i, direction, date, citizenship, purpose));
                direction = direction == Direction.ENTRY ? Direction.EXIT : Direction.ENTRY;
                date = date.plusDays(
                        commuter
                                ? 1 + random.nextInt(3)
                                : random.nextInt(4) == 0 ? random.nextInt(400) : random.nextInt(60));
            }
        }
        out.sort(Comparator.comparing(Crossing::getCrossedAt));
        return out;
    }
}
