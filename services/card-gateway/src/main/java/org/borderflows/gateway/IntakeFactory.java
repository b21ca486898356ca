package org.borderflows.gateway;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.borderflows.gateway.ingest.BatchIngester;
import org.borderflows.intake.CardIntake;
import org.borderflows.intake.CardValidator;
import org.borderflows.intake.IntakePublisher;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.platform.config.ValidationConfiguration;

/**
 * Wires the plain intake classes from the {@code border-flows.*} configuration (see application.yml, where
 * every key is documented); Kafka, deployment and pseudonym come from the shared records of
 * {@code org.borderflows.platform.config}.
 */
@Factory
public class IntakeFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    CardIntake cardIntake(
            Deployment deployment,
            TravellerPseudonymiser pseudonymiser,
            Clock clock,
            ValidationConfiguration validation) {
        return new CardIntake(new CardValidator(deployment, clock, validation.clockSkew()), pseudonymiser, clock);
    }

    /** One durable producer shared by all requests; closed (flushed) at shutdown. */
    @Singleton
    @Bean(preDestroy = "close")
    IntakePublisher publisher(KafkaSettings settings, GatewayConfiguration config) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put(
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                String.valueOf(config.kafka().maxBlock().toMillis()));
        long delivery = config.kafka().deliveryTimeout().toMillis();
        overrides.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(delivery));
        overrides.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000, delivery / 3)));
        overrides.put(
                ProducerConfig.BUFFER_MEMORY_CONFIG,
                String.valueOf(config.kafka().bufferMemory()));
        return IntakePublisher.create(settings, "card-gateway", overrides);
    }

    /**
     * The publisher's producer metrics on {@code /prometheus} ({@code kafka_producer_*}: send rate, request latency,
     * errors, retries): a {@code MeterBinder} bean, which Micronaut binds to the meter registry when it creates it
     * (at start-up); closed, and so unbound, at shutdown.
     */
    @Singleton
    @Bean(preDestroy = "close")
    KafkaClientMetrics publisherMetrics(IntakePublisher publisher) {
        return new KafkaClientMetrics(publisher.producer());
    }

    @Singleton
    BatchIngester batchIngester(CardIntake intake, IntakePublisher publisher, GatewayConfiguration config) {
        return new BatchIngester(
                intake,
                publisher,
                config.maxRejectionsListed(),
                config.kafka().deliveryTimeout().plusSeconds(5));
    }
}
