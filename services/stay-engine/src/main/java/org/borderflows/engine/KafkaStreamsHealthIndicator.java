package org.borderflows.engine;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * /health reflects the Kafka Streams state: RUNNING and REBALANCING are UP (a rebalance is routine), CREATED
 * is UNKNOWN (starting), anything else (ERROR, PENDING_ERROR, PENDING_SHUTDOWN, NOT_RUNNING) is DOWN.
 */
@Singleton
public class KafkaStreamsHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final StayEngine engine;

    public KafkaStreamsHealthIndicator(StayEngine engine) {
        this.engine = engine;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        KafkaStreams.State state = engine.streams().state();
        healthStatus = switch (state) {
            case RUNNING, REBALANCING -> HealthStatus.UP;
            case CREATED -> HealthStatus.UNKNOWN;
            default -> HealthStatus.DOWN;
        };
        return Map.of(
                "state",
                state.name(),
                "threads",
                engine.streams().metadataForLocalThreads().size());
    }

    @Override
    protected String getName() {
        return "kafkaStreams";
    }
}
