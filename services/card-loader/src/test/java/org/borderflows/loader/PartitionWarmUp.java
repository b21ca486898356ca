package org.borderflows.loader;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes one empty-valued record to every partition of the given topics and waits for each, retrying, so the
 * freshly created partitions have a working leader before a test's idempotent producer sends. Without it, on
 * a loaded machine, a first batch answered NOT_LEADER_OR_FOLLOWER while later in-flight batches of the same
 * partition were appended, and the retried first batch then failed with OUT_OF_ORDER_SEQUENCE_NUMBER until the
 * delivery timeout.
 */
final class PartitionWarmUp {
    private PartitionWarmUp() {}

    static void warmUp(String bootstrap, List<String> topics) throws InterruptedException {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String topic : topics) {
                for (PartitionInfo partition : producer.partitionsFor(topic)) {
                    for (int attempt = 1; ; attempt++) {
                        try {
                            producer.send(new ProducerRecord<>(topic, partition.partition(), null, new byte[0]))
                                    .get();
                            break;
                        } catch (ExecutionException e) {
                            if (!(e.getCause() instanceof RetriableException) || attempt >= 50) {
                                throw new IllegalStateException("cannot write to " + topic, e);
                            }
                            Thread.sleep(200);
                        }
                    }
                }
            }
        }
    }
}
