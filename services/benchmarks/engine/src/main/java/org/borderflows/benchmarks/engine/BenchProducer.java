package org.borderflows.benchmarks.engine;

import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.borderflows.engine.topology.SyntheticCrossings;
import org.borderflows.platform.config.KafkaConfiguration;

/**
 * Bench only: fills a topic with SIZE synthetic crossings ({@link SyntheticCrossings}), key travellerId, in the
 * order of a {@link BenchLayout} (default time). Prints "crossings=N travellers=T".
 *
 * <p>{@code BenchProducer TOPIC SIZE [time|blocks]}; Kafka connection from the environment
 * (KafkaSettings.fromEnvironment).
 */
public final class BenchProducer {
    private BenchProducer() {}

    public static void main(String[] args) throws Exception {
        String topic = args[0];
        long size = Long.parseLong(args[1]);
        BenchLayout layout = args.length < 3 ? BenchLayout.TIME : BenchLayout.valueOf(args[2].toUpperCase(Locale.ROOT));
        Properties props = KafkaConfiguration.fromEnvironment().settings().durableProducer("bench-producer");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(128L * 1024 * 1024));
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        long travellers;
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            travellers = layout.fill(size, card -> {
                if (failure.get() != null) {
                    throw new IllegalStateException("a send failed", failure.get());
                }
                producer.send(new ProducerRecord<>(topic, card.travellerId(), card.value()), (m, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            });
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "crossings=%d travellers=%d layout=%s (written in %.1f s)%n", // fill hands over exactly size
                size, travellers, layout.name().toLowerCase(Locale.ROOT), seconds);
    }
}
