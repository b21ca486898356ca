package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.borderflows.schema.Purpose;
import org.junit.jupiter.api.Test;

/** docs/rules.md §4a, its worked examples. */
class BorderWorkerRuleTest {

    private static final BorderWorkerRule RULE = BorderWorkerRule.UN_1998;

    @Test
    void dailyCommuterIsABorderWorkerFromTheFourthReturn() {
        // Same-day WORK stays on Monday 5 .. Thursday 8 January 2026.
        List<LocalDate> ends = List.of(
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6), LocalDate.of(2026, 1, 7), LocalDate.of(2026, 1, 8));
        assertThat(RULE.commuting(Purpose.WORK, 0)).isTrue();
        assertThat(RULE.borderWorkerOn(ends, LocalDate.of(2026, 1, 7))).isFalse();
        assertThat(RULE.borderWorkerOn(ends, LocalDate.of(2026, 1, 8))).isTrue();
    }

    @Test
    void weeklyCommuterIsABorderWorkerFromTheFourthWeek() {
        // Monday to Friday WORK stays (4 days) ending Fridays 9, 16, 23 and 30 January 2026.
        List<LocalDate> ends = List.of(
                LocalDate.of(2026, 1, 9),
                LocalDate.of(2026, 1, 16),
                LocalDate.of(2026, 1, 23),
                LocalDate.of(2026, 1, 30));
        assertThat(RULE.commuting(Purpose.WORK, 4)).isTrue();
        assertThat(RULE.borderWorkerOn(ends, LocalDate.of(2026, 1, 29))).isFalse();
        assertThat(RULE.borderWorkerOn(ends, LocalDate.of(2026, 1, 30))).isTrue();
    }

    @Test
    void touristWithTwoShortTripsIsNot() {
        assertThat(RULE.commuting(Purpose.TOURISM, 3)).isFalse();
        assertThat(RULE.commuting(Purpose.WORK, 8)).isFalse();
        List<LocalDate> twoWorkTrips = List.of(LocalDate.of(2026, 1, 7), LocalDate.of(2026, 1, 21));
        assertThat(RULE.borderWorkerOn(twoWorkTrips, LocalDate.of(2026, 1, 21))).isFalse();
    }

    @Test
    void workerWhoStopsIsNoLongerCountedAfterTheWindow() {
        // Daily returns Monday 23 .. Friday 27 February 2026, then none.
        List<LocalDate> ends = List.of(
                LocalDate.of(2026, 2, 23),
                LocalDate.of(2026, 2, 24),
                LocalDate.of(2026, 2, 25),
                LocalDate.of(2026, 2, 26),
                LocalDate.of(2026, 2, 27));
        assertThat(RULE.borderWorkerOn(ends, LocalDate.of(2026, 3, 25))).isTrue();
        assertThat(RULE.borderWorkerOn(ends, LocalDate.of(2026, 3, 26))).isFalse();
    }
}
