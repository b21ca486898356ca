package org.borderflows.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How every component reaches Kafka: the bootstrap servers plus any client properties passed through as they
 * are (security.protocol, sasl.mechanism, sasl.jaas.config, ssl.truststore.location, ...), so the same build
 * runs against the local broker or an agency's secured cluster.
 *
 * <p>Built from the configuration ({@link org.borderflows.platform.config.KafkaConfiguration#settings()}, the
 * {@code border-flows.kafka.*} keys or the environment variables of the command-line programs).
 */
public record KafkaSettings(String bootstrapServers, Map<String, String> passThrough) {
    public KafkaSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException(
                    "Kafka bootstrap servers must not be empty (border-flows.kafka.bootstrap-servers, KAFKA_BOOTSTRAP_SERVERS)");
        }
        passThrough = Map.copyOf(passThrough);
    }

    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, Map.of());
    }

    /**
     * The one definition of how client settings merge: the bootstrap servers, the client properties file (null or
     * blank: none) and a program's own client settings on top of the file's (they win, so a service can tune what
     * the file leaves open).
     */
    public static KafkaSettings load(
            String bootstrapServers, String clientPropertiesFile, Map<String, String> overrides) {
        Map<String, String> passThrough = new LinkedHashMap<>();
        if (clientPropertiesFile != null && !clientPropertiesFile.isBlank()) {
            passThrough.putAll(readProperties(Path.of(clientPropertiesFile)));
        }
        passThrough.putAll(overrides);
        return new KafkaSettings(bootstrapServers, passThrough);
    }

    /** Reads a properties file of client settings (e.g. SASL/TLS) to pass through. */
    public static Map<String, String> readProperties(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kafka client properties file " + file, e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
        return out;
    }

    /** Common client properties: bootstrap servers and the pass-through settings. */
    public Properties common() {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.putAll(passThrough);
        return props;
    }

    /**
     * A durable producer: acks=all and idempotence, so an acknowledged send is on every in-sync replica and
     * retries never duplicate.
     */
    public Properties durableProducer(String clientId) {
        Properties props = common();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        return props;
    }

    /** A consumer that sees only committed transactional writes. */
    public Properties committedConsumer(String groupId) {
        Properties props = common();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return props;
    }

    /**
     * Kafka Streams settings with exactly-once v2: every output and the input offsets commit atomically, so a
     * crash or rebalance never loses or doubles a record. Callers add serdes and tuning.
     */
    public Properties streams(String applicationId) {
        Properties props = common();
        props.put("application.id", applicationId);
        props.put("processing.guarantee", "exactly_once_v2");
        return props;
    }
}
