package org.borderflows.engine.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.domain.CrossingFact;
import org.borderflows.domain.TravellerCarry;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.ResidenceStatus;
import org.borderflows.schema.Sex;

/**
 * What the engine keeps per traveller (store {@link StayTopology#TRAVELLERS_STORE}, key = traveller pseudonym):
 *
 * <ul>
 *   <li>{@code carry} and {@code crossings}: the input of the rules, bounded by {@code TravellerTimeline.prune}
 *       (crossings whose outputs are final and that no rule window or the re-ordering horizon can reach again
 *       are folded into the carry);
 *   <li>{@code latestDate}: the latest crossing date ever applied (lateness is judged against it, RULES.md §9; the
 *       status query's clock when the clock store has none);
 *   <li>{@code emitted}: a 64-bit hash of every value last written per output key, so only changes are written
 *       and outputs that disappear are retracted with a tombstone.
 * </ul>
 *
 * <p>Encoded by hand in a compact binary form (no field names, dates as epoch days): the state is read and written
 * once per crossing, so its size and decoding speed bound the engine's throughput. The traveller id is the store
 * key and is not repeated inside.
 */
final class TravellerState {
    /**
     * Version 3: the carry as {@link TravellerCarry#toBytes()}, then the crossings and fingerprints. Versions 1 and 2
     * (read, never written) also held a review date, which is skipped; version 1's carry lacks return final dates.
     */
    private static final byte VERSION = 3;

    private static final byte VERSION_2 = 2;
    private static final byte VERSION_1 = 1;

    TravellerCarry carry;
    final List<CrossingFact> crossings;
    LocalDate latestDate;
    /** Output key tag (spell, outcome, finding or status tag, see {@link TravellerProcessor}) to the hash of the value last written. Insertion-ordered. */
    Map<String, Long> emitted;

    TravellerState(
            TravellerCarry carry, List<CrossingFact> crossings, LocalDate latestDate, Map<String, Long> emitted) {
        this.carry = carry;
        this.crossings = crossings;
        this.latestDate = latestDate;
        this.emitted = emitted;
    }

    static TravellerState empty() {
        return new TravellerState(null, new ArrayList<>(), null, new LinkedHashMap<>());
    }

    byte[] encode() {
        Writer w = new Writer(64 + crossings.size() * 96 + emitted.size() * 32);
        w.writeByte(VERSION);
        if (carry == null) {
            w.writeByte(0);
        } else {
            w.writeByte(1);
            w.writeBytes(carry.toBytes());
        }
        w.writeDate(latestDate);
        w.writeVarInt(crossings.size());
        for (CrossingFact f : crossings) {
            w.writeString(f.eventId());
            w.writeString(f.cardNumber());
            w.writeByte(f.direction().ordinal());
            w.writeLong(f.crossedAt().toEpochMilli());
            w.writeDate(f.date());
            w.writeString(f.borderPost());
            w.writeString(f.citizenship());
            w.writeByte(f.sex().ordinal());
            w.writeDate(f.birthDate());
            w.writeByte(f.purpose().ordinal());
            w.writeVarInt(f.intendedStayDays() == null ? 0 : f.intendedStayDays() + 1);
        }
        w.writeVarInt(emitted.size());
        for (Map.Entry<String, Long> e : emitted.entrySet()) {
            w.writeString(e.getKey());
            w.writeLong(e.getValue());
        }
        return w.toBytes();
    }

    static TravellerState decode(String travellerId, byte[] bytes) {
        Reader r = new Reader(bytes);
        byte version = r.readByte();
        if (version != VERSION && version != VERSION_2 && version != VERSION_1) {
            throw new IllegalStateException("unknown traveller state version " + version);
        }
        if (version == VERSION_2) {
            r.readDate(); // review date
        }
        TravellerCarry carry = null;
        if (r.readByte() == 1) {
            carry = version == VERSION_1 ? readVersion1Carry(r) : TravellerCarry.fromBytes(r.readBytes());
        }
        LocalDate latest = r.readDate();
        if (version == VERSION_1) {
            r.readDate(); // review date
        }
        int n = r.readVarInt();
        List<CrossingFact> crossings = new ArrayList<>(n + 1);
        for (int i = 0; i < n; i++) {
            String eventId = r.readString();
            String card = r.readString();
            Direction direction = Direction.values()[r.readByte()];
            Instant at = Instant.ofEpochMilli(r.readLong());
            LocalDate date = r.readDate();
            String post = r.readString();
            String citizenship = r.readString();
            Sex sex = Sex.values()[r.readByte()];
            LocalDate birth = r.readDate();
            Purpose purpose = Purpose.values()[r.readByte()];
            int stay = r.readVarInt();
            crossings.add(new CrossingFact(
                    eventId,
                    travellerId,
                    card,
                    direction,
                    at,
                    date,
                    post,
                    citizenship,
                    sex,
                    birth,
                    purpose,
                    stay == 0 ? null : stay - 1));
        }
        int m = r.readVarInt();
        Map<String, Long> emitted = new LinkedHashMap<>(Math.max(16, m * 2));
        for (int i = 0; i < m; i++) {
            emitted.put(r.readString(), r.readLong());
        }
        return new TravellerState(carry, crossings, latest, emitted);
    }

    /** Version 1 carry: status, status final date and presence only (no return final dates: read as none). */
    private static TravellerCarry readVersion1Carry(Reader r) {
        int status = r.readByte();
        LocalDate finalDate = r.readDate();
        int presences = r.readVarInt();
        List<TravellerCarry.Presence> presence = new ArrayList<>(presences);
        for (int i = 0; i < presences; i++) {
            presence.add(new TravellerCarry.Presence(r.readDate(), r.readDate()));
        }
        return new TravellerCarry(status < 0 ? null : ResidenceStatus.values()[status], finalDate, presence);
    }

    private static final class Writer {
        private byte[] buf;
        private int pos;

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
                long day = d.toEpochDay();
                ensure(4);
                int v = (int) day;
                buf[pos++] = (byte) (v >>> 24);
                buf[pos++] = (byte) (v >>> 16);
                buf[pos++] = (byte) (v >>> 8);
                buf[pos++] = (byte) v;
            }
        }

        void writeString(String s) {
            if (s == null) {
                writeVarInt(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            writeVarInt(b.length + 1);
            ensure(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
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

    private static final class Reader {
        private final byte[] buf;
        private int pos;

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

        byte[] readBytes() {
            int len = readVarInt();
            byte[] b = Arrays.copyOfRange(buf, pos, pos + len);
            pos += len;
            return b;
        }

        String readString() {
            int len = readVarInt();
            if (len == 0) {
                return null;
            }
            String s = new String(buf, pos, len - 1, StandardCharsets.UTF_8);
            pos += len - 1;
            return s;
        }
    }
}
