package org.borderflows.engine.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.borderflows.domain.CrossingFact;
import org.borderflows.platform.ArchiveLoad;

/**
 * The travellers of a task held for an archive load in progress (RULES.md §8: an archive loaded beside live traffic
 * is classified against its own progress, not against today's, until it has caught up). While a traveller's
 * archive crossings are still coming, any value evaluated at today's clock could be contradicted by them: an open
 * stay of 2023 read in 2026 is a 1,000-day overstay until its exit of 2023 arrives, and an outcome final at today's
 * clock may still change. So a held traveller's crossings join its history but nothing of it is written; once the
 * task has processed the load's last crossing of its partition (the loader's completion record names its offset,
 * {@link ArchiveLoad}), the traveller is released: evaluated and written once, as if the archive had been loaded
 * first.
 *
 * <p>Store {@link StayTopology#ARCHIVE_HOLDS_STORE} (changelogged): per held traveller, the load, the offset of its
 * latest crossing of that load (a completion record covers it only if it names that offset or a later one, so a
 * second run of the same file is held again) and the latest archived crossing date (lateness of the archive's
 * crossings is judged against it, not against the traveller's live crossings). The task's position in the
 * crossings partition is kept in the clock store, so a task that restarts with nothing left to read still knows
 * it has passed a load's end. Travellers held are counted in memory: with none held, a crossing costs no lookup.
 */
final class ArchiveHolds {
    /** Clock-store key of the offset of the last crossing the task processed. */
    static final String POSITION_KEY = "crossings-position";

    /** A held traveller. */
    record Hold(String load, long lastOffset, LocalDate latestArchived) {}

    private final KeyValueStore<String, byte[]> store;
    private final KeyValueStore<String, Long> clockStore;
    private long held;
    private long position;
    private long storedPosition;
    /** Per load, the completion offset up to which every hold has been released: nothing more to look for. */
    private final Map<String, Long> releasedUpTo = new HashMap<>();

    ArchiveHolds(KeyValueStore<String, byte[]> store, KeyValueStore<String, Long> clockStore) {
        this.store = store;
        this.clockStore = clockStore;
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                all.next();
                held++;
            }
        }
        Long known = clockStore.get(POSITION_KEY);
        this.position = known == null ? -1 : known;
        this.storedPosition = position;
    }

    boolean isEmpty() {
        return held == 0;
    }

    /** The traveller's hold, or null. */
    Hold get(String travellerId) {
        if (held == 0) {
            return null;
        }
        byte[] bytes = store.get(travellerId);
        return bytes == null ? null : decode(bytes);
    }

    /** Holds the traveller for {@code load}, its crossing at {@code offset} dated {@code date}. */
    void hold(String travellerId, Hold previous, String load, long offset, LocalDate date) {
        LocalDate latest = previous != null
                        && previous.load().equals(load)
                        && previous.latestArchived().isAfter(date)
                ? previous.latestArchived()
                : date;
        if (previous == null) {
            held++;
        }
        releasedUpTo.remove(load);
        store.put(travellerId, encode(new Hold(load, offset, latest)));
    }

    /**
     * RULES.md §9 late records, for a crossing of {@code load}: more than the horizon before the traveller's latest
     * crossing of the same load (not its live crossings of later years), or dated before the crossings kept after a
     * carry (the carry stands for pruned crossings the new one would have to come before).
     */
    static boolean isLate(Hold hold, String load, CrossingFact fact, TravellerState state, int horizonDays) {
        if (hold != null
                && hold.load().equals(load)
                && fact.date().isBefore(hold.latestArchived().minusDays(horizonDays))) {
            return true;
        }
        return state.carry != null
                && state.crossings.stream().allMatch(kept -> fact.date().isBefore(kept.date()));
    }

    /** The task processed the crossing at {@code offset}. */
    void processed(long offset) {
        position = Math.max(position, offset);
    }

    /** Before a commit: the position to the clock store, when it moved. */
    void storePosition() {
        if (position != storedPosition) {
            clockStore.put(POSITION_KEY, position);
            storedPosition = position;
        }
    }

    /**
     * Up to {@code max} travellers whose load is complete in this partition (its completion record read and the
     * crossing it names processed), no longer held (the caller writes their values).
     */
    List<String> releaseComplete(int max) {
        List<String> released = new ArrayList<>();
        if (held == 0) {
            return released;
        }
        Map<String, Long> complete = completeLoads();
        if (complete.isEmpty()) {
            return released;
        }
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext() && released.size() < max) {
                KeyValue<String, byte[]> next = all.next();
                Hold hold = decode(next.value);
                Long end = complete.get(hold.load());
                if (end != null && hold.lastOffset() <= end) {
                    released.add(next.key);
                }
            }
        }
        released.forEach(store::delete);
        held -= released.size();
        if (released.size() < max) {
            releasedUpTo.putAll(complete); // a full pass: every hold these records cover is released
        }
        return released;
    }

    /** Loads whose completion record this task has read and passed, with holds possibly left to release. */
    private Map<String, Long> completeLoads() {
        Map<String, Long> complete = new HashMap<>();
        try (KeyValueIterator<String, Long> records =
                clockStore.range(ArchiveLoad.COMPLETION_PREFIX, ArchiveLoad.COMPLETION_PREFIX + Character.MAX_VALUE)) {
            while (records.hasNext()) {
                KeyValue<String, Long> record = records.next();
                String load = ArchiveLoad.loadOf(record.key);
                if (position >= record.value && !record.value.equals(releasedUpTo.get(load))) {
                    complete.put(load, record.value);
                }
            }
        }
        return complete;
    }

    private static byte[] encode(Hold hold) {
        byte[] load = hold.load().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(12 + load.length)
                .putLong(hold.lastOffset())
                .putInt((int) hold.latestArchived().toEpochDay())
                .put(load)
                .array();
    }

    static Hold decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long offset = in.getLong();
        LocalDate latest = LocalDate.ofEpochDay(in.getInt());
        return new Hold(new String(bytes, 12, bytes.length - 12, StandardCharsets.UTF_8), offset, latest);
    }
}
