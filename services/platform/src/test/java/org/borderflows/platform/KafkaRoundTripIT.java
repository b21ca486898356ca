package org.borderflows.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Intake;
import org.borderflows.schema.IntakeChannel;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.Sex;
import org.borderflows.testkit.KafkaTestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real in-process KRaft broker: the declared topics and the Avro serde through an exactly-once app. */
class KafkaRoundTripIT {
    private static KafkaTestCluster kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = KafkaTestCluster.start(1);
        try (Admin admin = kafka.admin()) {
            TopicCreator.createMissing(admin, (short) 1);
        }
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void topicCreatorCreatesEveryDeclaredTopicWithItsPartitionsAndPolicy() throws Exception {
        try (Admin admin = kafka.admin()) {
            assertThat(TopicCreator.createMissing(admin, (short) 1))
                    .as("second run creates nothing")
                    .isEmpty();
            for (Topic topic : Topic.values()) {
                TopicDescription description = admin.describeTopics(List.of(topic.topicName()))
                        .allTopicNames()
                        .get()
                        .get(topic.topicName());
                assertThat(description.partitions()).hasSize(topic.partitions());
                var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName());
                String policy = admin.describeConfigs(List.of(resource))
                        .all()
                        .get()
                        .get(resource)
                        .get("cleanup.policy")
                        .value();
                assertThat(policy).isEqualTo(topic.cleanup().name().toLowerCase());
            }
        }
    }

    @Test
    void aCrossingPublishedWithTheProjectSerdeIsReadBackThroughAnExactlyOnceStreamsApp() throws Exception {
        KafkaSettings settings = KafkaSettings.of(kafka.bootstrapServers());
        AvroSerde<Crossing> serde = AvroSerde.of(Crossing.class);
        Crossing crossing = sampleCrossing();
        try (KafkaProducer<String, Crossing> producer =
                new KafkaProducer<>(settings.durableProducer("it-producer"), new StringSerializer(), serde)) {
            producer.send(new ProducerRecord<>(Topic.CROSSINGS.topicName(), crossing.getTravellerId(), crossing))
                    .get();
        }

        String copyTopic = "crossings-copy";
        kafka.createTopics(java.util.Map.of(copyTopic, 1));
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topic.CROSSINGS.topicName(), Consumed.with(Serdes.String(), serde))
                .to(copyTopic, Produced.with(Serdes.String(), serde));
        Properties props = settings.streams("round-trip-it");
        props.put(
                StreamsConfig.STATE_DIR_CONFIG,
                java.nio.file.Files.createTempDirectory("streams").toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            assertThat(props.getProperty("processing.guarantee")).isEqualTo("exactly_once_v2");
            streams.start();
            List<ConsumerRecord<byte[], Crossing>> copied =
                    kafka.readAll(copyTopic, 1, Duration.ofSeconds(60), b -> serde.deserialize(copyTopic, b));
            assertThat(copied).hasSize(1);
            assertThat(copied.get(0).value()).isEqualTo(crossing);
            assertThat(new String(copied.get(0).key())).isEqualTo("traveller-9f2c");
        }
    }

    private static Crossing sampleCrossing() {
        return Crossing.newBuilder()
                .setEventId("KZ-ALA-AIR-2026-000001")
                .setTravellerId("traveller-9f2c")
                .setCardNumber("AB 1234567")
                .setDirection(Direction.ENTRY)
                .setCrossedAt(Instant.parse("2026-03-01T03:15:00Z"))
                .setCrossingDate(LocalDate.of(2026, 3, 1))
                .setBorderPost("KZ-ALA-AIR")
                .setDocumentCountry("TJK")
                .setBirthDate(LocalDate.of(1990, 5, 17))
                .setSex(Sex.M)
                .setCitizenship("TJK")
                .setPurpose(Purpose.WORK)
                .setIntake(new Intake(IntakeChannel.HTTP, "KZ-ALA-AIR", Instant.parse("2026-03-01T03:16:00Z"), null))
                .build();
    }
}
