package org.borderflows.testkit;

import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;

/** How far a Kafka Streams application under test has got. */
public final class StreamsProgress {
    private StreamsProgress() {}

    /**
     * Waits until the application's stream threads have processed {@code records} records in all (their
     * {@code process-total} metric): processed, not yet committed, so a test can close the application and see
     * what one commit writes.
     */
    public static void awaitProcessed(KafkaStreams streams, int records, Duration timeout) throws InterruptedException {
        await(streams, "process-total", records, timeout);
    }

    /** Waits until the stream threads have run {@code punctuations} punctuations in all ({@code punctuate-total}). */
    public static void awaitPunctuated(KafkaStreams streams, int punctuations, Duration timeout)
            throws InterruptedException {
        await(streams, "punctuate-total", punctuations, timeout);
    }

    private static void await(KafkaStreams streams, String metric, int atLeast, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            double total = streams.metrics().values().stream()
                    .filter(m -> m.metricName().name().equals(metric)
                            && m.metricName().group().equals("stream-thread-metrics"))
                    .mapToDouble(m -> ((Number) m.metricValue()).doubleValue())
                    .sum();
            if (total >= atLeast) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the application's " + metric + " did not reach " + atLeast + " in " + timeout);
    }
}
