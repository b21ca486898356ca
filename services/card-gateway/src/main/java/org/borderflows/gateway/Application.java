package org.borderflows.gateway;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/**
 * card-gateway: HTTP intake of migration cards from border posts ({@code POST /api/v1/crossings}) and the
 * Kafka-native intake of the inbound topic. See README.md.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "card-gateway",
                        version = "1",
                        description = "Intake of migration-card crossings from border posts (RULES.md §1-§2)"))
public final class Application {
    private Application() {}

    public static void main(String[] args) {
        // eager singletons: a misconfiguration (API keys, pseudonym key file, Kafka settings) fails at start-up,
        // and the development-key warnings appear in the start-up log, not at the first request
        Micronaut.build(args)
                .mainClass(Application.class)
                .eagerInitSingletons(true)
                .start();
    }
}
