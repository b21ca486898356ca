package org.borderflows.engine.topology;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Crossings taken by any task of one engine instance (one topology), so that a catching-up task judges whether the
 * input is exhausted by all of them, not by its own partition alone. A Kafka consumer hands a stream thread its
 * fetched records a partition at a time, so one task can go seconds without a crossing while the others work
 * through a backlog: judged alone, it took that for the end of the input and published everything waiting (a 1 M
 * card replay: every few seconds, 3.17 times the final state's records).
 */
final class InputActivity {
    private final AtomicLong crossings = new AtomicLong();

    /** A task took a crossing. */
    void crossing() {
        crossings.incrementAndGet();
    }

    /** The crossings taken so far by every task: unchanged between two checks, no task took one. */
    long crossings() {
        return crossings.get();
    }
}
