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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
     * Waits until every partition of the topics has a leader. Topic creation returns before that; on a busy
     * machine a producer that starts meanwhile can lose its idempotent sequence (OUT_OF_ORDER_SEQUENCE_NUMBER).
     */
    public void awaitLeaders(Collection<String> topics) {
        try (Admin admin = admin()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                boolean ready = admin.describeTopics(topics).allTopicNames().get().values().stream()
                        .flatMap(d -> d.partitions().stream())
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (ready) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("partitions of " + topics + " have no leader after 60 s");
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for leaders of " + topics, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot describe " + topics, e);
        }
    }

    /**
     * Writes one record with an empty value to every partition of the topics and waits for each, retrying, so
     * that the freshly created partitions accept writes before a test's idempotent producer sends. Without it,
     * on a loaded machine, a first batch answered NOT_LEADER_OR_FOLLOWER while later in-flight batches of the
     * same partition were appended, and the retried first batch then failed with OUT_OF_ORDER_SEQUENCE_NUMBER
     * until the delivery timeout. Readers of these topics must skip the empty values.
     */
    public void warmUp(Collection<String> topics) {
        warmUp(topics, new byte[0]);
    }

    /** {@link #warmUp(Collection)} with {@code value} (null: a tombstone, which Avro readers skip as "no record"). */
    public void warmUp(Collection<String> topics, byte[] value) {
        Properties props = clientProperties();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String topic : topics) {
                for (PartitionInfo partition : producer.partitionsFor(topic)) {
                    for (int attempt = 1; ; attempt++) {
                        try {
                            producer.send(new ProducerRecord<>(topic, partition.partition(), null, value))
                                    .get();
                            break;
                        } catch (java.util.concurrent.ExecutionException e) {
                            if (!(e.getCause() instanceof RetriableException) || attempt >= 50) {
                                throw new IllegalStateException("cannot write to " + topic, e);
                            }
                            Thread.sleep(200);
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while warming up " + topics, e);
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
