package org.borderflows.schema;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding of a flat record (fields of type string, int, long, boolean, enum, date,
 * timestamp-millis, or a union of null and one of those), written straight from the generated record's fields.
 *
 * <p>Why: the generated classes have no custom coders (Avro leaves them out when a record has logical types such as
 * {@code date}), so Avro's own writer resolves every union, converts every date and looks up every enum through its
 * generic machinery: 18% of the stay engine's backfill time went there (JFR, 2 M crossings), for outputs that are
 * all flat records. The bytes are the same as {@link org.apache.avro.message.BinaryMessageEncoder}'s (Avro 1.12
 * specification, "Single-object encoding" and "Binary encoding"); {@code FlatRecordEncoderTest} compares them on
 * random values of every flat record of the protocol. The plan is built from the class's own schema, so a field
 * added to the IDL is encoded without a change here; a field of another type makes the record not flat, and {@link
 * AvroSerde} keeps Avro's writer for it.
 *
 * <p>Thread-safe (no state after construction).
 */
final class FlatRecordEncoder {
    private static final byte[] MARKER = {(byte) 0xC3, (byte) 0x01};

    private final byte[] header;
    private final Kind[] kinds;
    private final boolean[] nullable;

    private FlatRecordEncoder(byte[] header, Kind[] kinds, boolean[] nullable) {
        this.header = header;
        this.kinds = kinds;
        this.nullable = nullable;
    }

    /** The encoder of a flat record schema, or empty when some field is of a type it does not write. */
    static Optional<FlatRecordEncoder> of(Schema schema) {
        List<Schema.Field> fields = schema.getFields();
        Kind[] kinds = new Kind[fields.size()];
        boolean[] nullable = new boolean[fields.size()];
        for (Schema.Field field : fields) {
            Schema type = field.schema();
            if (type.getType() == Schema.Type.UNION) {
                List<Schema> branches = type.getTypes();
                if (branches.size() != 2 || branches.get(0).getType() != Schema.Type.NULL) {
                    return Optional.empty();
                }
                nullable[field.pos()] = true;
                type = branches.get(1);
            }
            Kind kind = kindOf(type);
            if (kind == null) {
                return Optional.empty();
            }
            kinds[field.pos()] = kind;
        }
        byte[] header = Arrays.copyOf(MARKER, 10);
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        for (int i = 0; i < 8; i++) {
            header[2 + i] = (byte) (fingerprint >>> (8 * i)); // little-endian, as the specification says
        }
        return Optional.of(new FlatRecordEncoder(header, kinds, nullable));
    }

    private static Kind kindOf(Schema type) {
        LogicalType logical = type.getLogicalType();
        return switch (type.getType()) {
            case STRING -> logical == null ? Kind.STRING : null;
            case BOOLEAN -> Kind.BOOLEAN;
            case ENUM -> ordinalsAreIndexes(type) ? Kind.ENUM : null;
            case INT -> logical == null ? Kind.INT : logical instanceof LogicalTypes.Date ? Kind.DATE : null;
            case LONG ->
                logical == null ? Kind.LONG : logical instanceof LogicalTypes.TimestampMillis ? Kind.TIMESTAMP : null;
            default -> null;
        };
    }

    /** Generated enums declare their constants in the schema's symbol order; checked, not assumed. */
    private static boolean ordinalsAreIndexes(Schema enumSchema) {
        Class<?> type = SpecificData.get().getClass(enumSchema);
        if (type == null || !type.isEnum()) {
            return false;
        }
        List<String> constants = Arrays.stream(type.getEnumConstants())
                .map(c -> ((Enum<?>) c).name())
                .toList();
        return constants.equals(enumSchema.getEnumSymbols());
    }

    byte[] encode(SpecificRecord record) {
        Buffer out = new Buffer(header);
        for (int i = 0; i < kinds.length; i++) {
            Object value = record.get(i);
            if (nullable[i]) {
                if (value == null) {
                    out.writeLong(0); // union branch 0: null
                    continue;
                }
                out.writeLong(1);
            } else if (value == null) {
                throw new NullPointerException("null value in non-null field "
                        + record.getSchema().getFields().get(i).name() + " of "
                        + record.getSchema().getName());
            }
            switch (kinds[i]) {
                case STRING -> out.writeString(value.toString());
                case BOOLEAN -> out.writeByte((Boolean) value ? 1 : 0);
                case ENUM -> out.writeLong(((Enum<?>) value).ordinal());
                case INT -> out.writeLong((Integer) value);
                case LONG -> out.writeLong((Long) value);
                case DATE -> out.writeLong(((LocalDate) value).toEpochDay());
                case TIMESTAMP -> out.writeLong(((Instant) value).toEpochMilli());
            }
        }
        return out.toBytes();
    }

    private enum Kind {
        STRING,
        BOOLEAN,
        ENUM,
        INT,
        LONG,
        DATE,
        TIMESTAMP
    }

    /** A growable byte array starting with the single-object header. */
    private static final class Buffer {
        private byte[] buf;
        private int pos;

        Buffer(byte[] header) {
            buf = Arrays.copyOf(header, 192);
            pos = header.length;
        }

        private void ensure(int more) {
            if (pos + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
            }
        }

        void writeByte(int b) {
            ensure(1);
            buf[pos++] = (byte) b;
        }

        /** Avro int and long: zig-zag, then 7 bits per byte, low bits first. */
        void writeLong(long v) {
            ensure(10);
            long n = (v << 1) ^ (v >> 63);
            while ((n & ~0x7FL) != 0) {
                buf[pos++] = (byte) ((n & 0x7F) | 0x80);
                n >>>= 7;
            }
            buf[pos++] = (byte) n;
        }

        void writeString(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            writeLong(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, buf, pos, utf8.length);
            pos += utf8.length;
        }

        byte[] toBytes() {
            return Arrays.copyOf(buf, pos);
        }
    }
}
