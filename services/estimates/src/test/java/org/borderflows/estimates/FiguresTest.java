package org.borderflows.estimates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The net's floor (RULES.md §6): the error the provisional crossings' own chance gives the year-ended net, worked by
 * hand. One cut, 31 January 2025; December 2024 (lag 1) holds 40 provisional arrivals with p = 0.5 (Bernoulli
 * variance 40 x 0.25 = 10) besides 80 final ones, and 25 provisional departures with p = 0.2 (25 x 0.16 = 4) besides
 * 44 final ones. Both are estimated exactly: arrivals 100, departures 49, net 51. The floor at lag 1 is 0.6745
 * sqrt(10 + 4) / 51 = 4.9485% of the final net.
 */
class FiguresTest {
    private static final Backtest.Cut CUT = new Backtest.Cut(
            LocalDate.of(2025, 1, 31),
            List.of(
                    new Backtest.MonthCell(1, "ENTRY", 80, 100, 92, 108, 40, 100, 10),
                    new Backtest.MonthCell(1, "EXIT", 44, 49, 45, 53, 25, 49, 4)),
            List.of(),
            0,
            2);

    @Test
    void theNetsFloorIsTheMedianErrorOfItsProvisionalCrossingsChanceInPercentOfTheFinalNet() {
        Figures figures = Figures.of(List.of(CUT));

        assertThat(figures.medianYearEndedError().get("net")[1])
                .as("estimated exactly")
                .isZero();
        assertThat(figures.medianYearEndedError().get("net floor")[1]).isCloseTo(4.9485, within(1e-4));
    }
}
