package org.borderflows.query.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.borderflows.domain.RuleSettings;
import org.borderflows.query.CubeLoader;
import org.borderflows.query.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The spread of past revisions that widens today's intervals ({@link RevisionSpread}, RULES.md §6), worked by hand.
 *
 * <p>Clock 30 June 2026. Settled month January 2024: ten arrivals on 10 January 2024, nine of them long-term
 * migrations, all final on 15 March 2025. Its cohort month, January 2023, holds one arrival final on 20 January
 * 2023, before any cohort clock: no cohort crossing is tallied, so every back-cast gives each provisional crossing
 * the uniform prior's p = 0.5. At the end of each month from January 2024 (stage 0) to February 2025 (stage 13) the
 * ten are provisional: estimate 5, final 9, binomial variance 10 x 0.5 x 0.5 = 2.5, so the relative revision beyond
 * the model's own variance is ((9 - 5)^2 - 2.5) / 10^2 = 0.135, spread sqrt(0.135) = 0.3674. From March 2025 (stage
 * 14) they are final: no spread. January 2023 is settled too but has no cohort month (January 2022): not measured.
 */
class RevisionSpreadTest {
    private static final LocalDate CLOCK = LocalDate.of(2026, 6, 30);

    private final Cube cube = new Cube();
    private final CubeLoader load = new CubeLoader(cube);

    /** The world above with {@code migrations} of the ten January 2024 arrivals long-term migrations. */
    private void theWorld(int migrations) {
        load.add(Fixtures.arrival("c", LocalDate.of(2023, 1, 5), false, LocalDate.of(2023, 1, 20), CLOCK)
                .build());
        for (int i = 0; i < 10; i++) {
            load.add(Fixtures.arrival(
                            "a" + i, LocalDate.of(2024, 1, 10), i < migrations, LocalDate.of(2025, 3, 15), CLOCK)
                    .build());
        }
        cube.commit();
    }

    private RevisionSpread measured() {
        return RevisionSpread.measure(
                cube.cells(Datasets.MIGRATION, MigrationTable.ESTIMATOR_DIMENSIONS),
                new Estimator.CellReader(),
                CLOCK,
                RuleSettings.defaults("KAZ"),
                20);
    }

    @Test
    void theSpreadIsTheRevisionBeyondTheModelsOwnVariancePerProvisionalCrossing() {
        theWorld(9);
        RevisionSpread spread = measured();

        assertThat(spread.of("ENTRY", 0)).isCloseTo(Math.sqrt(0.135), within(1e-9));
        assertThat(spread.of("ENTRY", 13)).isCloseTo(Math.sqrt(0.135), within(1e-9));
        assertThat(spread.of("ENTRY", 14)).as("final by then").isZero();
        assertThat(spread.of("EXIT", 0)).as("no departures measured").isZero();
    }

    @Test
    void aRevisionTheModelsVarianceExplainsAddsNothing() {
        // four migrations of ten instead of nine: ((4 - 5)^2 - 2.5) / 100 < 0, so no spread
        theWorld(4);

        assertThat(measured().of("ENTRY", 0)).isZero();
    }

    @Test
    void todaysVarianceGetsTheSpreadOfItsStage() {
        theWorld(9);
        // one arrival of June 2026, provisional (final 10 June 2027): stage 0 at the clock
        load.add(Fixtures.arrival("now", LocalDate.of(2026, 6, 10), true, LocalDate.of(2027, 6, 10), CLOCK)
                .build());
        cube.commit();
        var cells = cube.cells(Datasets.MIGRATION, MigrationTable.ESTIMATOR_DIMENSIONS);
        Cell now = cells.stream()
                .filter(c -> c.month() == Cube.monthIndex(java.time.YearMonth.of(2026, 6)))
                .findFirst()
                .orElseThrow();
        Estimator<Cell> estimator = Estimator.ofCells(cells, CLOCK, RuleSettings.defaults("KAZ"), 20);
        Estimator.Rate rate = estimator.rate(now);
        assertThat(rate.revisionSpread()).isCloseTo(Math.sqrt(0.135), within(1e-9));

        Estimate estimate = new Estimate();
        estimate.addProvisional(1, rate);
        double p = rate.p();
        double w = rate.weight();
        double binomial = p * (1 - p) * (w + 1) / (w + 1);
        // the beta-binomial part, the year's drift and (1 crossing x spread)^2 = 0.135
        assertThat(estimate.variance()).isCloseTo(binomial + rate.drift() + 0.135, within(1e-9));
    }
}
