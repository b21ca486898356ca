package org.borderflows.engine.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * <p>Encoded by hand in a compact binary form ({@link StateBytes}: no field names, dates as epoch days, each text
 * such as an event id written once and referred to after): the state is read and written once per crossing, so its
 * size and decoding speed bound the engine's throughput. The traveller id is the store key and is not repeated
 * inside.
 */
final class TravellerState {
    /**
     * Version 4: the carry as {@link TravellerCarry#toBytes()}, then the crossings and fingerprints, text as
     * {@link StateBytes.Writer#writeText}. Versions 1-3 (read, never written) wrote every text in full; versions 1
     * and 2 also held a review date, which is skipped; version 1's carry lacks return final dates.
     */
    private static final byte VERSION = 4;

    private static final byte VERSION_3 = 3;
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
        StateBytes.Writer w = new StateBytes.Writer(64 + crossings.size() * 64 + emitted.size() * 12);
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
            w.writeText(f.eventId());
            w.writeText(f.cardNumber());
            w.writeByte(f.direction().ordinal());
            w.writeLong(f.crossedAt().toEpochMilli());
            w.writeDate(f.date());
            w.writeText(f.borderPost());
            w.writeText(f.citizenship());
            w.writeByte(f.sex().ordinal());
            w.writeDate(f.birthDate());
            w.writeByte(f.purpose().ordinal());
            w.writeVarInt(f.intendedStayDays() == null ? 0 : f.intendedStayDays() + 1);
        }
        w.writeVarInt(emitted.size());
        for (Map.Entry<String, Long> e : emitted.entrySet()) {
            // A tag is a kind ("S|", "O|", "QDUPLICATE|", ...) and usually a kept crossing's event id: both are
            // references after their first occurrence.
            String tag = e.getKey();
            int kindEnd = tag.indexOf('|') + 1;
            w.writeText(tag.substring(0, kindEnd));
            w.writeText(tag.substring(kindEnd));
            w.writeLong(e.getValue());
        }
        return w.toBytes();
    }

    static TravellerState decode(String travellerId, byte[] bytes) {
        StateBytes.Reader r = new StateBytes.Reader(bytes);
        byte version = r.readByte();
        if (version < VERSION_1 || version > VERSION) {
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
        boolean legacy = version <= VERSION_3;
        if (version == VERSION_1) {
            r.readDate(); // review date
        }
        int n = r.readVarInt();
        List<CrossingFact> crossings = new ArrayList<>(n + 1);
        for (int i = 0; i < n; i++) {
            String eventId = legacy ? r.readLegacyString() : r.readText();
            String card = legacy ? r.readLegacyString() : r.readText();
            Direction direction = Direction.values()[r.readByte()];
            Instant at = Instant.ofEpochMilli(r.readLong());
            LocalDate date = r.readDate();
            String post = legacy ? r.readLegacyString() : r.readText();
            String citizenship = legacy ? r.readLegacyString() : r.readText();
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
            String tag = legacy ? r.readLegacyString() : r.readText() + r.readText();
            emitted.put(tag, r.readLong());
        }
        return new TravellerState(carry, crossings, latest, emitted);
    }

    /** Version 1 carry: status, status final date and presence only (no return final dates: read as none). */
    private static TravellerCarry readVersion1Carry(StateBytes.Reader r) {
        int status = r.readByte();
        LocalDate finalDate = r.readDate();
        int presences = r.readVarInt();
        List<TravellerCarry.Presence> presence = new ArrayList<>(presences);
        for (int i = 0; i < presences; i++) {
            presence.add(new TravellerCarry.Presence(r.readDate(), r.readDate()));
        }
        return new TravellerCarry(status < 0 ? null : ResidenceStatus.values()[status], finalDate, presence);
    }
}
