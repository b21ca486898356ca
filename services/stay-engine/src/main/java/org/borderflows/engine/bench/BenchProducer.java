package org.borderflows.engine.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;

/**
 * Bench only: fills a topic with SIZE synthetic crossings ({@link SyntheticCrossings}), key travellerId. Travellers
 * are made in blocks of 50,000 and each block is written in time order, so a partition is roughly in time order
 * like a real backfill. Prints "crossings=N travellers=T".
 *
 * <p>{@code BenchProducer TOPIC SIZE}; Kafka connection from the environment (KafkaSettings.fromEnvironment).
 */
public final class BenchProducer {
    private BenchProducer() {}

    public static void main(String[] args) throws Exception {
        String topic = args[0];
        long size = Long.parseLong(args[1]);
        Properties props = KafkaSettings.fromEnvironment().durableProducer("bench-producer");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024));
        AvroSerde<Crossing> serde = AvroSerde.of(Crossing.class);
        SyntheticCrossings generator = new SyntheticCrossings(20_26L);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long written = 0;
        long traveller = 0;
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            while (written < size) {
                List<Crossing> block = new ArrayList<>();
                for (int i = 0; i < 50_000 && written + block.size() < size; i++) {
                    block.addAll(generator.traveller(traveller++));
                }
                block.sort(Comparator.comparing(Crossing::getCrossedAt));
                for (Crossing c : block) {
                    if (written >= size) {
                        break;
                    }
                    producer.send(
                            new ProducerRecord<>(topic, c.getTravellerId(), serde.serialize(topic, c)), (m, e) -> {
                                if (e != null) {
                                    failure.compareAndSet(null, e);
                                }
                            });
                    written++;
                }
                if (failure.get() != null) {
                    throw failure.get();
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("crossings=%d travellers=%d (written in %.1f s)%n", written, traveller, seconds);
    }
}
