package org.borderflows.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.borderflows.platform.Topic;

/**
 * Writes the Strimzi resources of the Kafka side: {@code topics.yaml}, one {@code KafkaTopic} per {@link Topic}
 * with the partitions and configs {@link Topic#newTopic} gives the Admin client, and {@code users.yaml}, one
 * {@code KafkaUser} per {@link KafkaAccess} with SCRAM-SHA-512 credentials and the ACLs of its access. Both files
 * are committed under {@code deploy/k8s/base/kafka}; {@code StrimziResourcesTest} fails when they differ from
 * what this class writes now.
 *
 * <p>Command line: {@code StrimziResources [DIRECTORY]} (default {@code deploy/k8s/base/kafka}).
 */
public final class StrimziResources {
    /** The Strimzi {@code Kafka} resource the topics and users belong to (label {@code strimzi.io/cluster}). */
    public static final String CLUSTER = "border-flows";
    /** Replicas of every topic; an overlay for a single-broker cluster lowers it. */
    public static final short REPLICAS = 3;

    public static final String TOPICS_FILE = "topics.yaml";
    public static final String USERS_FILE = "users.yaml";
    public static final String DEFAULT_DIRECTORY = "deploy/k8s/base/kafka";
    /** Regenerates both files, from the repository root. */
    public static final String REGENERATE_COMMAND = "mvn -B -q -pl deploy/k8s -am package -DskipTests"
            + " && java -cp deploy/k8s/target/classes:$(cat deploy/k8s/target/classpath.txt)"
            + " org.borderflows.k8s.StrimziResources";

    private static final String API_VERSION = "kafka.strimzi.io/v1beta2";

    private StrimziResources() {}

    /** The KafkaTopic resources, in the order of {@link Topic}. */
    public static String topicsYaml() {
        StringBuilder out = new StringBuilder(header("Topic.java (services/platform)"));
        List<String> docs = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            NewTopic t = topic.newTopic(REPLICAS);
            StringBuilder doc = new StringBuilder();
            doc.append("apiVersion: ").append(API_VERSION).append('\n');
            doc.append("kind: KafkaTopic\n");
            metadata(doc, t.name());
            doc.append("spec:\n");
            doc.append("  topicName: ").append(t.name()).append('\n');
            doc.append("  partitions: ").append(t.numPartitions()).append('\n');
            doc.append("  replicas: ").append(t.replicationFactor()).append('\n');
            doc.append("  config:\n");
            new TreeMap<>(t.configs()).forEach((key, value) -> doc.append("    ")
                    .append(key)
                    .append(": \"")
                    .append(value)
                    .append("\"\n"));
            docs.add(doc.toString());
        }
        return out.append(String.join("---\n", docs)).toString();
    }

    /** The KafkaUser resources, in the order of {@link KafkaAccess#ALL}. */
    public static String usersYaml() {
        StringBuilder out = new StringBuilder(header("KafkaAccess.java (deploy/k8s) and Topic.java"));
        List<String> docs = new ArrayList<>();
        for (KafkaAccess access : KafkaAccess.ALL) {
            StringBuilder doc = new StringBuilder();
            doc.append("apiVersion: ").append(API_VERSION).append('\n');
            doc.append("kind: KafkaUser\n");
            metadata(doc, access.user());
            doc.append("spec:\n");
            doc.append("  authentication:\n");
            doc.append("    type: scram-sha-512\n");
            doc.append("  authorization:\n");
            doc.append("    type: simple\n");
            doc.append("    acls:\n");
            for (Topic topic : Topic.values()) {
                List<String> operations = new ArrayList<>();
                operations.add("Describe");
                if (access.reads().contains(topic)) {
                    operations.add("Read");
                }
                if (access.writes().contains(topic)) {
                    operations.add("Write");
                }
                if (operations.size() > 1) {
                    acl(doc, "topic", topic.topicName(), "literal", operations);
                }
            }
            access.streamsApplicationId().ifPresent(app -> {
                // Kafka Streams: the consumer group is the application id; transactional ids (exactly-once) and
                // internal topics (changelogs, repartition topics) start with it.
                acl(doc, "group", app, "literal", List.of("Read"));
                acl(doc, "transactionalId", app + "-", "prefix", List.of("Describe", "Write"));
                acl(
                        doc,
                        "topic",
                        app + "-",
                        "prefix",
                        List.of("Create", "Delete", "Describe", "DescribeConfigs", "Read", "Write"));
            });
            docs.add(doc.toString());
        }
        return out.append(String.join("---\n", docs)).toString();
    }

    /** The files this class writes, by name. */
    public static Map<String, String> files() {
        return Map.of(TOPICS_FILE, topicsYaml(), USERS_FILE, usersYaml());
    }

    private static String header(String source) {
        return "# Generated from " + source + " by org.borderflows.k8s.StrimziResources: do not edit.\n"
                + "# Regenerate from the repository root: " + REGENERATE_COMMAND + "\n";
    }

    private static void metadata(StringBuilder doc, String name) {
        doc.append("metadata:\n");
        doc.append("  name: ").append(name).append('\n');
        doc.append("  labels:\n");
        doc.append("    strimzi.io/cluster: ").append(CLUSTER).append('\n');
    }

    private static void acl(StringBuilder doc, String type, String name, String patternType, List<String> operations) {
        doc.append("      - resource:\n");
        doc.append("          type: ").append(type).append('\n');
        doc.append("          name: ").append(name).append('\n');
        doc.append("          patternType: ").append(patternType).append('\n');
        doc.append("        operations: [")
                .append(String.join(", ", operations))
                .append("]\n");
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            System.err.println("usage: StrimziResources [DIRECTORY]");
            System.exit(2);
        }
        Path dir = Path.of(args.length == 1 ? args[0] : DEFAULT_DIRECTORY);
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : new TreeMap<>(files()).entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
            System.out.println("wrote " + dir.resolve(file.getKey()));
        }
    }
}
