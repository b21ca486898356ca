package org.borderflows.platform.config;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared settings as a Micronaut service binds them: the keys of docs/configuration.md reach the records, the
 * Kafka properties map wins over the client properties file, and a missing or malformed setting stops the context
 * at start-up with a message naming its key.
 */
class PlatformConfigurationTest {
    @TempDir
    Path dir;

    private static Map<String, Object> valid() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("border-flows.kafka.bootstrap-servers", "broker-0:9093,broker-1:9093");
        properties.put("border-flows.deployment.reporting-country", "uzb");
        properties.put("border-flows.deployment.time-zone", "Asia/Tashkent");
        return properties;
    }

    @Test
    void theKeysReachTheRecords() throws IOException {
        Path keyFile = Files.writeString(dir.resolve("pseudonym.key"), "a-secret-key-of-the-agency\n");
        Map<String, Object> properties = valid();
        properties.put("border-flows.pseudonym.key-file", keyFile.toString());

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            KafkaConfiguration kafka = context.getBean(KafkaConfiguration.class);
            DeploymentConfiguration deployment = context.getBean(DeploymentConfiguration.class);
            PseudonymConfiguration pseudonym = context.getBean(PseudonymConfiguration.class);

            assertThat(kafka.bootstrapServers()).isEqualTo("broker-0:9093,broker-1:9093");
            assertThat(kafka.clientPropertiesFile()).isNull();
            assertThat(kafka.properties()).isEmpty();
            assertThat(deployment.deployment().reportingCountry()).isEqualTo("UZB");
            assertThat(deployment.deployment().timeZone()).isEqualTo(ZoneId.of("Asia/Tashkent"));
            assertThat(pseudonym.keyFile()).isEqualTo(keyFile.toString());
            assertThat(pseudonym.developmentKeyInUse()).isEmpty();
            assertThat(pseudonym.pseudonymiser().pseudonym("KAZ", "N1", java.time.LocalDate.of(1990, 1, 1)))
                    .isNotEqualTo(PseudonymConfiguration.fromEnvironment(Map.of())
                            .pseudonymiser()
                            .pseudonym("KAZ", "N1", java.time.LocalDate.of(1990, 1, 1)));
        }
    }

    @Test
    void thePropertiesMapWinsOverTheFileAndBothOverTheBootstrapKey() throws IOException {
        Path file = Files.writeString(
                dir.resolve("client.properties"),
                "security.protocol=SASL_SSL\nmax.poll.records=10\nbootstrap.servers=from-the-file:9093\n");
        Map<String, Object> properties = valid();
        properties.put("border-flows.kafka.client-properties-file", file.toString());
        properties.put("border-flows.kafka.properties.max.poll.records", "700");
        properties.put("border-flows.kafka.properties.commit.interval.ms", "1000");

        try (ApplicationContext context = ApplicationContext.run(properties)) {
            Properties client = context.getBean(KafkaConfiguration.class).clientProperties();

            assertThat(client)
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("max.poll.records", "700")
                    .containsEntry("commit.interval.ms", "1000")
                    .containsEntry("bootstrap.servers", "from-the-file:9093");
        }
    }

    @Test
    void aMalformedTimeZoneStopsTheContextNamingTheKey() {
        Map<String, Object> properties = valid();
        properties.put("border-flows.deployment.time-zone", "Asia/Almatyy");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("border-flows.deployment.time-zone: 'Asia/Almatyy' is not a time zone");
    }

    @Test
    void aReportingCountryOutsideIso3166StopsTheContextNamingTheKey() {
        Map<String, Object> properties = valid();
        properties.put("border-flows.deployment.reporting-country", "KZ");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining(
                        "border-flows.deployment.reporting-country: 'KZ' is not an ISO 3166-1 alpha-3");
        assertThatThrownBy(() -> new DeploymentConfiguration("XYZ", "Asia/Almaty"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("border-flows.deployment.reporting-country: 'XYZ'");
    }

    @Test
    void missingBootstrapServersStopTheContextNamingTheKey() {
        Map<String, Object> properties = valid();
        properties.remove("border-flows.kafka.bootstrap-servers");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining(
                        "border-flows.kafka.bootstrap-servers: no Kafka bootstrap servers (set KAFKA_BOOTSTRAP_SERVERS)");
    }

    @Test
    void anUnreadableClientPropertiesFileOrKeyFileStopsTheContextNamingTheKey() {
        Map<String, Object> kafka = valid();
        kafka.put(
                "border-flows.kafka.client-properties-file",
                dir.resolve("absent.properties").toString());
        Map<String, Object> pseudonym = valid();
        pseudonym.put(
                "border-flows.pseudonym.key-file", dir.resolve("absent.key").toString());

        assertThatThrownBy(() -> ApplicationContext.run(kafka).close())
                .hasStackTraceContaining("border-flows.kafka.client-properties-file: cannot read");
        assertThatThrownBy(() -> ApplicationContext.run(pseudonym).close())
                .hasStackTraceContaining("border-flows.pseudonym.key-file: cannot read the key file");
    }

    @Test
    void theRulesKeepTheDocumentedValuesUnlessSetAndReachTheDomainsSettings() {
        try (ApplicationContext context = ApplicationContext.run(valid())) {
            RuleSettings rules = context.getBean(RuleSettings.class);

            assertThat(rules).isEqualTo(RuleSettings.defaults("UZB"));
            assertThat(rules.windowMonths()).isEqualTo(16);
        }
        Map<String, Object> properties = valid();
        properties.put("border-flows.rules.window-days", "400");
        properties.put("border-flows.rules.threshold-days", "300");
        properties.put("border-flows.rules.visit-days", "60");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            RuleSettings rules = context.getBean(RuleSettings.class);

            assertThat(rules.windowDays()).isEqualTo(400);
            assertThat(rules.thresholdDays()).isEqualTo(300);
            assertThat(rules.allowanceDays()).isEqualTo(100);
            assertThat(rules.visitDays()).isEqualTo(60);
            assertThat(rules.longTermDays()).isEqualTo(365);
            assertThat(rules.windowMonths()).isEqualTo(13); // 400 days = 13.1 months
        }
    }

    @Test
    void theRulesVariablesReachTheKeys() {
        PropertySource environment = PropertySource.of(
                "environment",
                Map.of("BORDER_FLOWS_RULES_WINDOW_DAYS", "450", "BORDER_FLOWS_RULES_AUTHORISED_MAX_DAYS", "60"),
                PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE);

        try (ApplicationContext context = ApplicationContext.builder()
                .propertySources(environment)
                .properties(valid())
                .start()) {
            RuleSettings rules = context.getBean(RuleSettings.class);

            assertThat(rules.windowDays()).isEqualTo(450);
            assertThat(rules.authorisedMaxDays()).isEqualTo(60);
        }
        assertThat(RulesConfiguration.fromEnvironment(Map.of("BORDER_FLOWS_RULES_WINDOW_DAYS", "450")))
                .isEqualTo(new RulesConfiguration(90, 365, 450, 365, 180, 90));
    }

    @Test
    void rulesOutOfRangeStopTheContextNamingTheKey() {
        Map<String, Object> properties = valid();
        properties.put("border-flows.rules.threshold-days", "487");

        assertThatThrownBy(() -> ApplicationContext.run(properties).close())
                .hasStackTraceContaining("border-flows.rules.threshold-days: must be below window-days (487), got 487");
        assertThatThrownBy(() -> new RulesConfiguration(0, null, null, null, null, null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("border-flows.rules.visit-days: must be a positive number of days, got 0");
        assertThatThrownBy(() -> new RulesConfiguration(null, null, null, null, 180, 181))
                .hasMessageStartingWith("border-flows.rules.authorised-max-days: must not exceed");
        assertThatThrownBy(() -> RulesConfiguration.fromEnvironment(Map.of("BORDER_FLOWS_RULES_WINDOW_DAYS", "16m")))
                .hasMessageStartingWith("border-flows.rules.window-days: '16m' is not a whole number of days");
    }

    @Test
    void theClockSkewIsOneSettingForBothIntakes() {
        Map<String, Object> properties = valid();
        properties.put("border-flows.validation.clock-skew", "2m");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.getBean(ValidationConfiguration.class).clockSkew())
                    .isEqualTo(Duration.ofMinutes(2));
        }
        assertThat(ValidationConfiguration.fromEnvironment(Map.of()).clockSkew())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(ValidationConfiguration.fromEnvironment(Map.of("BORDER_FLOWS_CLOCK_SKEW", "30s"))
                        .clockSkew())
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(ValidationConfiguration.fromEnvironment(Map.of("BORDER_FLOWS_CLOCK_SKEW", "PT5M"))
                        .clockSkew())
                .isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> ValidationConfiguration.fromEnvironment(Map.of("BORDER_FLOWS_CLOCK_SKEW", "ten")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("border-flows.validation.clock-skew: 'ten' is not a duration");
        assertThatThrownBy(() -> new ValidationConfiguration(Duration.ofMinutes(-1)))
                .hasMessageStartingWith("border-flows.validation.clock-skew: must not be negative");
    }

    @Test
    void theCommandLineProgramsReadTheSameVariablesWithTheirDefaults() {
        assertThat(KafkaConfiguration.fromEnvironment(Map.of()).bootstrapServers())
                .isEqualTo("localhost:9092");
        assertThat(DeploymentConfiguration.fromEnvironment(Map.of()))
                .isEqualTo(new DeploymentConfiguration("KAZ", "Asia/Almaty"));
        assertThat(DeploymentConfiguration.fromEnvironment(Map.of(
                                "BORDER_FLOWS_REPORTING_COUNTRY", "deu", "BORDER_FLOWS_TIME_ZONE", "Europe/Berlin"))
                        .deployment())
                .isEqualTo(new org.borderflows.platform.Deployment("DEU", ZoneId.of("Europe/Berlin")));
        assertThat(PseudonymConfiguration.fromEnvironment(Map.of()).developmentKeyInUse())
                .hasSize(1);
        assertThatThrownBy(() -> DeploymentConfiguration.fromEnvironment(Map.of("BORDER_FLOWS_TIME_ZONE", "Mars/Base")))
                .hasMessage("border-flows.deployment.time-zone: 'Mars/Base' is not a time zone (an IANA id such as"
                        + " Asia/Almaty) (set BORDER_FLOWS_TIME_ZONE)");
    }
}
