package org.borderflows.query.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.platform.TopicCreator;
import org.borderflows.query.Fixtures;
import org.borderflows.query.tables.Datasets;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.Direction;
import org.borderflows.testkit.KafkaTestCluster;
import org.borderflows.testkit.StreamsProgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The combiner on a real broker and a real Kafka Streams application (exactly-once), where a commit covers
 * several records: the deltas of one commit reach the repartition topic as one sum per cell, sent just before
 * the commit (the sums' arithmetic is FlowTableTopologyTest's); and sums an earlier version left in its pending store are taken over after the upgrade.
 */
class DeltaCombinerIT {
    private static final String APP = "combiner-it";
    private static final String RECEIVED_MARCH = "quality|2025-03|borderPost=KZ-ALA-AIR;issue=RECEIVED;reason=NONE";
    private static final String RECEIVED_JANUARY = "quality|2025-01|borderPost=KZ-KOR-ROAD;issue=RECEIVED;reason=NONE";

    private KafkaTestCluster kafka;
    private KafkaStreams streams;

    @BeforeEach
    void start() throws Exception {
        kafka = KafkaTestCluster.start(1);
        try (Admin admin = kafka.admin()) {
            TopicCreator.createMissing(admin, (short) 1);
        }
    }

    @AfterEach
    void stop() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(10));
        }
        kafka.close();
    }

    @Test
    void theDeltasOfOneCommitReachTheirCellAsOneSumAndEarlierPendingSumsAreKept() throws Exception {
        // An earlier version's pending store held 2 received crossings of January 2025 when it was stopped.
        String earlier = APP + "-" + FlowTableTopology.EARLIER_PENDING_STORE + "-changelog";
        kafka.createTopics(List.of(new NewTopic(earlier, Topic.CROSSINGS.partitions(), (short) 1)
                .configs(Map.of("cleanup.policy", "compact"))));
        Properties producerProps = kafka.clientProperties();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                    earlier,
                    0,
                    RECEIVED_JANUARY,
                    CellSum.SERDE.serializer().serialize(earlier, new CellSum(2, LocalDate.of(2025, 1, 31)))));
            // Three crossings of one traveller (one partition, one task) received on 2, 20 and 7 March 2025.
            AvroSerde<Crossing> crossings = AvroSerde.of(Crossing.class);
            for (Crossing c : List.of(
                    Fixtures.crossing("c1", LocalDate.of(2025, 3, 2), Direction.ENTRY),
                    Fixtures.crossing("c2", LocalDate.of(2025, 3, 20), Direction.EXIT),
                    Fixtures.crossing("c3", LocalDate.of(2025, 3, 7), Direction.ENTRY))) {
                producer.send(new ProducerRecord<>(
                        Topic.CROSSINGS.topicName(), "t-1", crossings.serialize(Topic.CROSSINGS.topicName(), c)));
            }
            producer.flush();
        }

        StreamsBuilder builder = new StreamsBuilder();
        FlowTableTopology.build(builder, ZoneId.of("Asia/Almaty"), Datasets.contributions());
        Properties props = KafkaSettings.of(kafka.bootstrapServers()).streams(APP);
        props.putAll(kafka.clientProperties());
        props.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("combiner-it").toString());
        // One commit for the whole test: the first commit comes when the application closes.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "600000");
        props.put(StreamsConfig.producerPrefix("transaction.timeout.ms"), "700000");
        props.put("auto.offset.reset", "earliest");
        streams = new KafkaStreams(builder.build(props), props);
        streams.start();
        StreamsProgress.awaitProcessed(streams, 3, Duration.ofSeconds(60));
        // The earlier store's sums are sent in a punctuation (the one punctuation of this topology).
        StreamsProgress.awaitPunctuated(streams, 1, Duration.ofSeconds(60));
        streams.close(Duration.ofSeconds(30)); // a clean close commits
        streams = null;

        List<ConsumerRecord<byte[], CellSum>> repartitioned =
                kafka.readAll(APP + "-cell-deltas-repartition", 2, Duration.ofSeconds(20), bytes -> CellSum.SERDE
                        .deserializer()
                        .deserialize("t", bytes));
        assertThat(repartitioned)
                .extracting(r -> new String(r.key(), StandardCharsets.UTF_8), ConsumerRecord::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(RECEIVED_MARCH, new CellSum(3, LocalDate.of(2025, 3, 20))),
                        org.assertj.core.groups.Tuple.tuple(
                                RECEIVED_JANUARY, new CellSum(2, LocalDate.of(2025, 1, 31))));

        // Taken over, so deleted from the earlier store in the same transaction: never counted twice.
        List<ConsumerRecord<byte[], byte[]>> left = kafka.readAll(earlier, 2, Duration.ofSeconds(20), b -> b);
        assertThat(left).hasSize(2);
        assertThat(left.get(1).value()).isNull();
    }
}
