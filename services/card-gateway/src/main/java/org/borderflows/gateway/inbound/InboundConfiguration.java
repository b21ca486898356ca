package org.borderflows.gateway.inbound;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import org.borderflows.platform.config.ServiceKeys;

/**
 * The Kafka-native intake's keys, {@code border-flows.inbound.*} (defaults and variables in application.yml, documented
 * in docs/configuration.md); {@code enabled} switches {@link InboundStreams} on or off.
 *
 * @param applicationId its Kafka Streams application id
 * @param stateDir its state directory; blank: a temporary directory (the topology is stateless)
 * @param commitInterval its exactly-once commit interval: validated cards reach the crossings topic at a commit
 */
@ConfigurationProperties("border-flows.inbound")
public record InboundConfiguration(
        @Nullable String applicationId, @Nullable String stateDir, @Nullable Duration commitInterval) {
    private static final ServiceKeys KEYS = new ServiceKeys("border-flows.inbound");

    public InboundConfiguration {
        KEYS.require(applicationId, "application-id");
        if (commitInterval == null || commitInterval.isNegative() || commitInterval.isZero()) {
            throw KEYS.invalid("commit-interval", "must be a positive duration, got " + commitInterval);
        }
        stateDir = stateDir == null ? "" : stateDir.trim();
    }
}
