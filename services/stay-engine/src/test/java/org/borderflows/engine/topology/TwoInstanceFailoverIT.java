package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.borderflows.engine.bench.SyntheticCrossings;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.platform.TopicCreator;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.Spell;
import org.borderflows.schema.TravellerStatus;
import org.borderflows.testkit.KafkaTestCluster;
import org.junit.jupiter.api.Test;

/**
 * Two engine instances (two KafkaStreams in this JVM, own state dirs) on a real broker with exactly-once v2:
 * one is stopped mid-stream and restarted; the compacted outputs equal those of a run without the failure.
 */
class TwoInstanceFailoverIT {
    private static final List<Topic> OUTPUTS =
            List.of(Topic.SPELLS, Topic.CROSSING_OUTCOMES, Topic.TRAVELLER_STATUS, Topic.QUALITY_EVENTS);

    @Test
    void stoppingAnInstanceMidStreamLosesAndDoublesNothingAndQueriesFindTheOwner() throws Exception {
        List<Crossing> crossings = crossings(400);
        Map<Topic, Map<String, Object>> expected = withoutFailure(crossings);
        try (KafkaTestCluster kafka = KafkaTestCluster.start(1)) {
            try (Admin admin = kafka.admin()) {
                TopicCreator.createMissing(admin, (short) 1);
                awaitLeaders(admin);
            }
            KafkaSettings kafkaSettings = KafkaSettings.of(kafka.bootstrapServers());
            int half = crossings.size() / 2;
            produce(kafkaSettings, crossings.subList(0, half));

            KafkaStreams a = start(kafkaSettings, "failover", "localhost:1111", "a");
            KafkaStreams b = start(kafkaSettings, "failover", "localhost:2222", "b");
            produce(kafkaSettings, crossings.subList(half, half + half / 2));
            waitForOutputs(kafkaSettings);
            a.close(Duration.ZERO); // simulated kill: no graceful hand-over wait
            produce(kafkaSettings, crossings.subList(half + half / 2, crossings.size()));
            a.close(Duration.ofSeconds(10));
            a = start(kafkaSettings, "failover", "localhost:1111", "a");

            Map<Topic, Map<String, Object>> actual = settle(kafkaSettings, expected);

            assertThat(expected.get(Topic.CROSSING_OUTCOMES)).hasSize(crossings.size());
            for (Topic topic : OUTPUTS) {
                assertThat(actual.get(topic)).as(topic.topicName()).isEqualTo(expected.get(topic));
            }

            // Interactive queries: each traveller is found by exactly one instance, the other points at it.
            EngineSettings settings = EngineSettings.defaults("failover", Deployment.DEFAULT);
            TravellerLookup onA = new TravellerLookup(a, new HostInfo("localhost", 1111), settings);
            TravellerLookup onB = new TravellerLookup(b, new HostInfo("localhost", 2222), settings);
            for (Crossing c : crossings.subList(0, 20)) {
                TravellerLookup.Result fromA = onA.find(c.getTravellerId());
                TravellerLookup.Result fromB = onB.find(c.getTravellerId());
                if (fromA instanceof TravellerLookup.Found) {
                    assertThat(fromB).isEqualTo(new TravellerLookup.Elsewhere(new HostInfo("localhost", 1111)));
                } else {
                    assertThat(fromA).isEqualTo(new TravellerLookup.Elsewhere(new HostInfo("localhost", 2222)));
                    assertThat(fromB).isInstanceOf(TravellerLookup.Found.class);
                }
            }
            a.close(Duration.ofSeconds(10));
            b.close(Duration.ofSeconds(10));
        }
    }

    /** Producing right after creation races the leader elections (NOT_LEADER, then out-of-order sequences). */
    private static void awaitLeaders(Admin admin) throws Exception {
        List<String> names =
                java.util.Arrays.stream(Topic.values()).map(Topic::topicName).toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            boolean ready = admin.describeTopics(names).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream())
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
            if (ready) {
                return;
            }
            Thread.sleep(200);
        }
    }

    private static List<Crossing> crossings(int travellers) {
        SyntheticCrossings generator = new SyntheticCrossings(42);
        List<Crossing> out = new ArrayList<>();
        for (int t = 0; t < travellers; t++) {
            out.addAll(generator.traveller(t));
        }
        out.sort(Comparator.comparing(Crossing::getCrossedAt));
        return out;
    }

    private static void produce(KafkaSettings settings, List<Crossing> crossings) throws Exception {
        try (KafkaProducer<String, Crossing> producer = new KafkaProducer<>(
                settings.durableProducer("it-producer"), new StringSerializer(), AvroSerde.of(Crossing.class))) {
            for (Crossing c : crossings) {
                producer.send(new ProducerRecord<>(Topic.CROSSINGS.topicName(), c.getTravellerId(), c));
            }
            producer.flush();
        }
    }

    private static KafkaStreams start(KafkaSettings kafka, String appId, String server, String name) throws Exception {
        Properties props = kafka.streams(appId);
        Path dir = Path.of("target", "it-state", appId + "-" + name);
        Files.createDirectories(dir);
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toAbsolutePath().toString());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000");
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
        StreamsBuilder builder = new StreamsBuilder();
        StayTopology.build(builder, EngineSettings.defaults(appId, Deployment.DEFAULT));
        KafkaStreams streams = new KafkaStreams(builder.build(props), props);
        streams.start();
        return streams;
    }

    private static void waitForOutputs(KafkaSettings kafka) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline
                && read(kafka, Topic.TRAVELLER_STATUS).isEmpty()) {
            Thread.sleep(200);
        }
    }

    /** The same crossings through the same topology in one TopologyTestDriver task, nothing stopped. */
    private static Map<Topic, Map<String, Object>> withoutFailure(List<Crossing> crossings) {
        try (EngineDriver engine = new EngineDriver(EngineSettings.defaults("failover", Deployment.DEFAULT))) {
            crossings.forEach(engine::send);
            Map<Topic, Map<String, Object>> out = new HashMap<>();
            for (Topic topic : OUTPUTS) {
                Map<String, Object> table = new TreeMap<>();
                engine.<Object>table(topic).forEach((k, v) -> {
                    Object n = Normalised.of(v);
                    if (n != null) {
                        table.put(k, n);
                    }
                });
                out.put(topic, table);
            }
            return out;
        }
    }

    /** Reads the compacted outputs until they equal {@code target} (the engine has caught up) or 60 s pass. */
    private static Map<Topic, Map<String, Object>> settle(KafkaSettings kafka, Map<Topic, Map<String, Object>> target)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Map<Topic, Map<String, Object>> now = new HashMap<>();
            for (Topic topic : OUTPUTS) {
                now.put(topic, table(kafka, topic));
            }
            if (now.equals(target) || System.nanoTime() > deadline) {
                return now;
            }
            Thread.sleep(1000);
        }
    }

    private static Map<String, Object> table(KafkaSettings kafka, Topic topic) {
        AvroSerde<?> serde =
                switch (topic) {
                    case SPELLS -> AvroSerde.of(Spell.class);
                    case CROSSING_OUTCOMES -> AvroSerde.of(CrossingOutcome.class);
                    case TRAVELLER_STATUS -> AvroSerde.of(TravellerStatus.class);
                    default -> AvroSerde.of(QualityEvent.class);
                };
        Map<String, Object> table = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : read(kafka, topic)) {
            Object value = r.value() == null ? null : Normalised.of(serde.deserialize(topic.topicName(), r.value()));
            if (value == null) {
                table.remove(r.key());
            } else {
                table.put(r.key(), value);
            }
        }
        return table;
    }

    private static List<ConsumerRecord<String, byte[]>> read(KafkaSettings kafka, Topic topic) {
        Properties props = kafka.common();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(out::add);
            }
        }
        return out;
    }
}
