package org.borderflows.engine.topology;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The travellers whose values a task has not published yet because it is catching up: far behind its input (a
 * replay, a backfill, a restart after downtime), a traveller's state is updated at each crossing but its spells,
 * outcomes, status and findings are evaluated and written later, once, with their latest facts. A reader of the
 * compacted outputs needs only those (RULES.md §8: facts are published once), and the engine skips the evaluations
 * and records that the traveller's next crossings would overwrite.
 *
 * <p>Travellers wait in chunks, oldest first: the travellers first deferred in one commit interval form a chunk
 * (at most {@link #CHUNK}), logged in the {@code deferred} store (changelogged like the travellers' states) just
 * before the commit. The processor publishes whole chunks, oldest first ({@link #takeOldest}), a few per commit so
 * that no transaction grows long, and taking a chunk deletes it from the log in the transaction that carries its
 * values. A task that dies or moves resumes from its last commit with the same chunks: nothing deferred is lost,
 * and the published values' fingerprints are in the states, committed with them.
 *
 * <p>Publishing the latest values at another moment cannot change them: they are functions of the kept crossings,
 * and what depends on the clock is left out of them ({@link org.borderflows.domain.AtClock}). Only their
 * {@code asOf} differs.
 */
final class CatchUp {
    /**
     * Travellers waiting at most per task (ids in memory, about 90 bytes each: some 36 MB): beyond, the oldest chunks
     * are published at the commit. A replay brings a task about 2,000 new travellers a second, so this holds those of
     * {@code TravellerProcessor.PUBLISH_AFTER}: most travellers are then published once, not again for each crossing
     * that comes after their chunk was published (10 M replay: 1.08 times the final state's records, against 1.23-1.26
     * with 100,000 and 60 s; docs/benchmarks.md, "Stay engine backfill").
     */
    static final int CAPACITY = 400_000;

    /** Travellers per chunk: a record far below Kafka's message size limit, and a slice of work per commit. */
    static final int CHUNK = 5_000;

    private record Chunk(Long key, List<String> ids, long sinceMs) {}

    private final KeyValueStore<Long, byte[]> log;
    private final boolean holding;
    private final Deque<Chunk> chunks = new ArrayDeque<>();
    private final Set<String> waiting = new HashSet<>();
    private List<String> unlogged = new ArrayList<>();
    private long unloggedSinceMs;
    private long nextKey;

    /**
     * The chunks as the store has them (after a start or a revived task: at the last commit), waiting since
     * {@code nowMs}. Not holding (outside a Kafka Streams task, no commits) logs each traveller at once.
     */
    CatchUp(KeyValueStore<Long, byte[]> log, boolean holding, long nowMs) {
        this.log = log;
        this.holding = holding;
        try (KeyValueIterator<Long, byte[]> all = log.all()) {
            while (all.hasNext()) {
                KeyValue<Long, byte[]> chunk = all.next();
                List<String> ids = new ArrayList<>();
                for (String id : new String(chunk.value, StandardCharsets.UTF_8).split("\n", -1)) {
                    if (!id.isEmpty() && waiting.add(id)) {
                        ids.add(id);
                    }
                }
                chunks.add(new Chunk(chunk.key, ids, nowMs));
                nextKey = Math.max(nextKey, chunk.key + 1);
            }
        }
    }

    /** The traveller's values wait (a traveller already waiting keeps its place). */
    void defer(String travellerId, long nowMs) {
        if (waiting.add(travellerId)) {
            if (unlogged.isEmpty()) {
                unloggedSinceMs = nowMs;
            }
            unlogged.add(travellerId);
            if (!holding || unlogged.size() >= CHUNK) {
                logChunk();
            }
        }
    }

    int size() {
        return waiting.size();
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    /** Since when the oldest chunk waits (wall clock, ms); {@code Long.MAX_VALUE} when nothing waits. */
    long oldestSinceMs() {
        if (!chunks.isEmpty()) {
            return chunks.peekFirst().sinceMs();
        }
        return unlogged.isEmpty() ? Long.MAX_VALUE : unloggedSinceMs;
    }

    /** Just before a commit: the travellers first deferred since the last one, to the store. */
    void logBeforeCommit() {
        if (!unlogged.isEmpty()) {
            logChunk();
        }
    }

    /** The oldest chunk's travellers, no longer waiting (the caller publishes them); empty when nothing waits. */
    List<String> takeOldest() {
        List<String> ids;
        Chunk oldest = chunks.pollFirst();
        if (oldest != null) {
            log.delete(oldest.key());
            ids = oldest.ids();
        } else {
            ids = unlogged; // not logged yet: nothing to delete
            unlogged = new ArrayList<>();
        }
        ids.forEach(waiting::remove);
        return ids;
    }

    private void logChunk() {
        log.put(nextKey, String.join("\n", unlogged).getBytes(StandardCharsets.UTF_8));
        chunks.add(new Chunk(nextKey++, unlogged, unloggedSinceMs));
        unlogged = new ArrayList<>();
    }
}
