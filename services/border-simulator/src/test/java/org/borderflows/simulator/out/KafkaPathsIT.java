package org.borderflows.simulator.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.platform.TopicCreator;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.CardRecord;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Direction;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.ResidenceStatus;
import org.borderflows.schema.Sex;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellKind;
import org.borderflows.schema.SpellState;
import org.borderflows.simulator.gen.Card;
import org.borderflows.simulator.gen.FaultRates;
import org.borderflows.simulator.gen.Simulation;
import org.borderflows.simulator.peer.EngineTopics;
import org.borderflows.testkit.KafkaTestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's own Kafka paths against a real in-process broker: publishing cards, reading engine topics. */
class KafkaPathsIT {
    private static KafkaTestCluster kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaTestCluster.start(1);
        try (Admin admin = kafka.admin()) {
            TopicCreator.createMissing(admin, (short) 1);
        }
        kafka.awaitLeaders(Arrays.stream(Topic.values()).map(Topic::topicName).toList());
        // Every partition accepts writes before the idempotent producers below send (see KafkaTestCluster.warmUp):
        // without it a loaded CI machine expired a whole batch of fresh partition 4 after 120 s.
        // Readers of the inbound topic skip its empty warm-up values.
        kafka.warmUp(List.of(Topic.CARD_RECORDS_INBOUND.topicName()));
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    @Test
    void cardsArriveOnTheInboundTopicWithEachTravellerOnOnePartition() throws Exception {
        Simulation.World world = Simulation.run(new Simulation.Settings(
                YearMonth.of(2025, 1), YearMonth.of(2025, 3), 0, 300, 9, FaultRates.NONE, ZoneId.of("Asia/Almaty")));
        try (KafkaSink sink = new KafkaSink(KafkaSettings.of(kafka.bootstrapServers()))) {
            for (Card c : world.cards()) {
                sink.send(c);
            }
        }
        AvroSerde<CardRecord> serde = AvroSerde.of(CardRecord.class);
        String inbound = Topic.CARD_RECORDS_INBOUND.topicName();
        int warmUpRecords = Topic.CARD_RECORDS_INBOUND.partitions();
        List<ConsumerRecord<byte[], CardRecord>> read = kafka
                .readAll(
                        inbound,
                        world.cards().size() + warmUpRecords,
                        Duration.ofSeconds(60),
                        b -> b.length == 0 ? null : serde.deserialize("t", b))
                .stream()
                .filter(r -> r.value() != null)
                .toList();

        assertThat(read)
                .extracting(r -> r.value().getEventId())
                .containsExactlyInAnyOrderElementsOf(
                        world.cards().stream().map(Card::eventId).toList());
        Map<String, Set<Integer>> partitionsByTraveller = read.stream()
                .collect(Collectors.groupingBy(
                        r -> r.value().getDocumentCountry() + r.value().getBirthDate(),
                        Collectors.mapping(ConsumerRecord::partition, Collectors.toSet())));
        assertThat(new HashMap<>(partitionsByTraveller).values())
                .allSatisfy(p -> assertThat(p).hasSize(1));
    }

    @Test
    void engineTopicsAreReadAsTheirLatestValuePerKeyWithoutTombstonedOnes() throws Exception {
        Properties props = KafkaSettings.of(kafka.bootstrapServers()).durableProducer("it");
        AvroSerde<Spell> spells = AvroSerde.of(Spell.class);
        AvroSerde<CrossingOutcome> outcomes = AvroSerde.of(CrossingOutcome.class);
        try (KafkaProducer<String, byte[]> p =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            String topic = Topic.SPELLS.topicName();
            p.send(new ProducerRecord<>(topic, "t1:e1", spells.serialize(topic, spell("e1", 5))));
            p.send(new ProducerRecord<>(topic, "t1:e1", spells.serialize(topic, spell("e1", 7))));
            p.send(new ProducerRecord<>(topic, "t1:e9", spells.serialize(topic, spell("e9", 3))));
            p.send(new ProducerRecord<>(topic, "t1:e9", null));
            String o = Topic.CROSSING_OUTCOMES.topicName();
            p.send(new ProducerRecord<>(o, "e1", outcomes.serialize(o, outcome("e1"))));
        }

        EngineTopics.Counts n = EngineTopics.read(KafkaSettings.of(kafka.bootstrapServers()), dir);

        assertThat(n).isEqualTo(new EngineTopics.Counts(1, 1));
        List<String> lines = Files.readAllLines(dir.resolve("e_spells.csv"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("t1,e1,STAY,CLOSED,x1,7,VISIT,true,false");
    }

    private static Spell spell(String start, int days) {
        return Spell.newBuilder()
                .setSpellId("t1:" + start)
                .setTravellerId("t1")
                .setKind(SpellKind.STAY)
                .setState(SpellState.CLOSED)
                .setStartEventId(start)
                .setStartDate(LocalDate.of(2025, 3, 1))
                .setEndEventId("x1")
                .setEndDate(LocalDate.of(2025, 3, 1).plusDays(days))
                .setDurationDays(days)
                .setDurationClass(DurationClass.VISIT)
                .setClassFinal(true)
                .setPurpose(Purpose.TOURISM)
                .setCitizenship("DEU")
                .setSex(Sex.F)
                .setAgeGroup("30-34")
                .setStartBorderPost("KZ-ALA-AIR")
                .setShortTermMigrant(false)
                .setLongTermMigrant(false)
                .setLabour(false)
                .setAsOf(LocalDate.of(2025, 3, 31))
                .build();
    }

    private static CrossingOutcome outcome(String eventId) {
        return CrossingOutcome.newBuilder()
                .setEventId(eventId)
                .setTravellerId("t1")
                .setDirection(Direction.ENTRY)
                .setCrossingDate(LocalDate.of(2025, 3, 1))
                .setStatusBefore(ResidenceStatus.NON_RESIDENT)
                .setStatusAfter(ResidenceStatus.NON_RESIDENT)
                .setLongTermMigration(false)
                .setFinalDate(LocalDate.of(2025, 7, 8))
                .setProvisional(false)
                .setBorderPost("KZ-ALA-AIR")
                .setCitizenship("DEU")
                .setSex(Sex.F)
                .setAgeGroup("30-34")
                .setPurpose(Purpose.TOURISM)
                .setAsOf(LocalDate.of(2025, 7, 31))
                .build();
    }
}
