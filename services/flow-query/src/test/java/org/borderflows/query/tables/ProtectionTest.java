package org.borderflows.query.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RULES.md §10: suppression of 1-5, random rounding to base 3 drawn from a keyed hash of the cell. */
class ProtectionTest {
    private final Protection protection = new Protection("test-key".getBytes(StandardCharsets.UTF_8));

    @Test
    void countsFromOneToFiveAreSuppressed() {
        for (long count = 1; count <= 5; count++) {
            assertThat(protection.protect("cell-" + count, count)).isNull();
        }
    }

    /** A net migration (arrivals - departures) of -1 to -5 says as much as a count of 1 to 5. */
    @Test
    void negativeNetFiguresAreProtectedByTheirSize() {
        for (long net = -5; net <= -1; net++) {
            assertThat(protection.protect("net-" + net, net)).isNull();
        }
        assertThat(protection.protect("net", -6)).isEqualTo(-6);
        assertThat(protection.protect("net-7", -7)).isEqualTo(-protection.protect("net-7", 7));
    }

    @Test
    void zeroAndMultiplesOfThreeAreKept() {
        assertThat(protection.protect("a", 0)).isZero();
        assertThat(protection.protect("a", 6)).isEqualTo(6);
        assertThat(protection.protect("a", 300)).isEqualTo(300);
    }

    @Test
    void everyOtherCountGoesToAnAdjacentMultipleOfThree() {
        for (long count = 6; count <= 2_000; count++) {
            Long published = protection.protect("cell-" + count, count);
            assertThat(published % 3).isZero();
            assertThat(Math.abs(published - count)).isLessThan(3);
        }
    }

    @Test
    void theSameCellGetsTheSameAnswerEveryTime() {
        for (int i = 0; i < 50; i++) {
            assertThat(protection.protect("crossings|month=2025-03|citizenship=TJK", 7))
                    .isEqualTo(protection.protect("crossings|month=2025-03|citizenship=TJK", 7));
        }
    }

    @Test
    void aCountOneAboveAMultipleGoesDownAboutTwoThirdsOfTheTime() {
        int down = 0;
        int cells = 6_000;
        for (int i = 0; i < cells; i++) {
            if (protection.protect("cell-" + i, 7) == 6) {
                down++;
            }
        }
        assertThat(down / (double) cells).isBetween(0.63, 0.70);
    }

    @Test
    void aCountTwoAboveAMultipleGoesDownAboutOneThirdOfTheTime() {
        int down = 0;
        int cells = 6_000;
        for (int i = 0; i < cells; i++) {
            if (protection.protect("cell-" + i, 8) == 6) {
                down++;
            }
        }
        assertThat(down / (double) cells).isBetween(0.30, 0.37);
    }

    @Test
    void anotherKeyGivesOtherDraws() {
        Protection other = new Protection("another-key".getBytes(StandardCharsets.UTF_8));
        int differ = 0;
        for (int i = 0; i < 200; i++) {
            if (!protection.protect("cell-" + i, 7).equals(other.protect("cell-" + i, 7))) {
                differ++;
            }
        }
        assertThat(differ).isPositive();
    }
}
