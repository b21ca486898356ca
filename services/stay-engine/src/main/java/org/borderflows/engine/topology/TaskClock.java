package org.borderflows.engine.topology;

import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.kafka.streams.state.KeyValueStore;
import org.borderflows.platform.TrafficClock;

/**
 * A task's processing clock (RULES.md §8), never the wall clock: the event time the bulk of this task's crossings
 * has reached ({@link TrafficClock}: one border post or one card far ahead of the others cannot move it), or the
 * latest tick another task broadcast, whichever is later. Kept in memory; its copy in the clock store (read by the
 * status query, which works in days, and holding the ticks received) is written at most once per minute of event
 * time, not for every crossing of a backfill.
 *
 * <p>It also decides when this task tells the others its event time: once per new date in the reporting zone, so
 * that a partition receiving few crossings still has a current clock. Per local date, not per UTC day: the rules
 * work on local dates, and the other tasks would otherwise stay a date behind whenever this task's crossings fall
 * between local and UTC midnight. Only the task's own traffic is broadcast, never ticks it received, so ticks do
 * not echo. At most one broadcast per {@link #BROADCAST_EVERY} of wall time: a replay passes a date every few
 * milliseconds, and a tick goes to every partition of the clock topic, which would put every partition in every
 * transaction of every task; a date passed meanwhile goes with the next broadcast, at the latest at the next idle
 * check. Live traffic passes a date once a day, so it is not delayed.
 */
final class TaskClock {
    private static final long STORE_EVERY_MS = 60_000L;

    private final KeyValueStore<String, Long> store;
    private final ZoneId zone;
    private final TrafficClock traffic = new TrafficClock();
    private long clockMs;
    private long storedMs;
    /** The latest crossing time this task saw: stream time beyond it comes from another task's tick. */
    private long latestCrossingMs = Long.MIN_VALUE;
    /**
     * Crossings since the store's ticks were last read. Stream time cannot show a tick behind a card of this task
     * dated far ahead, so the store is also read every {@link #TICK_CHECK_EVERY} crossings.
     */
    private int sinceTickCheck;

    private static final int TICK_CHECK_EVERY = 1_000;
    /** The start of the local date after the last tick broadcast (epoch ms). */
    private long nextBroadcastMs = Long.MIN_VALUE;

    /** The least wall time between two broadcasts of this task. */
    static final long BROADCAST_EVERY = 1_000L;
    /** A new local date was seen and not broadcast yet. */
    private boolean broadcastPending;
    /** The wall time (epoch ms) from which the next broadcast may go. */
    private long nextBroadcastWallMs = Long.MIN_VALUE;

    /** The clock as the store has it: after a start or a revived task, ticks of the re-processed stretch go again. */
    TaskClock(KeyValueStore<String, Long> store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
        Long known = store.get(StayTopology.CLOCK_KEY);
        this.clockMs = known == null ? Long.MIN_VALUE : known;
        this.storedMs = clockMs;
    }

    /**
     * A crossing of this task at {@code borderPost}, {@code crossedAtMs}, with the task's stream time; returns the
     * clock (epoch ms).
     */
    long advance(String borderPost, long crossedAtMs, long streamTimeMs) {
        long candidate = traffic.see(borderPost, crossedAtMs);
        latestCrossingMs = Math.max(latestCrossingMs, crossedAtMs);
        if (streamTimeMs > clockMs && (streamTimeMs > latestCrossingMs || ++sinceTickCheck >= TICK_CHECK_EVERY)) {
            sinceTickCheck = 0;
            Long ticks = store.get(StayTopology.CLOCK_KEY); // another task may be ahead: its tick is in the store
            if (ticks != null && ticks > candidate) {
                candidate = ticks;
            }
        }
        if (candidate > clockMs) {
            clockMs = candidate;
            if (storedMs == Long.MIN_VALUE || clockMs - storedMs >= STORE_EVERY_MS) {
                store.put(StayTopology.CLOCK_KEY, clockMs);
                storedMs = clockMs;
            }
        }
        return clockMs;
    }

    /** The processing clock (epoch ms), as {@link #advance} last returned it. */
    long now() {
        return clockMs;
    }

    /** The event time of this task's own traffic: what it broadcasts. */
    long ownTime() {
        return traffic.value();
    }

    /**
     * True when this task's own event time ({@link #ownTime}) should be broadcast now, at wall time {@code wallMs}:
     * it reached a new local date since the last broadcast, and the last broadcast is {@link #BROADCAST_EVERY} ago.
     * Called after each crossing and at each idle check, so a date held back goes within about a second.
     */
    boolean broadcastDue(long wallMs) {
        if (ownTime() != Long.MIN_VALUE && newDate(ownTime())) {
            broadcastPending = true;
        }
        if (!broadcastPending || wallMs < nextBroadcastWallMs) {
            return false;
        }
        broadcastPending = false;
        nextBroadcastWallMs = wallMs + BROADCAST_EVERY;
        return true;
    }

    /** True when {@code timeMs} is the first time of a later local date. */
    boolean newDate(long timeMs) {
        if (timeMs < nextBroadcastMs) {
            return false; // same local date as the last tick, or earlier (no zone lookup needed)
        }
        LocalDate date = java.time.Instant.ofEpochMilli(timeMs).atZone(zone).toLocalDate();
        nextBroadcastMs = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return true;
    }
}
