package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.borderflows.domain.CrossingFact;
import org.borderflows.domain.TravellerCarry;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.ResidenceStatus;
import org.borderflows.schema.Sex;
import org.junit.jupiter.api.Test;

class TravellerStateTest {

    @Test
    void stateSurvivesEncodingWithCarryCrossingsAndEmittedHashes() {
        TravellerState state = TravellerState.empty();
        state.carry = new TravellerCarry(
                ResidenceStatus.RESIDENT,
                LocalDate.of(2024, 6, 1),
                List.of(new TravellerCarry.Presence(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 20))));
        state.crossings.add(new CrossingFact(
                "e1",
                "t1",
                null,
                Direction.ENTRY,
                Instant.parse("2025-03-01T05:00:00Z"),
                LocalDate.of(2025, 3, 1),
                "KZ-ALA-AIR",
                "UZB",
                Sex.X,
                LocalDate.of(1960, 1, 31),
                Purpose.TRANSIT,
                0));
        state.crossings.add(new CrossingFact(
                "x1",
                "t1",
                "AB 123",
                Direction.EXIT,
                Instant.parse("2025-03-09T05:00:00Z"),
                LocalDate.of(2025, 3, 9),
                "KZ-KOR-ROAD",
                "UZB",
                Sex.F,
                LocalDate.of(1960, 1, 31),
                Purpose.WORK,
                null));
        state.latestDate = LocalDate.of(2025, 3, 9);
        state.emitted.put("S|e1", -42L);
        state.emitted.put("T|", Long.MAX_VALUE);

        TravellerState back = TravellerState.decode("t1", state.encode());

        assertThat(back.carry).isEqualTo(state.carry);
        assertThat(back.crossings).isEqualTo(state.crossings);
        assertThat(back.latestDate).isEqualTo(state.latestDate);
        assertThat(back.emitted)
                .containsExactly(java.util.Map.entry("S|e1", -42L), java.util.Map.entry("T|", Long.MAX_VALUE));
    }

    /**
     * Card event ids are UUIDs, and each kept crossing's id is named again by the tags of its spell and outcome: the
     * id is stored once, as 16 bytes, and every later mention is a one-byte reference.
     */
    @Test
    void anEventIdIsStoredOnceAsSixteenBytes() {
        String id = "0f8e2c3a-9b1d-4e6f-a7c8-1234567890ab";
        TravellerState bare = TravellerState.empty();
        bare.crossings.add(entry(id, "KZ-ALA-AIR"));
        TravellerState tagged = TravellerState.empty();
        tagged.crossings.add(entry(id, "KZ-ALA-AIR"));
        tagged.emitted.put("S|" + id, 1L);
        tagged.emitted.put("O|" + id, 2L);

        int crossingBytes = bare.encode().length - TravellerState.empty().encode().length;
        int tagsBytes = tagged.encode().length - bare.encode().length;

        // The id: 1 code + 16 bytes (36 characters before). The rest: no card (1), direction (1), time (8), date (5),
        // post (1 + 1 + 10), citizenship (1 + 1 + 3), sex (1), birth date (5), purpose (1), intended stay (1).
        assertThat(crossingBytes).isEqualTo(17 + 40);
        // Per tag: its kind (the literal "S|": 1 + 1 + 2 bytes), a 1-byte reference to the id, the 8-byte fingerprint.
        assertThat(tagsBytes).isEqualTo((4 + 1 + 8) + (4 + 1 + 8));
        TravellerState back = TravellerState.decode("t1", tagged.encode());
        assertThat(back.crossings).isEqualTo(tagged.crossings);
        assertThat(back.emitted).containsExactly(Map.entry("S|" + id, 1L), Map.entry("O|" + id, 2L));
    }

    /** Ids that are not canonical lower-case UUIDs, repeated posts and the status tag survive as they were. */
    @Test
    void otherTextsSurviveAndRepeatsAreReferences() {
        TravellerState state = TravellerState.empty();
        state.crossings.add(entry("0F8E2C3A-9B1D-4E6F-A7C8-1234567890AB", "KZ-ALA-AIR"));
        state.crossings.add(entry("card-17/é", "KZ-ALA-AIR"));
        state.crossings.add(entry("0f8e2c3a-9b1d-4e6f-a7c8-1234567890ag", "KZ-KOR-ROAD"));
        state.emitted.put("QDUPLICATE|card-17/é", 3L);
        state.emitted.put("T|", 4L);
        state.emitted.put("S|no-longer-kept", 5L);

        TravellerState back = TravellerState.decode("t1", state.encode());

        assertThat(back.crossings).isEqualTo(state.crossings);
        assertThat(back.emitted)
                .containsExactly(
                        Map.entry("QDUPLICATE|card-17/é", 3L), Map.entry("T|", 4L), Map.entry("S|no-longer-kept", 5L));
        assertThat(back.crossings.get(1).borderPost())
                .isSameAs(back.crossings.get(0).borderPost());
    }

    /** A state written before version 4 (every text in full) is still read. */
    @Test
    void versionThreeStateIsRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(3); // version
        out.writeByte(0); // no carry
        out.writeByte(1);
        out.writeInt((int) LocalDate.of(2025, 3, 1).toEpochDay()); // latest date
        out.writeByte(1); // one crossing
        legacyString(out, "e1");
        out.writeByte(0); // no card number
        out.writeByte(Direction.ENTRY.ordinal());
        out.writeLong(Instant.parse("2025-03-01T05:00:00Z").toEpochMilli());
        out.writeByte(1);
        out.writeInt((int) LocalDate.of(2025, 3, 1).toEpochDay());
        legacyString(out, "KZ-ALA-AIR");
        legacyString(out, "UZB");
        out.writeByte(Sex.F.ordinal());
        out.writeByte(1);
        out.writeInt((int) LocalDate.of(1960, 1, 31).toEpochDay());
        out.writeByte(Purpose.WORK.ordinal());
        out.writeByte(8); // intended stay 7 days
        out.writeByte(1); // one fingerprint
        legacyString(out, "S|e1");
        out.writeLong(-42L);

        TravellerState back = TravellerState.decode("t1", bytes.toByteArray());

        assertThat(back.latestDate).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(back.crossings)
                .containsExactly(new CrossingFact(
                        "e1",
                        "t1",
                        null,
                        Direction.ENTRY,
                        Instant.parse("2025-03-01T05:00:00Z"),
                        LocalDate.of(2025, 3, 1),
                        "KZ-ALA-AIR",
                        "UZB",
                        Sex.F,
                        LocalDate.of(1960, 1, 31),
                        Purpose.WORK,
                        7));
        assertThat(back.emitted).containsExactly(Map.entry("S|e1", -42L));
    }

    private static void legacyString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeByte(b.length + 1);
        out.write(b);
    }

    private static CrossingFact entry(String eventId, String post) {
        return new CrossingFact(
                eventId,
                "t1",
                null,
                Direction.ENTRY,
                Instant.parse("2025-03-01T05:00:00Z"),
                LocalDate.of(2025, 3, 1),
                post,
                "UZB",
                Sex.F,
                LocalDate.of(1960, 1, 31),
                Purpose.WORK,
                null);
    }

    @Test
    void emptyStateSurvivesEncoding() {
        TravellerState back = TravellerState.decode("t1", TravellerState.empty().encode());
        assertThat(back.carry).isNull();
        assertThat(back.crossings).isEmpty();
        assertThat(back.latestDate).isNull();
        assertThat(back.emitted).isEmpty();
    }

    @Test
    void carryKeepsItsReturnFinalDates() {
        TravellerState state = TravellerState.empty();
        state.carry = new TravellerCarry(
                ResidenceStatus.NON_RESIDENT,
                LocalDate.of(2024, 6, 1),
                List.of(new TravellerCarry.Presence(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 20))),
                java.util.Map.of("r1", LocalDate.of(2025, 1, 15), "r2", LocalDate.of(2025, 7, 2)));
        state.latestDate = LocalDate.of(2024, 12, 1);

        TravellerState back = TravellerState.decode("t1", state.encode());

        assertThat(back.carry.returnFinalDates())
                .containsOnly(
                        java.util.Map.entry("r1", LocalDate.of(2025, 1, 15)),
                        java.util.Map.entry("r2", LocalDate.of(2025, 7, 2)));
        assertThat(back.carry).isEqualTo(state.carry);
    }

    @Test
    void versionOneStateIsReadWithNoReturnFinalDates() {
        byte[] v1 = {
            1, // version
            1, // carry present
            (byte) ResidenceStatus.RESIDENT.ordinal(),
            1,
            0,
            0,
            0x4D,
            (byte) 0xA3, // 2024-06-01 (epoch day 19875)
            1, // one presence
            1,
            0,
            0,
            0x4D,
            (byte) 0x84, // 2024-05-01
            1,
            0,
            0,
            0x4D,
            (byte) 0x97, // 2024-05-20
            1,
            0,
            0,
            0x4E,
            0x5A, // latest date 2024-12-01
            0, // no next change
            0, // no crossings
            0 // no emitted hashes
        };

        TravellerState back = TravellerState.decode("t1", v1);

        assertThat(back.carry)
                .isEqualTo(new TravellerCarry(
                        ResidenceStatus.RESIDENT,
                        LocalDate.of(2024, 6, 1),
                        List.of(new TravellerCarry.Presence(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 20)))));
        assertThat(back.carry.returnFinalDates()).isEmpty();
        assertThat(back.latestDate).isEqualTo(LocalDate.of(2024, 12, 1));
        assertThat(back.crossings).isEmpty();
    }
}
