package org.borderflows.engine.topology;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The binary form of a traveller's state ({@link TravellerState}): bytes, variable-length ints, longs, dates as
 * epoch days, and text.
 *
 * <p>Text ({@link Writer#writeText}) is written once per state: a later occurrence is the index of the first, so
 * an event id kept for a crossing and named again by its outputs' tags, a border post or a citizenship repeated
 * on every crossing, costs one or two bytes after the first. A canonical lower-case UUID, the form of card event
 * ids, is written as its 16 bytes instead of 36 characters. The state is read and written once per crossing, so
 * its size is what the engine's store and changelog pay for every crossing.
 */
final class StateBytes {
    private static final int NULL = 0;
    private static final int LITERAL = 1;
    private static final int UUID_BYTES = 2;
    /** Codes from here on refer to the text table: code - FIRST_REFERENCE is the index. */
    private static final int FIRST_REFERENCE = 3;

    private StateBytes() {}

    static final class Writer {
        private byte[] buf;
        private int pos;
        private final Map<String, Integer> table = new HashMap<>();

        Writer(int capacity) {
            buf = new byte[capacity];
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

        void writeVarInt(int v) {
            ensure(5);
            while ((v & ~0x7F) != 0) {
                buf[pos++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[pos++] = (byte) v;
        }

        void writeLong(long v) {
            ensure(8);
            for (int i = 7; i >= 0; i--) {
                buf[pos++] = (byte) (v >>> (i * 8));
            }
        }

        /** A presence byte, then the epoch day as 4 bytes. */
        void writeDate(LocalDate d) {
            if (d == null) {
                writeByte(0);
            } else {
                writeByte(1);
                int v = (int) d.toEpochDay();
                ensure(4);
                buf[pos++] = (byte) (v >>> 24);
                buf[pos++] = (byte) (v >>> 16);
                buf[pos++] = (byte) (v >>> 8);
                buf[pos++] = (byte) v;
            }
        }

        /** Text, possibly null: a reference to its first occurrence in this state, else the text itself. */
        void writeText(String s) {
            if (s == null) {
                writeVarInt(NULL);
                return;
            }
            Integer index = table.putIfAbsent(s, table.size());
            if (index != null) {
                writeVarInt(FIRST_REFERENCE + index);
            } else if (isCanonicalUuid(s)) {
                UUID uuid = UUID.fromString(s); // read back as UUID#toString: the same text
                writeVarInt(UUID_BYTES);
                writeLong(uuid.getMostSignificantBits());
                writeLong(uuid.getLeastSignificantBits());
            } else {
                writeVarInt(LITERAL);
                writeBytes(s.getBytes(StandardCharsets.UTF_8));
            }
        }

        /** Length-prefixed bytes. */
        void writeBytes(byte[] b) {
            writeVarInt(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        byte[] toBytes() {
            return Arrays.copyOf(buf, pos);
        }
    }

    static final class Reader {
        private final byte[] buf;
        private int pos;
        private final List<String> table = new ArrayList<>();

        Reader(byte[] buf) {
            this.buf = buf;
        }

        byte readByte() {
            return buf[pos++];
        }

        int readVarInt() {
            int v = 0;
            int shift = 0;
            byte b;
            do {
                b = buf[pos++];
                v |= (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0);
            return v;
        }

        long readLong() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (buf[pos++] & 0xFFL);
            }
            return v;
        }

        LocalDate readDate() {
            if (buf[pos++] == 0) {
                return null;
            }
            int v = ((buf[pos] & 0xFF) << 24)
                    | ((buf[pos + 1] & 0xFF) << 16)
                    | ((buf[pos + 2] & 0xFF) << 8)
                    | (buf[pos + 3] & 0xFF);
            pos += 4;
            return LocalDate.ofEpochDay(v);
        }

        /** Text written by {@link Writer#writeText}. */
        String readText() {
            int code = readVarInt();
            String s;
            switch (code) {
                case NULL:
                    return null;
                case LITERAL:
                    int len = readVarInt();
                    s = new String(buf, pos, len, StandardCharsets.UTF_8);
                    pos += len;
                    break;
                case UUID_BYTES:
                    s = new UUID(readLong(), readLong()).toString();
                    break;
                default:
                    return table.get(code - FIRST_REFERENCE);
            }
            table.add(s);
            return s;
        }

        byte[] readBytes() {
            int len = readVarInt();
            byte[] b = Arrays.copyOfRange(buf, pos, pos + len);
            pos += len;
            return b;
        }

        /** A length-prefixed string of state versions 1-3: 0 for null, else the UTF-8 length + 1. */
        String readLegacyString() {
            int len = readVarInt();
            if (len == 0) {
                return null;
            }
            String s = new String(buf, pos, len - 1, StandardCharsets.UTF_8);
            pos += len - 1;
            return s;
        }
    }

    /** True for the form {@link UUID#toString()} gives: 8-4-4-4-12 lower-case hex digits. */
    private static boolean isCanonicalUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
