package org.borderflows.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.borderflows.domain.RuleSettings;
import org.borderflows.engine.calculator.CalculatorRequests;
import org.borderflows.engine.topology.EngineSettings;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.streams.BoundedRocksDbMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine binds its border-flows.engine.* keys (defaults from application.yml) and the shared ones: it reads the
 * KAFKA_CLIENT_PROPERTIES file as every other service does, border-flows.kafka.properties.* win over the file and
 * both over the engine defaults; a malformed key stops it with a message naming the key.
 */
class EngineConfigurationTest {
    @TempDir
    Path dir;

    private Map<String, Object> engine() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("border-flows.kafka.bootstrap-servers", "localhost:1");
        properties.put("border-flows.engine.state-dir", dir.resolve("state").toString());
        properties.put("border-flows.engine.application-id", "configuration-test");
        return properties;
    }

    @Test
    void kafkaClientPropertiesFileFromTheEnvironmentReachesTheStreamsConfiguration() throws IOException {
        Path file = Files.writeString(
                dir.resolve("client.properties"),
                "metadata.max.age.ms=12345\ncommit.interval.ms=100\nmax.poll.records=10\n");
        PropertySource environment = PropertySource.of(
                "environment",
                Map.of("KAFKA_CLIENT_PROPERTIES", file.toString(), "BORDER_FLOWS_TIME_ZONE", "Asia/Aqtobe"),
                PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);
        Map<String, Object> properties = engine();
        properties.put("border-flows.kafka.properties.max.poll.records", "700");
        properties.put("border-flows.engine.application-server", "engine-0.engine:8082");

        try (ApplicationContext context = ApplicationContext.builder()
                .propertySources(environment)
                .properties(properties)
                .start()) {
            EngineConfiguration config = context.getBean(EngineConfiguration.class);
            KafkaSettings kafka = context.getBean(KafkaSettings.class);
            Properties streams =
                    StayEngine.streamsProperties(kafka.streams("configuration-test"), config, config.reachableAt(8082));

            assertThat(streams)
                    .containsEntry("bootstrap.servers", "localhost:1")
                    .containsEntry("metadata.max.age.ms", "12345")
                    .containsEntry("commit.interval.ms", "100")
                    .containsEntry("max.poll.records", "700")
                    .containsEntry("max.task.idle.ms", "-1")
                    .containsEntry("application.server", "engine-0.engine:8082")
                    .containsEntry("producer.compression.type", "lz4")
                    .containsEntry("producer.linger.ms", "20")
                    .containsEntry("rocksdb.config.setter", BoundedRocksDbMemory.class.getName())
                    .containsEntry(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, String.valueOf(256L * 1024 * 1024))
                    .containsEntry("processing.guarantee", "exactly_once_v2");
            assertThat(context.getBean(EngineSettings.class).deployment().timeZone())
                    .isEqualTo(ZoneId.of("Asia/Aqtobe"));
        }
    }

    @Test
    void theEngineRunsTheDeploymentsRules() {
        try (ApplicationContext context = ApplicationContext.run(engine())) {
            assertThat(context.getBean(EngineSettings.class).rules()).isEqualTo(RuleSettings.defaults("KAZ"));
        }
        Map<String, Object> properties = engine();
        properties.put("border-flows.rules.window-days", "400");
        properties.put("border-flows.rules.threshold-days", "300");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            RuleSettings rules = context.getBean(EngineSettings.class).rules();

            assertThat(rules.windowDays()).isEqualTo(400);
            assertThat(rules.allowanceDays()).isEqualTo(100);
        }
    }

    @Test
    void theEngineKeysKeepTheirDefaults() {
        try (ApplicationContext context = ApplicationContext.run(engine())) {
            EngineConfiguration config = context.getBean(EngineConfiguration.class);

            assertThat(config.horizonDays()).isEqualTo(30);
            assertThat(config.catchUpBehind()).isEqualTo(Duration.ofSeconds(30));
            assertThat(config.createTopics()).isFalse();
            assertThat(config.rocksdbMemoryMb()).isEqualTo(256);
            assertThat(config.calculator().maxTravellers()).isEqualTo(5000);
            assertThat(config.reachableAt(8082)).isEqualTo("localhost:8082");
            assertThat(context.getBean(EngineSettings.class).horizonDays()).isEqualTo(30);
            assertThat(context.getBean(CalculatorRequests.class)).isNotNull();
        }
    }

    @Test
    void aMalformedEngineKeyStopsTheEngineNamingIt() {
        Map<String, Object> properties = engine();
        properties.put("border-flows.engine.horizon-days", "-1");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("border-flows.engine.horizon-days: must not be negative, got -1");
    }

    @Test
    void aRocksDbBudgetUnderOneMebibyteIsRefusedNamingTheKey() {
        Map<String, Object> properties = engine();
        properties.put("border-flows.engine.rocksdb-memory-mb", "0");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("border-flows.engine.rocksdb-memory-mb: must be at least 1, got 0");
    }

    @Test
    void theEngineTakesTheSharedDeploymentKeyNotItsOldOne() {
        Map<String, Object> properties = engine();
        properties.put("border-flows.deployment.time-zone", "Asia/Almatyy");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("border-flows.deployment.time-zone: 'Asia/Almatyy' is not a time zone");
    }
}
