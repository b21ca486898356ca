package org.borderflows.engine;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;
import org.borderflows.platform.streams.StreamsRunner;

/** /health reflects the engine's Kafka Streams application: DOWN once it stops or fails ({@link StreamsRunner#healthy}). */
@Singleton
public class KafkaStreamsHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final StayEngine engine;

    public KafkaStreamsHealthIndicator(StayEngine engine) {
        this.engine = engine;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        StreamsRunner runner = engine.runner();
        healthStatus = runner.healthy() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of(
                "state",
                runner.state().name(),
                "threads",
                runner.streams().metadataForLocalThreads().size());
    }

    @Override
    protected String getName() {
        return "kafkaStreams";
    }
}
