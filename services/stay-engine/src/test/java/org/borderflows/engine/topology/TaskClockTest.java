package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** A task's processing clock (RULES.md §8): forward only, stored sparingly, one broadcast per local date. */
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

        assertThat(clock.advance(march1)).isEqualTo(march1);
        assertThat(clock.advance(march1 - 3_600_000L)).isEqualTo(march1);
    }

    @Test
    void theStoreCopyIsWrittenAtMostOncePerMinuteOfStreamTime() {
        TaskClock clock = new TaskClock(store, ALMATY);
        long at = almaty(2025, 3, 1, 8, 0);
        clock.advance(at);
        clock.advance(at + 59_000L);
        assertThat(store.get(StayTopology.CLOCK_KEY)).isEqualTo(at);

        clock.advance(at + 60_000L);

        assertThat(store.get(StayTopology.CLOCK_KEY)).isEqualTo(at + 60_000L);
    }

    @Test
    void aNewClockStartsWhereTheStoreLeftIt() {
        long at = almaty(2025, 3, 1, 8, 0);
        new TaskClock(store, ALMATY).advance(at);

        TaskClock restarted = new TaskClock(store, ALMATY);

        assertThat(restarted.advance(at - 1)).isEqualTo(at);
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
}
