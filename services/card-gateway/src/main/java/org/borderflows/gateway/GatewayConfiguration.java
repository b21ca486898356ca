package org.borderflows.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import org.borderflows.platform.config.ServiceKeys;

/**
 * The gateway's own keys, {@code border-flows.gateway.*} (defaults and variables in application.yml, documented in
 * docs/configuration.md; the API keys are {@link ApiKeyProperties}). Kafka, deployment, pseudonym key and
 * validation are the shared records of {@code org.borderflows.platform.config}. Bound at start-up: a missing or
 * malformed key stops the gateway with a message naming it.
 *
 * @param maxConcurrentRequests batches processed at the same time; more get 429 and Retry-After (0: every batch,
 *     to drain a gateway)
 * @param retryAfterSeconds the Retry-After of 429 and 503 answers
 * @param maxRejectionsListed rejected records detailed in one answer (all are counted and kept)
 * @param kafka the HTTP intake's producer ({@code border-flows.gateway.kafka.*})
 */
@Context
@ConfigurationProperties(GatewayConfiguration.PREFIX)
public record GatewayConfiguration(
        @Nullable Integer maxConcurrentRequests,
        @Nullable Integer retryAfterSeconds,
        @Nullable Integer maxRejectionsListed,
        @Nullable Kafka kafka) {
    static final String PREFIX = "border-flows.gateway";
    private static final ServiceKeys KEYS = new ServiceKeys(PREFIX);

    public GatewayConfiguration {
        if (maxConcurrentRequests == null || maxConcurrentRequests < 0) {
            throw KEYS.invalid("max-concurrent-requests", "must be 0 or more, got " + maxConcurrentRequests);
        }
        atLeastOne(retryAfterSeconds, "retry-after-seconds");
        atLeastOne(maxRejectionsListed, "max-rejections-listed");
        if (kafka == null) {
            throw KEYS.invalid("kafka.delivery-timeout", "not set");
        }
    }

    /**
     * The HTTP intake's producer.
     *
     * @param maxBlock how long a send may wait for metadata or buffer space before the batch fails with 503
     * @param deliveryTimeout how long Kafka has to acknowledge a record (acks=all) before the batch fails with 503
     * @param bufferMemory the producer buffer in bytes: bounds the memory of records in flight
     */
    @ConfigurationProperties("kafka")
    public record Kafka(@Nullable Duration maxBlock, @Nullable Duration deliveryTimeout, @Nullable Long bufferMemory) {
        public Kafka {
            positive(maxBlock, "kafka.max-block");
            positive(deliveryTimeout, "kafka.delivery-timeout");
            if (bufferMemory == null || bufferMemory < 1) {
                throw KEYS.invalid("kafka.buffer-memory", "must be a positive number of bytes, got " + bufferMemory);
            }
        }
    }

    private static void atLeastOne(Integer value, String key) {
        if (value == null || value < 1) {
            throw KEYS.invalid(key, "must be at least 1, got " + value);
        }
    }

    private static void positive(Duration value, String key) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw KEYS.invalid(key, "must be a positive duration, got " + value);
        }
    }
}
