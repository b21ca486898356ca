package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
