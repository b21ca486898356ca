package org.borderflows.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real KRaft Kafka cluster running in this JVM (Kafka's own test kit), for integration tests. Not a mock:
 * the same broker code as production, with transactions enabled so exactly-once v2 works on one broker.
 *
 * <pre>
 * try (KafkaTestCluster kafka = KafkaTestCluster.start(1)) {
 *     kafka.createTopics(Map.of("crossings", 3));
 *     ... kafka.bootstrapServers() ...
 * }
 * </pre>
 */
public final class KafkaTestCluster implements AutoCloseable {
    private final KafkaClusterTestKit cluster;

    private KafkaTestCluster(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Starts a cluster with the given number of brokers (combined with one controller). */
    public static KafkaTestCluster start(int brokers) {
        try {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                            .setCombined(true)
                            .setNumBrokerNodes(brokers)
                            .setNumControllerNodes(1)
                            .build())
                    .setConfigProp("offsets.topic.replication.factor", String.valueOf(brokers))
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", String.valueOf(brokers))
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "3")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            return new KafkaTestCluster(kit);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the in-process Kafka cluster", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Client properties pointing at this cluster. */
    public Properties clientProperties() {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers());
        return props;
    }

    public Admin admin() {
        return cluster.admin();
    }

    /** Creates topics (name to partition count) and waits until they exist. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        List<NewTopic> topics = new ArrayList<>();
        short replication = (short) Math.min(3, cluster.brokers().size());
        partitionsByTopic.forEach((name, partitions) -> topics.add(new NewTopic(name, partitions, replication)));
        createTopics(topics);
    }

    public void createTopics(Collection<NewTopic> topics) {
        try (Admin admin = admin()) {
            admin.createTopics(topics).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics " + topics, e);
        }
    }

    /**
     * Reads every record of a topic from the beginning until {@code expected} records have arrived or the
     * timeout passes (read_committed: only what committed transactions wrote).
     */
    public <V> List<ConsumerRecord<byte[], V>> readAll(
            String topic, int expected, Duration timeout, Function<byte[], V> decoder) {
        Properties props = clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "testkit-reader-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], V>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    V value = r.value() == null ? null : decoder.apply(r.value());
                    out.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(), value));
                }
            }
        }
        return out;
    }

    /** Stops one broker (by node id) to simulate a failure. */
    public Map<Integer, kafka.server.BrokerServer> brokers() {
        return cluster.brokers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the in-process Kafka cluster", e);
        }
    }
}
