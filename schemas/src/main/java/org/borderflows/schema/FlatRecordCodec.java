package org.borderflows.schema;

import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro single-object encoding of a flat record (fields of type string, int, long, boolean, enum, date,
 * timestamp-millis, a nested flat record, or a union of null and one of those), written and read straight from the
 * generated record's fields.
 *
 * <p>Why: the generated classes have no custom coders (Avro leaves them out when a record has logical types such as
 * {@code date}), so Avro's own writer and reader resolve every union, convert every date and look up every enum
 * through their generic machinery: 18% of the stay engine's backfill time went to writing its outputs (JFR, 2 M
 * crossings), which are all flat records, as are the raw cards and the crossings (with their nested intake record).
 * The bytes are those of {@link org.apache.avro.message.BinaryMessageEncoder} (Avro 1.12 specification,
 * "Single-object encoding" and "Binary encoding"); {@code FlatRecordCodecTest} compares both directions on random
 * values of every flat record of the protocol. The plan is built from the class's own schema, so a field added to
 * the IDL needs no change here; a field of another type makes the record not flat, and {@link AvroSerde} keeps
 * Avro's coders for it. Only the current schema is read here: a message written with an older (released) schema
 * has another fingerprint and goes through Avro's resolving reader.
 *
 * <p>Thread-safe (no state after construction).
 */
final class FlatRecordCodec<T extends SpecificRecord> {
    private static final byte[] MARKER = {(byte) 0xC3, (byte) 0x01};
    private static final int HEADER = 10;

    private final byte[] header;
    private final Kind[] kinds;
    private final boolean[] nullable;
    /** Per enum field, its constants in symbol order. */
    private final Object[][] symbols;
    /** Per nested record field, its codec (whose header is not used). */
    private final FlatRecordCodec<?>[] nested;

    private final Constructor<T> constructor;

    private FlatRecordCodec(
            byte[] header,
            Kind[] kinds,
            boolean[] nullable,
            Object[][] symbols,
            FlatRecordCodec<?>[] nested,
            Constructor<T> constructor) {
        this.header = header;
        this.kinds = kinds;
        this.nullable = nullable;
        this.symbols = symbols;
        this.nested = nested;
        this.constructor = constructor;
    }

    /** The codec of a generated record class, or empty when some field is of a type it does not handle. */
    static <T extends SpecificRecord> Optional<FlatRecordCodec<T>> of(Class<T> type, Schema schema) {
        List<Schema.Field> fields = schema.getFields();
        Kind[] kinds = new Kind[fields.size()];
        boolean[] nullable = new boolean[fields.size()];
        Object[][] symbols = new Object[fields.size()][];
        FlatRecordCodec<?>[] nested = new FlatRecordCodec<?>[fields.size()];
        for (Schema.Field field : fields) {
            Schema fieldType = field.schema();
            if (fieldType.getType() == Schema.Type.UNION) {
                List<Schema> branches = fieldType.getTypes();
                if (branches.size() != 2 || branches.get(0).getType() != Schema.Type.NULL) {
                    return Optional.empty();
                }
                nullable[field.pos()] = true;
                fieldType = branches.get(1);
            }
            Kind kind = kindOf(fieldType);
            if (kind == null) {
                return Optional.empty();
            }
            if (kind == Kind.RECORD) {
                nested[field.pos()] = nestedCodec(fieldType);
                if (nested[field.pos()] == null) {
                    return Optional.empty();
                }
            }
            if (kind == Kind.ENUM) {
                symbols[field.pos()] = enumConstants(fieldType);
                if (symbols[field.pos()] == null) {
                    return Optional.empty();
                }
            }
            kinds[field.pos()] = kind;
        }
        byte[] header = Arrays.copyOf(MARKER, HEADER);
        long fingerprint = SchemaHistory.fingerprint(schema);
        for (int i = 0; i < 8; i++) {
            header[2 + i] = (byte) (fingerprint >>> (8 * i)); // little-endian, as the specification says
        }
        try {
            return Optional.of(new FlatRecordCodec<>(header, kinds, nullable, symbols, nested, type.getConstructor()));
        } catch (NoSuchMethodException e) {
            return Optional.empty(); // not a generated class
        }
    }

    private static Kind kindOf(Schema type) {
        LogicalType logical = type.getLogicalType();
        return switch (type.getType()) {
            case STRING -> logical == null ? Kind.STRING : null;
            case BOOLEAN -> Kind.BOOLEAN;
            case ENUM -> Kind.ENUM;
            case RECORD -> Kind.RECORD;
            case INT -> logical == null ? Kind.INT : logical instanceof LogicalTypes.Date ? Kind.DATE : null;
            case LONG ->
                logical == null ? Kind.LONG : logical instanceof LogicalTypes.TimestampMillis ? Kind.TIMESTAMP : null;
            default -> null;
        };
    }

    @SuppressWarnings("unchecked")
    private static FlatRecordCodec<?> nestedCodec(Schema recordSchema) {
        Class<?> type = SpecificData.get().getClass(recordSchema);
        if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
            return null;
        }
        return of((Class<SpecificRecord>) type, recordSchema).orElse(null);
    }

    /**
     * The generated enum's constants, if they are declared in the schema's symbol order (so that the ordinal is
     * the symbol's index): checked, not assumed; null otherwise.
     */
    private static Object[] enumConstants(Schema enumSchema) {
        Class<?> type = SpecificData.get().getClass(enumSchema);
        if (type == null || !type.isEnum()) {
            return null;
        }
        Object[] constants = type.getEnumConstants();
        List<String> names =
                Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).toList();
        return names.equals(enumSchema.getEnumSymbols()) ? constants : null;
    }

    byte[] encode(T record) {
        Writer out = new Writer(header);
        writeBody(out, record);
        return out.toBytes();
    }

    private void writeBody(Writer out, SpecificRecord record) {
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
                case RECORD -> nested[i].writeBody(out, (SpecificRecord) value);
            }
        }
    }

    /** True when the message was written with the current schema (its header carries the same fingerprint). */
    boolean writtenWithThisSchema(byte[] message) {
        return message.length >= HEADER && Arrays.equals(message, 0, HEADER, header, 0, HEADER);
    }

    /**
     * Reads a message written with the current schema ({@link #writtenWithThisSchema}).
     *
     * @throws IllegalArgumentException when the body is not a complete record of this schema
     */
    T decode(byte[] message) {
        Reader in = new Reader(message, HEADER);
        T record = readBody(in);
        if (!in.atEnd()) {
            throw new IllegalArgumentException("bytes left after the last field");
        }
        return record;
    }

    private T readBody(Reader in) {
        T record;
        try {
            record = constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a " + constructor.getDeclaringClass(), e);
        }
        for (int i = 0; i < kinds.length; i++) {
            if (nullable[i]) {
                long branch = in.readLong();
                if (branch == 0) {
                    continue; // a new generated record's fields are null
                }
                if (branch != 1) {
                    throw new IllegalArgumentException("union branch " + branch + " in field " + i);
                }
            }
            Object value =
                    switch (kinds[i]) {
                        case STRING -> in.readString();
                        case BOOLEAN -> in.readBoolean();
                        case ENUM -> symbols[i][Math.toIntExact(in.readLong())];
                        case INT -> Math.toIntExact(in.readLong());
                        case LONG -> in.readLong();
                        case DATE -> LocalDate.ofEpochDay(in.readLong());
                        case TIMESTAMP -> Instant.ofEpochMilli(in.readLong());
                        case RECORD -> nested[i].readBody(in);
                    };
            record.put(i, value);
        }
        return record;
    }

    private enum Kind {
        STRING,
        BOOLEAN,
        ENUM,
        INT,
        LONG,
        DATE,
        TIMESTAMP,
        RECORD
    }

    /** A growable byte array starting with the single-object header. */
    private static final class Writer {
        private byte[] buf;
        private int pos;

        Writer(byte[] header) {
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

    /** Reads the binary encoding; every read checks the bounds (a short message is an error, not a wrong value). */
    private static final class Reader {
        private final byte[] buf;
        private int pos;

        Reader(byte[] buf, int pos) {
            this.buf = buf;
            this.pos = pos;
        }

        private byte next() {
            if (pos >= buf.length) {
                throw new IllegalArgumentException("message ends inside a field");
            }
            return buf[pos++];
        }

        long readLong() {
            long n = 0;
            int shift = 0;
            byte b;
            do {
                if (shift > 63) {
                    throw new IllegalArgumentException("malformed varint");
                }
                b = next();
                n |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return (n >>> 1) ^ -(n & 1);
        }

        boolean readBoolean() {
            byte b = next();
            if (b != 0 && b != 1) {
                throw new IllegalArgumentException("boolean byte " + b);
            }
            return b == 1;
        }

        String readString() {
            long length = readLong();
            if (length < 0 || length > buf.length - pos) {
                throw new IllegalArgumentException("string length " + length);
            }
            String s = new String(buf, pos, (int) length, StandardCharsets.UTF_8);
            pos += (int) length;
            return s;
        }

        boolean atEnd() {
            return pos == buf.length;
        }
    }
}
