package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** A task's processing clock (RULES.md §8): the bulk of its traffic or a tick ahead, forward only, stored sparingly. */
class TaskClockTest {
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private final KeyValueStore<String, Long> store = store();

    private static KeyValueStore<String, Long> store() {
        KeyValueStore<String, Long> store = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(StayTopology.CLOCK_STORE), Serdes.String(), Serdes.Long())
                .withLoggingDisabled()
                .build();
        MockProcessorContext<String, EngineOutput> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
        return store;
    }

    private static long almaty(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute)
                .atZone(ALMATY)
                .toInstant()
                .toEpochMilli();
    }

    @Test
    void theClockOnlyMovesForward() {
        TaskClock clock = new TaskClock(store, ALMATY);
        long march1 = almaty(2025, 3, 1, 8, 0);

        assertThat(clock.advance("KZ-ALA-AIR", march1, march1)).isEqualTo(march1);
        assertThat(clock.advance("KZ-ALA-AIR", march1 - 3_600_000L, march1)).isEqualTo(march1);
    }

    @Test
    void oneCardFarAheadOfTheOtherPostsDoesNotMoveTheClock() {
        TaskClock clock = new TaskClock(store, ALMATY);
        long march1 = almaty(2025, 3, 1, 8, 0);
        clock.advance("KZ-ALA-AIR", march1, march1);
        clock.advance("KZ-KOR-ROAD", march1, march1);
        long booth = almaty(2026, 12, 5, 8, 0); // a booth's clock a year and a half ahead

        assertThat(clock.advance("KZ-ALA-AIR", booth, booth)).isEqualTo(march1);
        assertThat(clock.ownTime()).isEqualTo(march1);
    }

    @Test
    void aTickAheadOfThisTasksCrossingsMovesTheClock() {
        TaskClock clock = new TaskClock(store, ALMATY);
        long march1 = almaty(2025, 3, 1, 8, 0);
        clock.advance("KZ-ALA-AIR", march1, march1);
        long tick = almaty(2025, 3, 4, 9, 0);
        store.put(StayTopology.CLOCK_KEY, tick); // as ClockProcessor keeps a received tick; stream time follows it

        assertThat(clock.advance("KZ-ALA-AIR", march1 + 60_000L, tick)).isEqualTo(tick);
        assertThat(clock.ownTime()).as("what this task broadcasts").isEqualTo(march1 + 60_000L);
    }

    @Test
    void ticksStillMoveTheClockAfterACardFarAheadOfThisTasksOtherCrossings() {
        TaskClock clock = new TaskClock(store, ALMATY);
        long march1 = almaty(2025, 3, 1, 8, 0);
        clock.advance("KZ-ALA-AIR", march1, march1);
        clock.advance("KZ-KOR-ROAD", march1, march1);
        long booth = almaty(2026, 12, 5, 8, 0);
        clock.advance("KZ-ALA-AIR", booth, booth); // stream time stays on 5 December 2026 from now on
        long tick = almaty(2025, 3, 9, 9, 0);
        store.put(StayTopology.CLOCK_KEY, tick);

        long now = march1;
        for (int i = 0; i < 1_000; i++) {
            now = clock.advance("KZ-KOR-ROAD", march1 + i, booth);
        }

        assertThat(now).isEqualTo(tick);
    }

    @Test
    void theStoreCopyIsWrittenAtMostOncePerMinuteOfEventTime() {
        TaskClock clock = new TaskClock(store, ALMATY);
        long at = almaty(2025, 3, 1, 8, 0);
        clock.advance("KZ-ALA-AIR", at, at);
        clock.advance("KZ-ALA-AIR", at + 59_000L, at + 59_000L);
        assertThat(store.get(StayTopology.CLOCK_KEY)).isEqualTo(at);

        clock.advance("KZ-ALA-AIR", at + 60_000L, at + 60_000L);

        assertThat(store.get(StayTopology.CLOCK_KEY)).isEqualTo(at + 60_000L);
    }

    @Test
    void aNewClockStartsWhereTheStoreLeftIt() {
        long at = almaty(2025, 3, 1, 8, 0);
        new TaskClock(store, ALMATY).advance("KZ-ALA-AIR", at, at);

        TaskClock restarted = new TaskClock(store, ALMATY);

        assertThat(restarted.advance("KZ-ALA-AIR", at - 1, at - 1)).isEqualTo(at);
    }

    @Test
    void eachLocalDateIsBroadcastOnceEvenBetweenLocalAndUtcMidnight() {
        TaskClock clock = new TaskClock(store, ALMATY);

        assertThat(clock.newDate(almaty(2025, 3, 1, 8, 0))).isTrue();
        assertThat(clock.newDate(almaty(2025, 3, 1, 23, 59))).isFalse();
        // 2 March 00:30 in Almaty is still 1 March in UTC: a new local date all the same
        assertThat(clock.newDate(almaty(2025, 3, 2, 0, 30))).isTrue();
        assertThat(clock.newDate(almaty(2025, 3, 1, 12, 0)))
                .as("an earlier crossing")
                .isFalse();
    }
    /**
     * A replay passes a date every few milliseconds of wall time: 1, 2 and 3 March within 0.2 s give one tick (1
     * March) and then, a second after it, one for 3 March (2 March is never sent on its own: the later tick covers
     * it). The check without a crossing (the idle check) sends what is held back.
     */
    @Test
    void datesPassedFasterThanOnceASecondGoInOneBroadcastASecondLater() {
        TaskClock clock = new TaskClock(store, ALMATY);
        long wall = 1_000_000L;

        assertThat(clock.broadcastDue(wall)).as("before any crossing").isFalse();
        clock.advance("KZ-ALA-AIR", almaty(2025, 3, 1, 8, 0), almaty(2025, 3, 1, 8, 0));
        assertThat(clock.broadcastDue(wall)).as("1 March").isTrue();
        assertThat(clock.ownTime()).isEqualTo(almaty(2025, 3, 1, 8, 0));
        clock.advance("KZ-ALA-AIR", almaty(2025, 3, 2, 8, 0), almaty(2025, 3, 2, 8, 0));
        assertThat(clock.broadcastDue(wall + 100)).as("2 March, 0.1 s later").isFalse();
        clock.advance("KZ-ALA-AIR", almaty(2025, 3, 3, 8, 0), almaty(2025, 3, 3, 8, 0));
        assertThat(clock.broadcastDue(wall + 200)).as("3 March, 0.2 s later").isFalse();

        assertThat(clock.broadcastDue(wall + TaskClock.BROADCAST_EVERY))
                .as("the idle check a second after the last broadcast")
                .isTrue();
        assertThat(clock.ownTime()).isEqualTo(almaty(2025, 3, 3, 8, 0));
        assertThat(clock.broadcastDue(wall + 5 * TaskClock.BROADCAST_EVERY))
                .as("nothing new since")
                .isFalse();
    }
}
