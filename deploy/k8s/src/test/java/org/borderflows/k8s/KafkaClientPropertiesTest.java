package org.borderflows.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.StringSerializer;
import org.borderflows.platform.KafkaSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * base/config/client.properties holds no secret: the SCRAM login comes from the KafkaUser's Secret through Kafka's
 * directory config provider, and the truststore is the cluster CA's PEM certificate. Both are mounted where the
 * file says, in every workload.
 */
class KafkaClientPropertiesTest {
    private static final Path CLIENT_PROPERTIES = Path.of("base/config/client.properties");
    private static final String USER_DIR = "/etc/border-flows/kafka-user";
    private static final String CA_DIR = "/etc/border-flows/kafka-ca";
    private static final String CLIENT_DIR = "/etc/border-flows/kafka";

    @TempDir
    Path dir;

    @Test
    void theLoginIsReadFromTheMountedUserSecretByAKafkaClient() throws IOException {
        Path userSecret = Files.createDirectories(dir.resolve("kafka-user"));
        String login = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"stay-engine\""
                + " password=\"from-the-secret\";";
        Files.writeString(userSecret.resolve("sasl.jaas.config"), login);
        Path properties = Files.writeString(
                dir.resolve("client.properties"),
                Files.readString(CLIENT_PROPERTIES).replace(USER_DIR, userSecret.toString()));

        Properties producer = KafkaSettings.load("broker:9093", properties.toString(), Map.of())
                .durableProducer("test");
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        ProducerConfig config = new ProducerConfig(producer);

        assertThat(config.getPassword(SaslConfigs.SASL_JAAS_CONFIG).value()).isEqualTo(login);
        assertThat(config.getString(SaslConfigs.SASL_MECHANISM)).isEqualTo("SCRAM-SHA-512");
        assertThat(config.getString(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG)).isEqualTo("PEM");
        assertThat(config.getString(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG)).isEqualTo(CA_DIR + "/ca.crt");
        assertThat(Files.readString(CLIENT_PROPERTIES)).doesNotContainIgnoringCase("password=");
    }

    @Test
    void everyWorkloadMountsItsKafkaUserSecretTheClusterCaAndTheClientProperties() throws IOException {
        Set<String> users = StrictManifests.parse(StrimziResources.usersYaml()).stream()
                .map(StrictManifests.Parsed::name)
                .collect(Collectors.toSet());
        Map<String, PodSpec> workloads = new LinkedHashMap<>();
        for (Path file : ManifestsTest.manifests()) {
            if (!file.toString().contains("/base/")) {
                continue;
            }
            for (StrictManifests.Parsed doc : StrictManifests.parse(Files.readString(file))) {
                if (doc.model() instanceof StatefulSet s) {
                    workloads.put(doc.name(), s.getSpec().getTemplate().getSpec());
                } else if (doc.model() instanceof Deployment d) {
                    workloads.put(doc.name(), d.getSpec().getTemplate().getSpec());
                } else if (doc.model() instanceof CronJob c) {
                    workloads.put(
                            doc.name(),
                            c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec());
                }
            }
        }
        assertThat(workloads).containsOnlyKeys("stay-engine", "flow-query", "card-gateway", "card-loader");

        workloads.forEach((name, pod) -> {
            Container container = pod.getContainers().get(0);
            Map<String, Volume> mounted = new HashMap<>();
            Map<String, Volume> volumes = pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
            for (VolumeMount mount : container.getVolumeMounts()) {
                mounted.put(mount.getMountPath(), volumes.get(mount.getName()));
            }
            assertThat(mounted.get(USER_DIR).getSecret().getSecretName())
                    .as(name + ": the Secret of its KafkaUser")
                    .isEqualTo(name)
                    .isIn(users);
            assertThat(mounted.get(CA_DIR).getSecret().getSecretName()).isEqualTo("border-flows-cluster-ca-cert");
            assertThat(mounted.get(CA_DIR).getSecret().getItems())
                    .extracting(i -> i.getKey())
                    .isEqualTo(List.of("ca.crt"));
            assertThat(mounted.get(CLIENT_DIR).getConfigMap().getName()).isEqualTo("kafka-client");
            assertThat(container.getEnvFrom())
                    .extracting(e -> e.getConfigMapRef().getName())
                    .containsExactly("border-flows");
        });
    }
}
