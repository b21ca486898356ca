package org.borderflows.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSettingsTest {
    @TempDir
    Path dir;

    @Test
    void clientPropertiesFileIsPassedToEveryClientAsItIs() throws IOException {
        Path file = Files.writeString(
                dir.resolve("client.properties"),
                "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\nssl.truststore.type=PEM\n");

        KafkaSettings settings = KafkaSettings.load("broker-0:9093", file.toString(), Map.of());

        Properties streams = settings.streams("stay-engine");
        assertThat(streams)
                .containsEntry("bootstrap.servers", "broker-0:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("application.id", "stay-engine");
        assertThat(settings.durableProducer("gateway")).containsEntry("security.protocol", "SASL_SSL");
        assertThat(settings.committedConsumer("reader")).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void aServicesOwnSettingsWinOverTheFile() throws IOException {
        Path file = Files.writeString(
                dir.resolve("client.properties"), "security.protocol=SASL_SSL\ncommit.interval.ms=100\n");

        KafkaSettings settings =
                KafkaSettings.load("broker-0:9093", file.toString(), Map.of("commit.interval.ms", "1000"));

        assertThat(settings.passThrough())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("security.protocol", "SASL_SSL", "commit.interval.ms", "1000"));
    }

    @Test
    void blankOrMissingFileNameMeansNoExtraSettings() {
        assertThat(KafkaSettings.load("localhost:9092", "", Map.of()).passThrough())
                .isEmpty();
        assertThat(KafkaSettings.load("localhost:9092", null, Map.of("linger.ms", "5"))
                        .passThrough())
                .containsExactlyEntriesOf(Map.of("linger.ms", "5"));
    }

    @Test
    void anUnreadableFileFailsNamingThePath() {
        Path missing = dir.resolve("absent.properties");

        assertThatThrownBy(() -> KafkaSettings.load("localhost:9092", missing.toString(), Map.of()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString());
    }
}
