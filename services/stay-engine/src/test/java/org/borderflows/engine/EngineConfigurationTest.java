package org.borderflows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine reads the KAFKA_CLIENT_PROPERTIES file as every other service does (application.yml maps it to
 * border-flows.kafka.client-properties-file); border-flows.kafka.properties.* win over the file, and both over
 * the engine defaults.
 */
class EngineConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void kafkaClientPropertiesFileFromTheEnvironmentReachesTheStreamsConfiguration() throws IOException {
        Path file = Files.writeString(
                dir.resolve("client.properties"),
                "metadata.max.age.ms=12345\ncommit.interval.ms=100\nmax.poll.records=10\n");
        PropertySource environment = PropertySource.of(
                "environment",
                Map.of("KAFKA_CLIENT_PROPERTIES", file.toString()),
                PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);

        try (ApplicationContext context = ApplicationContext.builder()
                .propertySources(environment)
                .properties(Map.of(
                        "border-flows.kafka.bootstrap-servers", "localhost:1",
                        "border-flows.kafka.properties.max.poll.records", "700",
                        "border-flows.engine.state-dir", dir.resolve("state").toString(),
                        "border-flows.engine.application-id", "configuration-test",
                        "border-flows.engine.application-server", "engine-0.engine:8082"))
                .start()) {
            EngineConfiguration config = context.getBean(EngineConfiguration.class);
            Properties streams = StayEngine.streamsProperties(config.kafka().streams("configuration-test"), config);

            assertThat(streams)
                    .containsEntry("bootstrap.servers", "localhost:1")
                    .containsEntry("metadata.max.age.ms", "12345")
                    .containsEntry("commit.interval.ms", "100")
                    .containsEntry("max.poll.records", "700")
                    .containsEntry("processing.guarantee", "exactly_once_v2");
        }
    }
}
