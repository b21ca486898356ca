package org.borderflows.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.borderflows.testkit.KafkaTestCluster;
import org.junit.jupiter.api.Test;

/**
 * The one failure policy, on a real broker: a record the application cannot process stops it on this instance
 * (health DOWN) and its thread is not replaced to fail on the same record again; while it runs, its Kafka Streams
 * meters are in the registry, and closing it removes them.
 */
class StreamsRunnerTest {

    @Test
    void aFailingStreamThreadStopsTheApplicationInsteadOfRetryingForEver() throws Exception {
        try (KafkaTestCluster kafka = KafkaTestCluster.start(1)) {
            kafka.createTopics(Map.of("cards", 1));
            AtomicInteger attempts = new AtomicInteger();
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream("cards", Consumed.with(Serdes.String(), Serdes.String()))
                    .foreach((key, value) -> {
                        attempts.incrementAndGet();
                        throw new IllegalStateException("cannot process " + key);
                    });
            Properties props = new Properties();
            props.putAll(kafka.clientProperties());
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "runner-test");
            props.put(
                    StreamsConfig.STATE_DIR_CONFIG,
                    Files.createTempDirectory("runner-test").toString());
            props.put("auto.offset.reset", "earliest");
            SimpleMeterRegistry meters = new SimpleMeterRegistry();

            StreamsRunner runner =
                    new StreamsRunner("test application", builder.build(), props, Duration.ofSeconds(5), meters);
            assertThat(runner.healthy()).as("created: starting").isTrue();
            runner.start();
            await(() -> runner.state() == KafkaStreams.State.RUNNING);
            assertThat(runner.healthy()).isTrue();
            assertThat(meters.getMeters()).anyMatch(m -> m.getId().getName().startsWith("kafka.stream"));

            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(kafka.clientProperties(), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("cards", "poison", "x")).get();
            }
            await(() -> runner.state() == KafkaStreams.State.ERROR);

            assertThat(runner.healthy()).isFalse();
            Thread.sleep(1_000); // a replaced thread would have met the record again by now
            assertThat(attempts).hasValue(1);
            runner.close();
            assertThat(meters.getMeters()).noneMatch(m -> m.getId().getName().startsWith("kafka.stream"));
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(50);
        }
    }
}
