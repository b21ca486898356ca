package org.borderflows.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast coder of flat records writes exactly Avro's own single-object bytes and reads them back as Avro does. */
class FlatRecordCodecTest {

    static Stream<Schema> flatSchemas() {
        return ReleaseSchemas.recordSchemas().stream()
                .filter(s -> FlatRecordCodec.of(classOf(s), s).isPresent());
    }

    @Test
    void theEngineOutputsTheCardAndTheCrossingAreFlatAndRecordsWithMapsAreNot() {
        assertThat(flatSchemas().map(Schema::getName))
                .contains("Spell", "CrossingOutcome", "TravellerStatus", "QualityEvent", "CardRecord", "Crossing")
                .doesNotContain("TableCell");
    }

    @ParameterizedTest(name = "{0}: same bytes as Avro's BinaryMessageEncoder, same records as its decoder")
    @MethodSource("flatSchemas")
    void writesAndReadsLikeAvro(Schema schema) throws IOException {
        Class<SpecificRecord> type = classOf(schema);
        AvroSerde<SpecificRecord> serde = AvroSerde.of(type);
        SpecificData model = SpecificData.getForClass(type);
        BinaryMessageEncoder<SpecificRecord> avro = new BinaryMessageEncoder<>(model, schema);
        BinaryMessageDecoder<SpecificRecord> avroReader = new BinaryMessageDecoder<>(model, schema);
        FlatRecordCodec<SpecificRecord> flat = FlatRecordCodec.of(type, schema).orElseThrow();
        for (long seed = 0; seed < 300; seed++) {
            GenericRecord random = (GenericRecord) new RandomDatum(seed).of(schema);
            SpecificRecord value = avroReader.decode(genericBytes(schema, random));
            if (seed % 3 == 1) {
                outsideAscii(value, seed);
            }
            ByteBuffer expected = avro.encode(value);
            byte[] bytes = new byte[expected.remaining()];
            expected.get(bytes);

            assertThat(flat.encode(value))
                    .as("%s seed %d: %s", schema.getName(), seed, value)
                    .isEqualTo(bytes);
            assertThat(serde.serialize("t", value)).isEqualTo(bytes);
            assertThat(flat.writtenWithThisSchema(bytes)).isTrue();
            assertThat(flat.decode(bytes))
                    .as("%s seed %d", schema.getName(), seed)
                    .isEqualTo(avroReader.decode(bytes));
            assertThat(serde.deserialize("t", bytes)).isEqualTo(value);
        }
    }

    @Test
    void aTruncatedMessageGivesAvroSClearErrorNotAWrongRecord() {
        AvroSerde<Spell> serde = AvroSerde.of(Spell.class);
        Spell spell = Spell.newBuilder()
                .setSpellId("t1:e1")
                .setTravellerId("t1")
                .setKind(SpellKind.STAY)
                .setState(SpellState.OPEN)
                .setStartEventId("e1")
                .setStartDate(LocalDate.of(2026, 3, 1))
                .setDurationClass(DurationClass.PENDING)
                .setClassFinal(false)
                .setPurpose(Purpose.WORK)
                .setCitizenship("TJK")
                .setSex(Sex.M)
                .setAgeGroup("25-29")
                .setStartBorderPost("KZ-ALA-AIR")
                .setShortTermMigrant(false)
                .setLongTermMigrant(false)
                .setLabour(true)
                .setAsOf(LocalDate.of(2026, 3, 2))
                .build();
        byte[] bytes = serde.serialize("spells", spell);
        assertThat(serde.deserialize("spells", bytes)).isEqualTo(spell);

        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);
        assertThatThrownBy(() -> serde.deserialize("spells", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot decode Spell on topic spells");
    }

    @SuppressWarnings("unchecked")
    private static Class<SpecificRecord> classOf(Schema schema) {
        return (Class<SpecificRecord>) SpecificData.get().getClass(schema);
    }

    /** Kazakh and Tajik letters and an emoji in every string, negative numbers in every int and long. */
    private static void outsideAscii(SpecificRecord value, long seed) {
        for (Schema.Field field : value.getSchema().getFields()) {
            Object v = value.get(field.pos());
            if (v instanceof CharSequence s) {
                value.put(field.pos(), s + "Қорғас-Хуҷанд\uD83D\uDE80");
            } else if (v instanceof Integer i) {
                value.put(field.pos(), -i - (int) seed);
            } else if (v instanceof Long l) {
                value.put(field.pos(), -l - seed);
            }
        }
    }

    private static byte[] genericBytes(Schema schema, GenericRecord record) throws IOException {
        ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
