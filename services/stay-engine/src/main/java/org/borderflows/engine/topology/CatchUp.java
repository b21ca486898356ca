package org.borderflows.engine.topology;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The travellers whose values a task has not published yet because it is catching up: far behind its input (a
 * replay, a backfill, a restart after downtime), a traveller's state is updated at each crossing but its spells,
 * outcomes, status and findings are evaluated and written once, later, with their latest facts. A reader of the
 * compacted outputs needs only those (RULES.md §8: facts are published once), and the engine skips the evaluations
 * and records that the traveller's next crossings would overwrite.
 *
 * <p>Which travellers wait is kept in the {@code deferred} store, changelogged like the travellers' states: before
 * each commit, the travellers deferred since the previous commit are logged in one record (split into chunks of
 * {@link #CHUNK} ids, far below Kafka's message size limit), and publishing deletes the log. A task that dies or
 * moves resumes from its last commit with the same set, so nothing deferred is lost and nothing is published twice
 * by a replay of the stretch (the published values' fingerprints are in the states, committed with them).
 *
 * <p>Publishing the latest values at another moment cannot change them: they are functions of the kept crossings,
 * and what depends on the clock is left out of them ({@link org.borderflows.domain.AtClock}). Only their
 * {@code asOf} differs.
 */
final class CatchUp {
    /** Travellers deferred at most per task: beyond, they are published at the next commit (ids only in memory). */
    static final int CAPACITY = 100_000;

    static final int CHUNK = 5_000;

    private final KeyValueStore<Long, byte[]> log;
    private final boolean holding;
    private final Set<String> deferred = new LinkedHashSet<>();
    private final List<String> unlogged = new ArrayList<>();
    private final List<Long> logged = new ArrayList<>();
    private long nextChunk;

    /**
     * The set as the store has it: after a start or a revived task, at the last commit. Not holding (outside a
     * Kafka Streams task, no commits) logs each traveller at once.
     */
    CatchUp(KeyValueStore<Long, byte[]> log, boolean holding) {
        this.log = log;
        this.holding = holding;
        try (KeyValueIterator<Long, byte[]> all = log.all()) {
            while (all.hasNext()) {
                KeyValue<Long, byte[]> chunk = all.next();
                logged.add(chunk.key);
                nextChunk = Math.max(nextChunk, chunk.key + 1);
                for (String id : new String(chunk.value, StandardCharsets.UTF_8).split("\n", -1)) {
                    if (!id.isEmpty()) {
                        deferred.add(id);
                    }
                }
            }
        }
    }

    /** The traveller's values wait; true when the set is full and should be published. */
    boolean defer(String travellerId) {
        if (deferred.add(travellerId)) {
            unlogged.add(travellerId);
            if (!holding) {
                logBeforeCommit();
            }
        }
        return deferred.size() >= CAPACITY;
    }

    boolean isEmpty() {
        return deferred.isEmpty();
    }

    int size() {
        return deferred.size();
    }

    /** Just before a commit: the travellers deferred since the last one, to the store. */
    void logBeforeCommit() {
        for (int from = 0; from < unlogged.size(); from += CHUNK) {
            String ids = String.join("\n", unlogged.subList(from, Math.min(unlogged.size(), from + CHUNK)));
            log.put(nextChunk, ids.getBytes(StandardCharsets.UTF_8));
            logged.add(nextChunk++);
        }
        unlogged.clear();
    }

    /** Every deferred traveller, once; the set and its log are emptied (the caller publishes them). */
    List<String> drain() {
        List<String> all = new ArrayList<>(deferred);
        logged.forEach(log::delete);
        logged.clear();
        unlogged.clear();
        deferred.clear();
        return all;
    }
}
