package org.borderflows.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast writer of flat records gives exactly Avro's own single-object bytes. */
class FlatRecordEncoderTest {

    static Stream<Schema> flatSchemas() {
        return ReleaseSchemas.recordSchemas().stream()
                .filter(s -> FlatRecordEncoder.of(s).isPresent());
    }

    @Test
    void theEngineOutputsAreFlatAndRecordsWithMapsOrNestedRecordsAreNot() {
        assertThat(flatSchemas().map(Schema::getName))
                .contains("Spell", "CrossingOutcome", "TravellerStatus", "QualityEvent")
                .doesNotContain("TableCell", "Crossing");
    }

    @ParameterizedTest(name = "{0}: same bytes as Avro's BinaryMessageEncoder")
    @MethodSource("flatSchemas")
    void writesTheSameBytesAsAvro(Schema schema) throws IOException {
        @SuppressWarnings("unchecked")
        Class<SpecificRecord> type = (Class<SpecificRecord>) SpecificData.get().getClass(schema);
        AvroSerde<SpecificRecord> serde = AvroSerde.of(type);
        SpecificData model = SpecificData.getForClass(type);
        BinaryMessageEncoder<SpecificRecord> avro = new BinaryMessageEncoder<>(model, schema);
        FlatRecordEncoder flat = FlatRecordEncoder.of(schema).orElseThrow();
        for (long seed = 0; seed < 300; seed++) {
            GenericRecord random = (GenericRecord) new RandomDatum(seed).of(schema);
            SpecificRecord value = serde.deserialize("t", genericBytes(schema, random));
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
        }
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
