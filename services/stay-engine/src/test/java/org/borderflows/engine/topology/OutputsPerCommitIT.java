package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderflows.engine.topology.EngineDriver.crossing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.borderflows.domain.CrossingFact;
import org.borderflows.engine.StayEngine;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.platform.TopicCreator;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.Direction;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellState;
import org.borderflows.testkit.Backfill;
import org.borderflows.testkit.KafkaTestCluster;
import org.borderflows.testkit.StreamsProgress;
import org.junit.jupiter.api.Test;

/**
 * On a real broker, with exactly-once and a commit covering several crossings: the engine writes only the latest
 * value per output key of a commit, just before the commit (the topics are compacted, readers need only that),
 * and stores a traveller's state once per commit.
 */
class OutputsPerCommitIT {
    private static final String APP = "outputs-per-commit";

    @Test
    void aStayOpenedAndClosedWithinOneCommitIsWrittenOnceClosed() throws Exception {
        try (KafkaTestCluster kafka = KafkaTestCluster.start(1)) {
            try (Admin admin = kafka.admin()) {
                TopicCreator.createMissing(admin, (short) 1);
            }
            // A Tajik tourist enters on 1 March 2025 and leaves on 10 March 2025.
            AvroSerde<Crossing> crossings = AvroSerde.of(Crossing.class);
            try (KafkaProducer<String, byte[]> producer =
                    new KafkaProducer<>(kafka.clientProperties(), new StringSerializer(), new ByteArraySerializer())) {
                for (Crossing c : List.of(
                        crossing("t1", "e1", Direction.ENTRY, LocalDate.of(2025, 3, 1), "TJK", Purpose.TOURISM),
                        crossing("t1", "x1", Direction.EXIT, LocalDate.of(2025, 3, 10), "TJK", Purpose.TOURISM))) {
                    producer.send(new ProducerRecord<>(
                            Topic.CROSSINGS.topicName(), "t1", crossings.serialize(Topic.CROSSINGS.topicName(), c)));
                }
            }

            Properties props = KafkaSettings.of(kafka.bootstrapServers()).streams(APP);
            props.putAll(kafka.clientProperties());
            props.putAll(StayEngine.ENGINE_DEFAULTS);
            props.put(
                    StreamsConfig.STATE_DIR_CONFIG,
                    Files.createTempDirectory(APP).toString());
            // One commit for the whole test: the first comes when the engine closes.
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "600000");
            props.put(StreamsConfig.producerPrefix("transaction.timeout.ms"), "700000");
            props.put("auto.offset.reset", "earliest");
            StreamsBuilder builder = new StreamsBuilder();
            // Live (these cards were received in 2025: catching up, they would wait past the close; CatchUpTest)
            StayTopology.build(
                    builder, EngineSettings.defaults(APP, Deployment.DEFAULT).withCatchUpBehind(Duration.ZERO));
            try (KafkaStreams streams = new KafkaStreams(builder.build(props), props)) {
                streams.start();
                StreamsProgress.awaitProcessed(streams, 2, Duration.ofSeconds(60));
                streams.close(Duration.ofSeconds(30)); // a clean close commits
            }

            AvroSerde<Spell> spellSerde = AvroSerde.of(Spell.class);
            List<ConsumerRecord<byte[], Spell>> spells = kafka.readAll(
                    Topic.SPELLS.topicName(), 2, Duration.ofSeconds(10), b -> spellSerde.deserialize("t", b));
            assertThat(spells)
                    .as("the open stay of 1 March was replaced by the closed one within the commit")
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("t1:e1");
                        assertThat(r.value().getState()).isEqualTo(SpellState.CLOSED);
                        assertThat(r.value().getDurationClass()).isEqualTo(DurationClass.VISIT);
                    });
            assertThat(kafka.readAll(Topic.TRAVELLER_STATUS.topicName(), 2, Duration.ofSeconds(5), b -> b))
                    .hasSize(1);
            assertThat(kafka.readAll(Topic.CROSSING_OUTCOMES.topicName(), 3, Duration.ofSeconds(5), b -> b))
                    .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                    .containsExactlyInAnyOrder("e1", "x1");
            // The traveller's state reached the store, and so its changelog, once: after both crossings. Its log
            // holds that record and the transaction's commit marker; a state stored per crossing left another.
            String changelog = APP + "-" + StayTopology.TRAVELLERS_STORE + "-changelog";
            assertThat(kafka.readAll(changelog, 2, Duration.ofSeconds(5), b -> TravellerState.decode("t1", b)))
                    .singleElement()
                    .satisfies(r -> assertThat(r.value().crossings)
                            .extracting(CrossingFact::eventId)
                            .containsExactlyInAnyOrder("e1", "x1"));
            Map<TopicPartition, Long> ends;
            try (Admin admin = kafka.admin()) {
                ends = Backfill.endOffsets(admin, List.of(changelog)); // log end offsets: records and markers
            }
            assertThat(ends.values().stream().mapToLong(Long::longValue).sum())
                    .as("records and markers in the travellers changelog")
                    .isEqualTo(2);
        }
    }
}
