package org.borderflows.gateway.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.borderflows.intake.CardIntake;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.streams.StreamsRunner;

/**
 * Runs {@link InboundTopology} (exactly-once v2) inside the gateway from start-up to shutdown, unless
 * {@code border-flows.inbound.enabled} is false, with the failure policy and meters of {@link StreamsRunner}.
 */
@Context
@Requires(property = "border-flows.inbound.enabled", notEquals = "false")
public class InboundStreams {
    private final StreamsRunner runner;

    public InboundStreams(
            KafkaSettings settings, CardIntake intake, Clock clock, InboundConfiguration config, MeterRegistry meters) {
        StreamsBuilder builder = new StreamsBuilder();
        InboundTopology.build(builder, intake, clock);
        Properties props = settings.streams(config.applicationId());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().isBlank() ? tempDir() : config.stateDir());
        props.put(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                String.valueOf(config.commitInterval().toMillis()));
        props.put(StreamsConfig.producerPrefix("compression.type"), "lz4");
        runner = new StreamsRunner(
                        "inbound intake " + config.applicationId(),
                        builder.build(),
                        props,
                        Duration.ofSeconds(10),
                        meters)
                .start();
    }

    public StreamsRunner runner() {
        return runner;
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
        runner.close();
    }
}
