package org.borderflows.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema-evolution contract: every released writer schema (schemas/history) is readable by the current
 * reader, the current schemas are released, and data under an unknown schema fails with a clear error.
 */
class SchemaHistoryTest {

    static Stream<Schema> currentSchemas() {
        return ReleaseSchemas.recordSchemas().stream();
    }

    static Stream<Arguments> releasedVersions() {
        return currentSchemas().flatMap(current -> {
            List<Schema> versions = SchemaHistory.versions(current.getName());
            return java.util.stream.IntStream.range(0, versions.size())
                    .mapToObj(i -> Arguments.of(current.getName(), i + 1, versions.get(i)));
        });
    }

    @Test
    void everyTopLevelRecordIsGeneratedAndHasAHistory() {
        assertThat(currentSchemas().map(Schema::getName)).containsExactlyInAnyOrderElementsOf(ReleaseSchemas.TOP_LEVEL);
        currentSchemas().forEach(s -> assertThat(SchemaHistory.versions(s.getName()))
                .as("released versions of %s (run ReleaseSchemas)", s.getName())
                .isNotEmpty());
    }

    @ParameterizedTest(name = "{0}: the current schema is the newest released version")
    @MethodSource("currentSchemas")
    void currentSchemaIsReleased(Schema current) {
        List<Schema> versions = SchemaHistory.versions(current.getName());
        Schema newest = versions.get(versions.size() - 1);
        assertThat(SchemaHistory.fingerprint(newest))
                .as(
                        "%s changed since its last release: add it to schemas/history with ReleaseSchemas",
                        current.getName())
                .isEqualTo(SchemaHistory.fingerprint(current));
    }

    @ParameterizedTest(name = "{0} v{1} is readable by the current reader")
    @MethodSource("releasedVersions")
    void everyReleasedVersionDecodesWithTheCurrentReader(String name, int version, Schema writer) throws IOException {
        Schema reader = schemaOfClass(name);
        var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        assertThat(compatibility.getType())
                .as("%s v%d -> current: %s", name, version, compatibility.getDescription())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);

        AvroSerde<SpecificRecord> serde = serdeFor(name);
        for (long seed = 0; seed < 20; seed++) {
            GenericRecord old = (GenericRecord) new RandomDatum(seed).of(writer);
            byte[] bytes = encode(writer, old);
            SpecificRecord decoded = serde.deserialize("t", bytes);
            for (Schema.Field field : writer.getFields()) {
                Schema.Field now = reader.getField(field.name());
                if (now != null && isScalar(field.schema())) {
                    assertThat(String.valueOf(decoded.get(now.pos())))
                            .as("%s v%d field %s", name, version, field.name())
                            .isEqualTo(String.valueOf(old.get(field.name())));
                }
            }
        }
    }

    @Test
    void unknownFingerprintGivesAClearError() throws IOException {
        Schema crossing = schemaOfClass("Crossing");
        // A "future" Crossing with a field the reader has never seen: its fingerprint is in no history.
        Schema future = SchemaBuilder.record("Crossing")
                .namespace(crossing.getNamespace())
                .fields()
                .requiredString("somethingNew")
                .endRecord();
        GenericRecord record = new GenericData.Record(future);
        record.put("somethingNew", "x");
        byte[] bytes = encode(future, record);

        assertThatThrownBy(() -> AvroSerde.of(Crossing.class).deserialize("crossings", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown Crossing schema")
                .hasMessageContaining("crossings")
                .hasMessageContaining(Long.toHexString(SchemaHistory.fingerprint(future)));
    }

    @Test
    void bytesThatAreNotSingleObjectEncodedGiveAClearError() {
        byte[] junk = "{\"eventId\":\"e1\"}".getBytes();
        assertThatThrownBy(() -> AvroSerde.of(Crossing.class).deserialize("crossings", junk))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not Avro single-object encoded Crossing");
    }

    @Test
    void tombstonesPassThroughAsNull() {
        assertThat(AvroSerde.of(Spell.class).serialize("spells", null)).isNull();
        assertThat(AvroSerde.of(Spell.class).deserialize("spells", null)).isNull();
    }

    @Test
    void aCrossingRoundTrips() {
        Crossing crossing = Crossing.newBuilder()
                .setEventId("KZ-ALA-AIR-000001")
                .setTravellerId("9f2c")
                .setDirection(Direction.ENTRY)
                .setCrossedAt(java.time.Instant.parse("2026-03-01T03:15:00Z"))
                .setCrossingDate(java.time.LocalDate.of(2026, 3, 1))
                .setBorderPost("KZ-ALA-AIR")
                .setDocumentCountry("TJK")
                .setBirthDate(java.time.LocalDate.of(1990, 5, 17))
                .setSex(Sex.M)
                .setCitizenship("TJK")
                .setPurpose(Purpose.WORK)
                .setIntendedStayDays(180)
                .setIntake(new Intake(
                        IntakeChannel.HTTP, "KZ-ALA-AIR", java.time.Instant.parse("2026-03-01T03:16:00Z"), null))
                .build();
        AvroSerde<Crossing> serde = AvroSerde.of(Crossing.class);
        byte[] bytes = serde.serialize("crossings", crossing);
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(serde.deserialize("crossings", bytes)).isEqualTo(crossing);
    }

    private static boolean isScalar(Schema schema) {
        return switch (schema.getType()) {
            case STRING, INT, LONG, BOOLEAN, DOUBLE, ENUM -> schema.getLogicalType() == null;
            default -> false;
        };
    }

    private static byte[] encode(Schema writer, GenericRecord record) throws IOException {
        ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), writer).encode(record);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static Schema schemaOfClass(String name) {
        return SpecificData.get().getSchema(classOf(name));
    }

    @SuppressWarnings("unchecked")
    private static AvroSerde<SpecificRecord> serdeFor(String name) {
        return AvroSerde.of((Class<SpecificRecord>) classOf(name));
    }

    private static Class<?> classOf(String name) {
        try {
            return Class.forName("org.borderflows.schema." + name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no generated class for " + name, e);
        }
    }
}
