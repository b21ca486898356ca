package org.borderflows.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleClusterResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borderflows.platform.Topic;
import org.junit.jupiter.api.Test;

class StrimziResourcesTest {
    private static final Path KAFKA_DIR = Path.of("base/kafka");
    private static final Path REPOSITORY = Path.of("../..");

    @Test
    void committedTopicsAndUsersAreWhatTheGeneratorWritesNow() throws IOException {
        for (Map.Entry<String, String> file : StrimziResources.files().entrySet()) {
            Path committed = KAFKA_DIR.resolve(file.getKey());
            assertThat(Files.exists(committed) ? Files.readString(committed) : "")
                    .as(
                            "deploy/k8s/%s is not what StrimziResources writes from Topic.java and KafkaAccess.java"
                                    + " now; regenerate it from the repository root with: %s",
                            committed, StrimziResources.REGENERATE_COMMAND)
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void everyTopicIsAKafkaTopicWithItsPartitionsCleanUpAndRetention() throws IOException {
        List<KafkaTopic> topics = StrictManifests.parse(StrimziResources.topicsYaml()).stream()
                .map(doc -> (KafkaTopic) doc.model())
                .toList();

        assertThat(topics).hasSize(Topic.values().length);
        for (Topic topic : Topic.values()) {
            KafkaTopic resource = topics.stream()
                    .filter(t -> t.getSpec().getTopicName().equals(topic.topicName()))
                    .findFirst()
                    .orElseThrow();
            assertThat(resource.getMetadata().getName()).isEqualTo(topic.topicName());
            assertThat(resource.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "border-flows");
            assertThat(resource.getSpec().getPartitions()).isEqualTo(topic.partitions());
            assertThat(resource.getSpec().getReplicas()).isEqualTo(3);
            assertThat(resource.getSpec().getConfig())
                    .containsEntry("cleanup.policy", topic.cleanup().name().toLowerCase())
                    .containsEntry(
                            "retention.ms", topic.newTopic((short) 3).configs().get("retention.ms"));
        }
        assertThat(topics.get(0).getSpec().getConfig()).containsEntry("retention.ms", "86400000");
    }

    @Test
    void onlyTheCardGatewayMayReadTheRawInboundTopic() throws IOException {
        List<String> readers = users().stream()
                .filter(user -> acls(user).stream()
                        .anyMatch(rule -> grants(rule, Topic.CARD_RECORDS_INBOUND.topicName(), AclOperation.READ)))
                .map(user -> user.getMetadata().getName())
                .toList();

        assertThat(readers).containsExactly("card-gateway");
    }

    @Test
    void everyUserAuthenticatesWithScramAndHasNoWildcardGrant() throws IOException {
        List<KafkaUser> users = users();

        assertThat(users)
                .extracting(u -> u.getMetadata().getName())
                .containsExactly("card-gateway", "card-loader", "stay-engine", "flow-query", "agency-producer");
        for (KafkaUser user : users) {
            assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
            assertThat(acls(user)).allSatisfy(rule -> {
                assertThat(rule.getOperations()).doesNotContain(AclOperation.ALL);
                assertThat(rule.getResource()).isNotInstanceOf(AclRuleClusterResource.class);
                assertThat(resourceName(rule)).isNotBlank().isNotEqualTo("*");
            });
        }
    }

    @Test
    void theStayEngineMayWriteItsOutputsButNotTheCrossingsItReads() throws IOException {
        KafkaUser engine = users().stream()
                .filter(u -> u.getMetadata().getName().equals("stay-engine"))
                .findFirst()
                .orElseThrow();

        assertThat(grantsAny(engine, "crossings", AclOperation.READ)).isTrue();
        assertThat(grantsAny(engine, "crossings", AclOperation.WRITE)).isFalse();
        assertThat(grantsAny(engine, "spells", AclOperation.WRITE)).isTrue();
        assertThat(grantsAny(engine, "table-cells", AclOperation.READ)).isFalse();
        // internal topics of its Kafka Streams application, e.g. a changelog
        assertThat(grantsAny(engine, "stay-engine-travellers-changelog", AclOperation.CREATE))
                .isTrue();
    }

    @Test
    void streamsApplicationIdsAreTheOnesTheServicesUse() throws IOException {
        Map<String, String> used = Map.of(
                "card-gateway",
                yaml("services/card-gateway/src/main/resources/application.yml")
                        .at("/border-flows/inbound/application-id")
                        .asText(),
                "stay-engine",
                yaml("services/stay-engine/src/main/resources/application.yml")
                        .at("/border-flows/engine/application-id")
                        .asText(),
                "flow-query",
                constant(
                        "services/flow-query/src/main/java/org/borderflows/query/topology/FlowTableTopology.java",
                        "APPLICATION_ID"));

        for (KafkaAccess access : KafkaAccess.ALL) {
            assertThat(access.streamsApplicationId())
                    .as(access.user())
                    .isEqualTo(Optional.ofNullable(used.get(access.user())));
        }
    }

    private static List<KafkaUser> users() throws IOException {
        return StrictManifests.parse(StrimziResources.usersYaml()).stream()
                .map(doc -> (KafkaUser) doc.model())
                .toList();
    }

    private static List<AclRule> acls(KafkaUser user) {
        return ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
    }

    private static boolean grantsAny(KafkaUser user, String topic, AclOperation operation) {
        return acls(user).stream().anyMatch(rule -> grants(rule, topic, operation));
    }

    /** Whether a rule allows an operation on a topic (literal or prefixed name). */
    private static boolean grants(AclRule rule, String topic, AclOperation operation) {
        if (!(rule.getResource() instanceof AclRuleTopicResource resource)
                || !rule.getOperations().contains(operation)) {
            return false;
        }
        return resource.getPatternType() == AclResourcePatternType.PREFIX
                ? topic.startsWith(resource.getName())
                : topic.equals(resource.getName());
    }

    private static String resourceName(AclRule rule) {
        if (rule.getResource() instanceof AclRuleTopicResource topic) {
            return topic.getName();
        } else if (rule.getResource() instanceof AclRuleGroupResource group) {
            return group.getName();
        } else if (rule.getResource() instanceof AclRuleTransactionalIdResource transactionalId) {
            return transactionalId.getName();
        }
        throw new AssertionError("unexpected ACL resource " + rule.getResource());
    }

    private static JsonNode yaml(String file) throws IOException {
        return StrictManifests.YAML.readTree(Files.readString(REPOSITORY.resolve(file)));
    }

    private static String constant(String file, String name) throws IOException {
        Matcher m = Pattern.compile(name + "\\s*=\\s*\"([^\"]+)\"").matcher(Files.readString(REPOSITORY.resolve(file)));
        assertThat(m.find()).as(name + " in " + file).isTrue();
        return m.group(1);
    }
}
