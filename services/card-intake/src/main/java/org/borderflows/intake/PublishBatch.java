package org.borderflows.intake;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Callback;

/**
 * Acknowledgement tracking for the records one request or file sends: how many were sent, acknowledged by
 * Kafka (acks=all) or failed, and a wait for all of them. A caller reports success only after
 * {@link #awaitAll} returns true with no failure: only then is every record durable.
 *
 * <p>Counters are atomics (the producer's network thread completes records while the caller sends more); the
 * monitor is taken only when the last pending record completes and someone may be waiting.
 */
public final class PublishBatch {
    private final AtomicLong acknowledgedCrossings = new AtomicLong();
    private final AtomicLong acknowledgedRejections = new AtomicLong();
    private final AtomicLong acknowledgedCompletions = new AtomicLong();
    /** Per partition of the crossings topic, the offset of the last crossing acknowledged. */
    private final Map<Integer, Long> lastCrossingOffsets = new ConcurrentHashMap<>();

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final Object lock = new Object();
    private volatile Exception failure;

    final Callback crossingCallback = (metadata, exception) -> {
        if (exception == null && metadata != null) {
            lastCrossingOffsets.merge(metadata.partition(), metadata.offset(), Math::max);
        }
        complete(exception, acknowledgedCrossings);
    };
    final Callback rejectionCallback = (metadata, exception) -> complete(exception, acknowledgedRejections);
    final Callback completionCallback = (metadata, exception) -> complete(exception, acknowledgedCompletions);

    void sending() {
        pending.incrementAndGet();
        sent.incrementAndGet();
    }

    /** A record done: failed ({@code exception}) or acknowledged, counted in {@code acknowledged}. */
    private void complete(Exception exception, AtomicLong acknowledged) {
        if (exception != null) {
            failed(exception);
        } else {
            acknowledged.incrementAndGet();
        }
        if (pending.decrementAndGet() == 0) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /** A record counted by {@link #sending()} that never reached the producer. */
    void abandoned(Exception exception) {
        complete(exception, null);
    }

    /** Records a failure that happened before a record could be handed to the producer. */
    void failed(Exception exception) {
        if (failure == null) {
            failure = exception;
        }
    }

    /** True once any record of the batch failed: stop sending, the batch cannot be reported durable. */
    public boolean hasFailed() {
        return failure != null;
    }

    /** The first failure, or null. */
    public Exception failure() {
        return failure;
    }

    public long sent() {
        return sent.get();
    }

    /** Crossings Kafka has acknowledged so far. */
    public long acknowledgedCrossings() {
        return acknowledgedCrossings.get();
    }

    /** Per partition of the crossings topic, the offset of the last crossing Kafka acknowledged. */
    public Map<Integer, Long> lastCrossingOffsets() {
        return Map.copyOf(lastCrossingOffsets);
    }

    /** Rejections Kafka has acknowledged so far. */
    public long acknowledgedRejections() {
        return acknowledgedRejections.get();
    }

    /**
     * Waits until every sent record is acknowledged or failed, at most {@code timeout}. True if all completed
     * and none failed.
     */
    public boolean awaitAll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (pending.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // bounded wait: a completion between the check and the wait is seen at the next round
                lock.wait(Math.max(1, Math.min(50, left / 1_000_000)));
            }
        }
        return failure == null;
    }
}
