package org.borderflows.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.borderflows.platform.KafkaSettings;

/**
 * How a program reaches Kafka ({@code border-flows.kafka.*}): the bootstrap servers, an optional Java properties
 * file of client settings (SASL, TLS, config providers) and a map of client settings of this service. Bound at
 * start-up ({@link Context}), so a missing bootstrap server or an unreadable file stops the service before it runs.
 *
 * @param bootstrapServers {@code border-flows.kafka.bootstrap-servers}, the brokers
 * @param clientPropertiesFile {@code border-flows.kafka.client-properties-file}; null or blank: none
 * @param properties {@code border-flows.kafka.properties.*}, client settings over the file's
 */
@Context
@ConfigurationProperties("border-flows.kafka")
public record KafkaConfiguration(
        @Nullable String bootstrapServers,
        @Nullable String clientPropertiesFile,
        @Nullable @MapFormat(transformation = MapFormat.MapTransformation.FLAT) Map<String, String> properties) {

    public static final Setting BOOTSTRAP_SERVERS =
            new Setting("border-flows.kafka.bootstrap-servers", "KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
    public static final Setting CLIENT_PROPERTIES_FILE =
            new Setting("border-flows.kafka.client-properties-file", "KAFKA_CLIENT_PROPERTIES", null);

    public KafkaConfiguration {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw BOOTSTRAP_SERVERS.invalid("no Kafka bootstrap servers");
        }
        bootstrapServers = bootstrapServers.trim();
        clientPropertiesFile =
                clientPropertiesFile == null || clientPropertiesFile.isBlank() ? null : clientPropertiesFile.trim();
        Map<String, String> copy = new LinkedHashMap<>();
        if (properties != null) {
            properties.forEach((k, v) -> copy.put(k, String.valueOf(v)));
        }
        properties = Map.copyOf(copy);
        load(bootstrapServers, clientPropertiesFile, properties); // an unreadable file stops the program at start-up
    }

    /** The command-line programs' settings: KAFKA_BOOTSTRAP_SERVERS and KAFKA_CLIENT_PROPERTIES. */
    public static KafkaConfiguration fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static KafkaConfiguration fromEnvironment(Map<String, String> environment) {
        return new KafkaConfiguration(
                BOOTSTRAP_SERVERS.from(environment), CLIENT_PROPERTIES_FILE.from(environment), Map.of());
    }

    /**
     * The client settings every Kafka client of the program starts from: the bootstrap servers, then the file's
     * settings, then {@link #properties()} (the map wins over the file, both over the bootstrap servers key).
     */
    public KafkaSettings settings() {
        return load(bootstrapServers, clientPropertiesFile, properties);
    }

    private static KafkaSettings load(String bootstrapServers, String file, Map<String, String> properties) {
        try {
            return KafkaSettings.load(bootstrapServers, file, properties);
        } catch (UncheckedIOException e) {
            throw CLIENT_PROPERTIES_FILE.invalid("cannot read '" + file + "'", e);
        }
    }

    /** {@link #settings()} as the Properties given to a Kafka client. */
    public Properties clientProperties() {
        return settings().common();
    }
}
