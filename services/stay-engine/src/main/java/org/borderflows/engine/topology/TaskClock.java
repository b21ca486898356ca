package org.borderflows.engine.topology;

import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A task's processing clock (RULES.md §8): its stream time, the latest of its crossings' {@code crossedAt} and of
 * the ticks other tasks broadcast, never the wall clock. Kept in memory; its copy in the clock store (read by the
 * status query, which works in days) is written at most once per minute of stream time, not for every crossing
 * of a backfill.
 *
 * <p>It also decides when this task tells the others its event time: once per new date in the reporting zone, so
 * that a partition receiving no crossings still has a current clock for the status query. Per local date, not per
 * UTC day: the rules work on local dates, and the other tasks would otherwise stay a date behind whenever this
 * task's latest crossings fall between local and UTC midnight. Only the task's own crossings are broadcast, never
 * ticks it received, so ticks do not echo.
 */
final class TaskClock {
    private static final long STORE_EVERY_MS = 60_000L;

    private final KeyValueStore<String, Long> store;
    private final ZoneId zone;
    private long clockMs;
    private long storedMs;
    /** The start of the local date after the last tick broadcast (epoch ms). */
    private long nextBroadcastMs = Long.MIN_VALUE;

    /** The clock as the store has it: after a start or a revived task, ticks of the re-processed stretch go again. */
    TaskClock(KeyValueStore<String, Long> store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
        Long known = store.get(StayTopology.CLOCK_KEY);
        this.clockMs = known == null ? Long.MIN_VALUE : known;
        this.storedMs = clockMs;
    }

    /** Moves the clock to {@code streamTimeMs} if later; returns the clock (epoch ms). */
    long advance(long streamTimeMs) {
        if (streamTimeMs > clockMs) {
            if (storedMs == Long.MIN_VALUE || streamTimeMs - storedMs >= STORE_EVERY_MS) {
                store.put(StayTopology.CLOCK_KEY, streamTimeMs);
                storedMs = streamTimeMs;
            }
            clockMs = streamTimeMs;
        }
        return clockMs;
    }

    /** True when a crossing at {@code crossedAtMs} is the first of a later local date: broadcast it. */
    boolean newDate(long crossedAtMs) {
        if (crossedAtMs < nextBroadcastMs) {
            return false; // same local date as the last tick, or earlier (no zone lookup needed)
        }
        LocalDate date =
                java.time.Instant.ofEpochMilli(crossedAtMs).atZone(zone).toLocalDate();
        nextBroadcastMs = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return true;
    }
}
