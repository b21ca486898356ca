package org.borderflows.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.borderflows.gateway.inbound.InboundTopology;
import org.borderflows.intake.CardIntake;
import org.borderflows.intake.CardValidator;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.platform.TopicCreator;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.CardRecord;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.IntakeChannel;
import org.borderflows.schema.RejectedRecord;
import org.borderflows.testkit.KafkaTestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kafka-native intake against a real broker: CardRecords on the inbound topic become crossings, invalid
 * ones and undecodable bytes become rejections, and the application keeps running past the garbage.
 */
class InboundIntakeIT {
    private static KafkaTestCluster kafka;
    private static KafkaStreams streams;
    /** The broker's arrival stamp of the valid card's record (the inbound topic is LogAppendTime). */
    private static Instant arrived;

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaTestCluster.start(1);
        try (Admin admin = kafka.admin()) {
            TopicCreator.createMissing(admin, (short) 1);
        }
        // not the inbound topic: its warm-up records would be read as (undecodable) cards
        kafka.warmUp(List.of(Topic.CROSSINGS.topicName(), Topic.REJECTED_RECORDS.topicName()));
        Clock clock = Clock.systemUTC();
        CardIntake intake = new CardIntake(
                new CardValidator(Deployment.DEFAULT, clock, Duration.ofMinutes(10)),
                TravellerPseudonymiser.development(),
                clock);
        StreamsBuilder builder = new StreamsBuilder();
        InboundTopology.build(builder, intake, clock);
        Properties props = KafkaSettings.of(kafka.bootstrapServers()).streams("inbound-it");
        props.put(
                StreamsConfig.STATE_DIR_CONFIG,
                Files.createTempDirectory("inbound-it").toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        streams = new KafkaStreams(builder.build(), props);
        streams.start();

        AvroSerde<CardRecord> serde = AvroSerde.of(CardRecord.class);
        String inbound = Topic.CARD_RECORDS_INBOUND.topicName();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                KafkaSettings.of(kafka.bootstrapServers()).durableProducer("agency"),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> garbage = new ProducerRecord<>(
                    inbound, 0, null, "not avro, passport AB7654321".getBytes(StandardCharsets.UTF_8));
            producer.send(garbage).get();
            // Stamped 2020-01-01 by its producer: the broker's arrival stamp replaces it.
            long producerStamp = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
            arrived = Instant.ofEpochMilli(producer.send(new ProducerRecord<>(
                            inbound, 0, producerStamp, null, serde.serialize(inbound, card("inbound-ok", "M"))))
                    .get()
                    .timestamp());
            producer.send(new ProducerRecord<>(inbound, 0, null, serde.serialize(inbound, card("inbound-bad", "Q"))))
                    .get();
        }
    }

    @AfterAll
    static void stop() {
        streams.close(Duration.ofSeconds(10));
        kafka.close();
    }

    private static CardRecord card(String eventId, String sex) {
        return CardRecord.newBuilder()
                .setEventId(eventId)
                .setDirection("ENTRY")
                .setCrossedAt("2026-01-15T09:30:00+05:00")
                .setBorderPost("KZ-PTR-RAIL")
                .setDocumentCountry("KGZ")
                .setDocumentNumber("ID 555 0001")
                .setBirthDate("2001-07-04")
                .setSex(sex)
                .setCitizenship("KGZ")
                .setPurpose("STUDY")
                .setIntendedStayDays(300)
                .setTransport("RAIL")
                .build();
    }

    @Test
    void aValidCardRecordBecomesAPseudonymisedCrossing() {
        AvroSerde<Crossing> serde = AvroSerde.of(Crossing.class);
        List<Crossing> crossings = TopicReader.read(
                kafka.bootstrapServers(),
                Topic.CROSSINGS.topicName(),
                b -> serde.deserialize("crossings", b),
                c -> true,
                1);
        assertThat(crossings).singleElement().satisfies(c -> {
            assertThat(c.getEventId()).isEqualTo("inbound-ok");
            assertThat(c.getTravellerId())
                    .isEqualTo(TravellerPseudonymiser.development()
                            .pseudonym("KGZ", "ID5550001", LocalDate.of(2001, 7, 4)));
            assertThat(c.getCrossingDate()).isEqualTo(LocalDate.of(2026, 1, 15));
            assertThat(c.getIntake().getChannel()).isEqualTo(IntakeChannel.KAFKA);
            assertThat(c.getIntake().getReceivedAt())
                    .as("received when its record reached the broker, not when the intake processed it")
                    .isEqualTo(arrived)
                    .isAfter(Instant.parse("2026-01-01T00:00:00Z"));
        });
    }

    @Test
    void garbageBytesAndAnInvalidCardBecomeRejectionsAndThePipelineGoesOn() {
        AvroSerde<RejectedRecord> serde = AvroSerde.of(RejectedRecord.class);
        List<RejectedRecord> rejected = TopicReader.read(
                kafka.bootstrapServers(),
                Topic.REJECTED_RECORDS.topicName(),
                b -> serde.deserialize("rejected-records", b),
                r -> true,
                2);
        assertThat(rejected).hasSize(2);
        RejectedRecord garbage =
                rejected.stream().filter(r -> r.getPosition() == 0L).findFirst().orElseThrow();
        assertThat(garbage.getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getField()).isEqualTo("record");
            assertThat(e.getCode()).isEqualTo("MALFORMED");
            assertThat(e.getMessage()).contains("not an Avro single-object encoded CardRecord");
        });
        assertThat(garbage.getPayload()).isEqualTo("<28 undecodable bytes, not kept>");
        RejectedRecord invalid = rejected.stream()
                .filter(r -> "inbound-bad".equals(r.getEventId()))
                .findFirst()
                .orElseThrow();
        assertThat(invalid.getPosition()).isEqualTo(2L);
        assertThat(invalid.getErrors()).singleElement().satisfies(e -> assertThat(e.getField())
                .isEqualTo("sex"));
        assertThat(invalid.getPayload()).doesNotContain("555");
        assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
    }
}
