package org.borderflows.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.borderflows.schema.ResidenceStatus;

/**
 * What the rules need to remember about crossings that {@link TravellerTimeline#prune} dropped.
 *
 * <p>{@code null} as a carry means "no crossing was ever pruned": start from the citizenship (RULES.md §3). Store it
 * with {@link #toBytes()} and {@link #fromBytes(byte[])}, so that every component survives.
 *
 * @param status the 12/16 residence status (RULES.md §5) carried into the first retained crossing; null to start
 *     from the citizenship
 * @param statusFinalDate the date that status became (or becomes) final; null for the first retained crossing's date
 * @param presence days present in the country, from pruned stays under the visa-free regime, that may still fall
 *     inside a 180-day window of a retained or future crossing (RULES.md §7); sorted, non-overlapping
 * @param returnFinalDates final dates that the S = 2N rule of a pruned crossing's review gave to retained return
 *     crossings (RULES.md §5), by event id
 * @param commutingEnds end dates of pruned commuting spells that the frontier-worker window of a retained or future
 *     spell may still see (docs/rules.md §4a); sorted
 * @param lastBorderWorkerEnd end date of the latest pruned border-worker spell (§4a), so that a retained spell knows
 *     whether it is the first of its month; null when none
 * @param statusSinceDate the date of the pruned crossing whose long-term migration gave the carried status (§5);
 *     null while it is the status from citizenship, or when the carry was stored before this component existed
 */
public record TravellerCarry(
        ResidenceStatus status,
        LocalDate statusFinalDate,
        List<Presence> presence,
        Map<String, LocalDate> returnFinalDates,
        List<LocalDate> commutingEnds,
        LocalDate lastBorderWorkerEnd,
        LocalDate statusSinceDate) {

    /**
     * 1: before the frontier-worker components (read as none); 2: with them; 3: with the status' since date (read
     * as null before).
     */
    private static final byte FORMAT = 3;

    private static final byte FORMAT_WITH_BORDER_WORKERS = 2;

    public TravellerCarry {
        presence = presence == null ? List.of() : List.copyOf(presence);
        returnFinalDates = returnFinalDates == null ? Map.of() : Map.copyOf(returnFinalDates);
        commutingEnds = commutingEnds == null ? List.of() : List.copyOf(commutingEnds);
    }

    /** A carry with no frontier-worker history. */
    public TravellerCarry(
            ResidenceStatus status,
            LocalDate statusFinalDate,
            List<Presence> presence,
            Map<String, LocalDate> returnFinalDates) {
        this(status, statusFinalDate, presence, returnFinalDates, List.of(), null, null);
    }

    /** A carry with no return final dates. */
    public TravellerCarry(ResidenceStatus status, LocalDate statusFinalDate, List<Presence> presence) {
        this(status, statusFinalDate, presence, Map.of());
    }

    /** A carry with no 90/180 presence and no return final dates to remember. */
    public TravellerCarry(ResidenceStatus status, LocalDate statusFinalDate) {
        this(status, statusFinalDate, List.of(), Map.of());
    }

    /** Days {@code from}..{@code to}, both included, present in the country. */
    public record Presence(LocalDate from, LocalDate to) {}

    /** A compact binary form of every component (dates as epoch days), read back by {@link #fromBytes}. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + presence.size() * 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeByte(status == null ? -1 : status.ordinal());
            writeDate(out, statusFinalDate);
            out.writeInt(presence.size());
            for (Presence p : presence) {
                writeDate(out, p.from());
                writeDate(out, p.to());
            }
            Map<String, LocalDate> sorted = new TreeMap<>(returnFinalDates);
            out.writeInt(sorted.size());
            for (Map.Entry<String, LocalDate> e : sorted.entrySet()) {
                out.writeUTF(e.getKey());
                writeDate(out, e.getValue());
            }
            out.writeInt(commutingEnds.size());
            for (LocalDate end : commutingEnds) {
                writeDate(out, end);
            }
            writeDate(out, lastBorderWorkerEnd);
            writeDate(out, statusSinceDate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static TravellerCarry fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format < 1 || format > FORMAT) {
                throw new IllegalArgumentException("unknown traveller carry format " + format);
            }
            int status = in.readByte();
            LocalDate statusFinal = readDate(in);
            int presences = in.readInt();
            List<Presence> presence = new ArrayList<>(presences);
            for (int i = 0; i < presences; i++) {
                presence.add(new Presence(readDate(in), readDate(in)));
            }
            int marks = in.readInt();
            Map<String, LocalDate> returnFinalDates = new TreeMap<>();
            for (int i = 0; i < marks; i++) {
                returnFinalDates.put(in.readUTF(), readDate(in));
            }
            List<LocalDate> commutingEnds = new ArrayList<>();
            LocalDate lastBorderWorkerEnd = null;
            if (format >= FORMAT_WITH_BORDER_WORKERS) {
                int ends = in.readInt();
                for (int i = 0; i < ends; i++) {
                    commutingEnds.add(readDate(in));
                }
                lastBorderWorkerEnd = readDate(in);
            }
            LocalDate statusSince = format >= FORMAT ? readDate(in) : null;
            return new TravellerCarry(
                    status < 0 ? null : ResidenceStatus.values()[status],
                    statusFinal,
                    presence,
                    returnFinalDates,
                    commutingEnds,
                    lastBorderWorkerEnd,
                    statusSince);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeDate(DataOutputStream out, LocalDate date) throws IOException {
        out.writeBoolean(date != null);
        if (date != null) {
            out.writeLong(date.toEpochDay());
        }
    }

    private static LocalDate readDate(DataInputStream in) throws IOException {
        return in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
    }
}
