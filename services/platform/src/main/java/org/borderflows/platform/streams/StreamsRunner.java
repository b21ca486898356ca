package org.borderflows.platform.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Streams application that a service runs from start-up to shutdown (the gateway's inbound intake, the stay
 * engine, flow-query's aggregator), with the one failure policy of border-flows: a stream thread that throws stops
 * this instance's application ({@code SHUTDOWN_CLIENT}) instead of being replaced to fail again on the same record
 * for ever. Its health then reports DOWN, the orchestrator restarts the instance, and meanwhile the other instances
 * take over its tasks. Its Kafka Streams metrics (and those of its clients and RocksDB stores) are bound to the
 * service's meter registry ({@code kafka_stream_*}, docs/observability.md) until it is closed.
 */
public final class StreamsRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);

    private final String name;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;
    private final Duration closeTimeout;

    /**
     * @param name what the logs call it, e.g. "stay engine"
     * @param closeTimeout how long a shutdown may take to commit and leave the group
     */
    public StreamsRunner(
            String name, Topology topology, Properties properties, Duration closeTimeout, MeterRegistry meters) {
        this.name = name;
        this.closeTimeout = closeTimeout;
        this.streams = new KafkaStreams(topology, properties);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error(
                    "{} failed; stopping it on this instance (its health is DOWN, other instances take its tasks)",
                    name,
                    e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        this.metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(meters);
    }

    /** Starts the application (its threads join the group and begin processing). */
    public StreamsRunner start() {
        streams.start();
        LOG.info("{} started", name);
        return this;
    }

    public KafkaStreams streams() {
        return streams;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * What the instance's health reports (UP or DOWN): starting, running or rebalancing (routine) is healthy;
     * stopping, stopped or failed is not.
     */
    public boolean healthy() {
        return switch (streams.state()) {
            case CREATED, RUNNING, REBALANCING -> true;
            default -> false;
        };
    }

    /** Commits what was processed, leaves the group and unbinds the metrics. */
    @Override
    public void close() {
        LOG.info("closing {}", name);
        metrics.close();
        streams.close(closeTimeout);
    }
}
