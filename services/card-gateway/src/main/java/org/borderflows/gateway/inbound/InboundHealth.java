package org.borderflows.gateway.inbound;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/** {@code /health} reports the inbound intake: DOWN when its Kafka Streams application stopped or failed. */
@Singleton
@Requires(beans = InboundStreams.class)
public class InboundHealth extends AbstractHealthIndicator<Map<String, String>> {
    private final InboundStreams streams;

    public InboundHealth(InboundStreams streams) {
        this.streams = streams;
    }

    @Override
    protected Map<String, String> getHealthInformation() {
        healthStatus = streams.runner().healthy() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("state", streams.runner().state().name());
    }

    @Override
    protected String getName() {
        return "card-records-inbound";
    }
}
