package org.borderflows.gateway.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.borderflows.intake.CardIntake;
import org.borderflows.platform.KafkaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link InboundTopology} (exactly-once v2) inside the gateway from start-up to shutdown, unless
 * {@code border-flows.inbound.enabled} is false. Its Kafka Streams metrics (and those of its consumer and producer:
 * lag, commit latency, rebalances) are on {@code /prometheus} as {@code kafka_stream_*}, {@code kafka_consumer_*},
 * {@code kafka_producer_*} (docs/observability.md).
 */
@Context
@Requires(property = "border-flows.inbound.enabled", notEquals = "false")
public class InboundStreams {
    private static final Logger LOG = LoggerFactory.getLogger(InboundStreams.class);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;

    public InboundStreams(
            KafkaSettings settings,
            CardIntake intake,
            Clock clock,
            @Value("${border-flows.inbound.application-id:card-gateway-inbound}") String applicationId,
            @Value("${border-flows.inbound.state-dir:}") String stateDir,
            @Value("${border-flows.inbound.commit-interval:100ms}") Duration commitInterval,
            MeterRegistry meters) {
        StreamsBuilder builder = new StreamsBuilder();
        InboundTopology.build(builder, intake, clock);
        Properties props = settings.streams(applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.isBlank() ? tempDir() : stateDir);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(commitInterval.toMillis()));
        props.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        streams = new KafkaStreams(builder.build(), props);
        metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(meters);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Inbound intake failed; replacing the stream thread", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .REPLACE_THREAD;
        });
        streams.start();
        LOG.info("Inbound intake started (application.id {})", applicationId);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("card-gateway-inbound").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void close() {
        metrics.close();
        streams.close(Duration.ofSeconds(10));
    }
}
