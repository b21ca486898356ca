package org.borderflows.query.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
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
 * 14) they are final: no spread. The data begin in January 2021 (one arrival final on 20 January 2021), so the
 * cohort month has two years of data behind it, the longest status years the estimator groups by. January 2023 is
 * settled too but has no cohort month of its own (no crossing in January 2022): not measured.
 */
class RevisionSpreadTest {
    private static final LocalDate CLOCK = LocalDate.of(2026, 6, 30);

    private final Cube cube = new Cube();
    private final CubeLoader load = new CubeLoader(cube);

    /** The world above with {@code migrations} of the ten January 2024 arrivals long-term migrations. */
    private void theWorld(int migrations) {
        theWorldWithDataFrom(2021, migrations);
    }

    /** The same world with data beginning in January of {@code year}. */
    private void theWorldWithDataFrom(int year, int migrations) {
        load.add(Fixtures.arrival("s", LocalDate.of(year, 1, 5), false, LocalDate.of(year, 1, 20), CLOCK)
                .build());
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

    /**
     * With data from January 2022, January 2024's cohort month has one year of data behind it: a resident of two
     * years then would be counted in his first, so a back-cast from it would measure the data's start, and nothing
     * is measured. With data from January 2023 its cohort is the data's first month (travellers mid-stay then have
     * incomplete itineraries).
     */
    @Test
    void aMonthWhoseCohortHasLessThanTheLongestStatusYearsBehindItIsNotMeasured() {
        theWorldWithDataFrom(2022, 9);

        assertThat(measured().of("ENTRY", 0)).isZero();
    }

    @Test
    void aMonthWhoseCohortIsTheDataFirstMonthIsNotMeasured() {
        theWorldWithDataFrom(2023, 9);

        assertThat(measured().of("ENTRY", 0)).isZero();
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
                .filter(c -> c.month() == Cube.monthIndex(YearMonth.of(2026, 6)))
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

    /**
     * Two settled months, so revisions of months estimated at the same clock can be compared. January 2024 as above
     * (nine of ten migrations, final 15 March 2025); February 2024: ten arrivals on 10 February 2024, six of them
     * migrations, final 15 April 2025, with its cohort month February 2023 (one arrival final on 20 February 2023).
     * Both months are provisional at stages 0-13 with p = 0.5: estimate 5, revisions +4 and +1. Spread per stage:
     * the mean of ((4^2 - 2.5) / 100, (1^2 - 2.5) / 100) = 0.06. At the ends of February 2024 to February 2025 (13
     * clocks) both months are provisional together: each clock's pair of revisions multiplies to 4 x 1 = 4, against
     * the spreads' 10 sqrt(0.06) x 10 sqrt(0.06) = 6; correlation 4 / 6 = 2/3.
     */
    private void twoSettledMonths() {
        theWorld(9);
        load.add(Fixtures.arrival("c2", LocalDate.of(2023, 2, 5), false, LocalDate.of(2023, 2, 20), CLOCK)
                .build());
        for (int i = 0; i < 10; i++) {
            load.add(Fixtures.arrival("f" + i, LocalDate.of(2024, 2, 10), i < 6, LocalDate.of(2025, 4, 15), CLOCK)
                    .build());
        }
        cube.commit();
    }

    @Test
    void revisionsOfMonthsEstimatedAtTheSameClockAreCorrelatedAsMeasured() {
        twoSettledMonths();
        RevisionSpread spread = measured();

        assertThat(spread.of("ENTRY", 0)).isCloseTo(Math.sqrt(0.06), within(1e-9));
        assertThat(spread.of("ENTRY", 13)).isCloseTo(Math.sqrt(0.06), within(1e-9));
        assertThat(spread.correlation("ENTRY")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(spread.correlation("EXIT")).as("nothing measured").isZero();
    }

    @Test
    void aSingleSettledMonthGivesNoCorrelation() {
        theWorld(9);

        assertThat(measured().correlation("ENTRY")).isZero();
    }

    @Test
    void aSumOfMonthsHoldsTheSharedPartOfTheirRevisionsOnce() {
        twoSettledMonths();
        // arrivals of 10 May and 10 June 2026, provisional at the clock (stages 1 and 0), no cohort a year earlier
        load.add(Fixtures.arrival("may", LocalDate.of(2026, 5, 10), true, LocalDate.of(2027, 5, 10), CLOCK)
                .build());
        load.add(Fixtures.arrival("june", LocalDate.of(2026, 6, 10), true, LocalDate.of(2027, 6, 10), CLOCK)
                .build());
        cube.commit();
        var cells = cube.cells(Datasets.MIGRATION, MigrationTable.ESTIMATOR_DIMENSIONS);
        Estimator<Cell> estimator = Estimator.ofCells(cells, CLOCK, RuleSettings.defaults("KAZ"), 20);
        Estimator.Rate may = estimator.rate(monthOf(cells, 5));
        Estimator.Rate june = estimator.rate(monthOf(cells, 6));
        Estimate mayAlone = new Estimate();
        mayAlone.addProvisional(1, may);
        Estimate juneAlone = new Estimate();
        juneAlone.addProvisional(1, june);
        Estimate both = new Estimate();
        both.add(mayAlone);
        both.add(juneAlone);

        // the model's own parts: each month's beta-binomial variance of one crossing, p (1 - p); the drift of their
        // direction and situation, shared: (sqrt(d) + sqrt(d'))^2
        double binomial = may.p() * (1 - may.p()) + june.p() * (1 - june.p());
        double drift = Math.pow(Math.sqrt(may.drift()) + Math.sqrt(june.drift()), 2);
        // a month alone keeps its whole spread, 1 x 0.06
        assertThat(mayAlone.variance()).isCloseTo(may.p() * (1 - may.p()) + may.drift() + 0.06, within(1e-9));
        // the two months: (1 - 2/3) (0.06 + 0.06) independent + 2/3 (sqrt(0.06) + sqrt(0.06))^2 shared = 0.2;
        // taken as independent they would add only 0.12
        assertThat(both.variance()).isCloseTo(binomial + drift + 0.2, within(1e-9));
    }

    private static Cell monthOf(Collection<Cell> cells, int month2026) {
        int month = Cube.monthIndex(YearMonth.of(2026, month2026));
        return cells.stream().filter(c -> c.month() == month).findFirst().orElseThrow();
    }
}
