package org.borderflows.query.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.domain.RuleSettings;
import org.borderflows.query.CubeLoader;
import org.borderflows.query.Fixtures;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.Sex;
import org.junit.jupiter.api.Test;

class TableQueriesTest {
    private final Cube cube = new Cube();
    private final CubeLoader load = new CubeLoader(cube);
    private final TableQueries queries = new TableQueries(
            cube, new Protection("k".getBytes(StandardCharsets.UTF_8)), 1, RuleSettings.defaults("KAZ"));

    private static final LocalDate CLOCK = LocalDate.of(2026, 3, 15);

    private Table run(String dataset, String... params) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        return queries.run(Query.parse(dataset, p), false);
    }

    private CrossingOutcome arrival(String id, LocalDate date, boolean ltm, LocalDate finalDate) {
        return Fixtures.arrival(id, date, ltm, finalDate, CLOCK).build();
    }

    /**
     * Hand-computed §6 example. Clock 2026-03-15. Four provisional arrivals in 2025-11 (TJK, WORK, M, 25-29).
     * Cohort 2024-11, same group, still provisional at the same stage (final date after 2025-03): 3 long-term
     * migrations and 1 not, so p = 3/4. A fifth 2024-11 crossing was already final in 2025-02: not in the cohort.
     * estimate = 4 x 0.75 = 3.0; Var = 4(0.75)(0.25) + 16(0.75)(0.25)/4 = 0.75 + 0.75 = 1.5; sd = 1.2247;
     * 95% interval 3.0 +/- 2.4005 = [0.6, 5.4], clipped to [0, 4] -> [0.6, 4.0].
     */
    private void loadEstimatorExample() {
        for (int i = 0; i < 4; i++) {
            load.add(arrival("p" + i, LocalDate.of(2025, 11, 3 + i), true, LocalDate.of(2026, 11, 3 + i)));
        }
        for (int i = 0; i < 3; i++) {
            load.add(arrival("c" + i, LocalDate.of(2024, 11, 3 + i), true, LocalDate.of(2025, 11, 3 + i)));
        }
        load.add(arrival("c3", LocalDate.of(2024, 11, 8), false, LocalDate.of(2025, 6, 1)));
        load.add(arrival("c4", LocalDate.of(2024, 11, 9), false, LocalDate.of(2025, 2, 1)));
    }

    @Test
    void provisionalArrivalsAreEstimatedFromTheCohortTwelveMonthsEarlierAtTheSameStage() {
        loadEstimatorExample();

        Table t = run("migration-12-16", "from", "2025-11", "to", "2025-11", "by", "month");

        assertThat(t.rows())
                .containsExactly(
                        Map.of("month", "2025-11", "finalCount", 0L, "estimate", 3.0, "lower", 0.6, "upper", 4.0));
    }

    @Test
    void finalLongTermMigrationsAreCountedExactly() {
        loadEstimatorExample();

        Table t = run("migration-12-16", "from", "2024-11", "to", "2024-11");

        assertThat(t.rows()).containsExactly(Map.of("finalCount", 3L, "estimate", 3.0, "lower", 3.0, "upper", 3.0));
    }

    /**
     * Clock 2026-03-15. Two provisional arrivals on 2025-12-02 and 2025-12-03, both provisionally long-term
     * migrations (final dates 2026-12-02/03), and one on 2025-12-04 provisionally not (final 2026-04-04). No
     * arrival of 2024-12 exists, in any group: nothing says how these three will end. The estimate keeps their own
     * provisional outcomes (2 of 3), but the interval spans every outcome they can still have: [0, 3], not a
     * zero-width [2, 2] that would claim certainty without any data.
     */
    @Test
    void withNoCohortAtAllTheIntervalSpansEveryOutcomeTheProvisionalCrossingsCanStillHave() {
        load.add(arrival("n1", LocalDate.of(2025, 12, 2), true, LocalDate.of(2026, 12, 2)));
        load.add(arrival("n2", LocalDate.of(2025, 12, 3), true, LocalDate.of(2026, 12, 3)));
        load.add(arrival("n3", LocalDate.of(2025, 12, 4), false, LocalDate.of(2026, 4, 4)));

        Table t = run("migration-12-16", "from", "2025-12", "to", "2025-12", "by", "month");

        assertThat(t.rows())
                .containsExactly(
                        Map.of("month", "2025-12", "finalCount", 0L, "estimate", 2.0, "lower", 0.0, "upper", 3.0));
    }

    @Test
    void aGroupWithoutCohortFallsBackToACoarserGroup() {
        loadEstimatorExample();
        load.add(Fixtures.arrival("f1", LocalDate.of(2025, 11, 20), true, LocalDate.of(2026, 11, 20), CLOCK)
                .setSex(Sex.F)
                .build());

        Table t = run("migration-12-16", "from", "2025-11", "to", "2025-11", "sex", "F");

        // No F cohort: direction x citizenship x purpose gives the same 3 of 4.
        assertThat(t.rows()).hasSize(1);
        assertThat(t.rows().get(0)).containsEntry("estimate", 0.8); // 0.75 rounded to one decimal
    }

    @Test
    void revisionsOfASettledMonthEndAtTheFinalCount() {
        loadEstimatorExample();

        Table t = run("migration-12-16-revisions", "from", "2024-11", "to", "2024-11", "by", "stage", "stage", "0,16");

        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(1))
                .containsEntry("stage", "16")
                .containsEntry("finalCount", 3L)
                .containsEntry("revision", 0.0);
        // At stage 0 nothing was final and no 2023-11 cohort exists: each crossing's own provisional outcome.
        assertThat(t.rows().get(0))
                .containsEntry("stage", "0")
                .containsEntry("estimate", 5.0)
                .containsEntry("revision", -2.0);
    }

    @Test
    void theStockCountsStaysOpenAtTheEndOfEachMonthUpToTheClock() {
        load.add(Fixtures.closedStay("t1", LocalDate.of(2026, 1, 10), LocalDate.of(2026, 3, 5), DurationClass.VISIT)
                .build());
        load.add(Fixtures.openStay("t2", LocalDate.of(2026, 2, 1), DurationClass.PENDING, CLOCK)
                .build());
        load.add(Fixtures.closedStay("t3", LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 20), DurationClass.VISIT)
                .build());

        Table t = run("stock", "from", "2025-12", "to", "2026-06", "by", "month");

        assertThat(t.rows())
                .containsExactly(
                        Map.of("month", "2026-01", "count", 1L),
                        Map.of("month", "2026-02", "count", 2L),
                        Map.of("month", "2026-03", "count", 1L));
    }

    @Test
    void publicFiguresHaveNoCountFromOneToFiveAndAreMultiplesOfThree() {
        for (int i = 0; i < 40; i++) {
            load.add(Fixtures.openStay("t" + i, LocalDate.of(2026, 1 + i % 3, 1 + i % 20), DurationClass.PENDING, CLOCK)
                    .setCitizenship(List.of("TJK", "UZB", "RUS", "CHN", "KGZ").get(i % 5))
                    .build());
        }
        Table exact = queries.run(Query.parse("spells", Map.of("by", "month,citizenship")), false);
        Table open = queries.run(Query.parse("spells", Map.of("by", "month,citizenship")), true);

        assertThat(open.isProtected()).isTrue();
        assertThat(exact.rows()).extracting(r -> r.get("count")).contains(2L, 3L);
        for (Map<String, Object> row : open.rows()) {
            Object count = row.get("count");
            assertThat(count == null || ((Long) count) % 3 == 0 && (Long) count > 5)
                    .isTrue();
        }
        assertThat(queries.run(Query.parse("spells", Map.of("by", "month,citizenship")), true)
                        .rows())
                .isEqualTo(open.rows());
    }

    @Test
    void aSuppressedPublicEstimateIsNullNotAnError() {
        loadEstimatorExample(); // estimate 3.0 in 2025-11: a public figure of 1-5 is suppressed

        Map<String, Object> row = queries.run(
                        Query.parse("migration-12-16", Map.of("from", "2025-11", "to", "2025-11", "by", "month")), true)
                .rows()
                .get(0);

        assertThat(row).containsEntry("estimate", null).containsEntry("lower", null);
    }

    @Test
    void unknownDatasetDimensionValueAndBadPeriodsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Query.parse("flows", Map.of())).hasMessageContaining("unknown dataset 'flows'");
        assertThatThrownBy(() -> Query.parse("crossings", Map.of("by", "colour")))
                .isInstanceOf(BadQueryException.class)
                .hasMessageContaining("unknown dimension 'colour'");
        assertThatThrownBy(() -> Query.parse("crossings", Map.of("sex", "Q")))
                .hasMessageContaining("unknown value 'Q' for dimension sex");
        assertThatThrownBy(() -> Query.parse("crossings", Map.of("from", "2025-13")))
                .hasMessageContaining("from must be a month YYYY-MM");
        assertThatThrownBy(() -> Query.parse("crossings", Map.of("from", "2025-05", "to", "2025-01")))
                .hasMessageContaining("is after to");
    }
}
