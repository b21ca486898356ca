package org.borderflows.query.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.domain.BorderWorkerRule;
import org.borderflows.domain.RuleSettings;
import org.borderflows.domain.VisaFreeRegime;
import org.borderflows.query.CubeLoader;
import org.borderflows.query.Fixtures;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.DurationClass;
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
     * Clock 2026-03-15. Four provisional arrivals in 2025-11 (TJK, WORK, M, 25-29) and a 2024-11 cohort: 3 long-term
     * migrations, 1 not (final 2025-06-01), 1 already final in 2025-02. The estimator's worked examples are in
     * {@link EstimatesTest}; here the example feeds revisions and protection.
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
    void finalLongTermMigrationsAreCountedExactly() {
        loadEstimatorExample();

        Table t = run("migration-12-16", "from", "2024-11", "to", "2024-11");

        assertThat(t.rows())
                .containsExactly(
                        Map.of("finalCount", 3L, "estimate", 3.0, "lower", 3.0, "upper", 3.0, "status", "final"));
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
        // At stage 0 (clock 2024-11-30) nothing was final and no 2023-11 cohort exists: every rate is the uniform
        // prior's 0.5 (EstimatesTest), so 5 x 0.5 = 2.5 against a final 3.
        assertThat(t.rows().get(0))
                .containsEntry("stage", "0")
                .containsEntry("estimate", 2.5)
                .containsEntry("revision", 0.5);
    }

    /**
     * The stages of the revisions table are the months of the 12/16 window: 0-16 for W = 487 days, 0-13 for a
     * deployment with {@code border-flows.rules.window-days} 400 (13.1 months) and threshold 300.
     */
    @Test
    void revisionStagesSpanTheConfiguredWindow() {
        loadEstimatorExample();
        RuleSettings shorter = new RuleSettings(
                "KAZ", 90, 365, 400, 300, 180, 90, VisaFreeRegime.defaults(), BorderWorkerRule.UN_1998);
        TableQueries underShorter =
                new TableQueries(cube, new Protection("k".getBytes(StandardCharsets.UTF_8)), 1, shorter);
        Query byStage =
                Query.parse("migration-12-16-revisions", Map.of("from", "2024-11", "to", "2024-11", "by", "stage"));

        assertThat(queries.run(byStage, false).rows())
                .extracting(row -> row.get("stage"))
                .containsExactlyInAnyOrder(
                        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16");
        assertThat(underShorter.run(byStage, false).rows())
                .extracting(row -> row.get("stage"))
                .containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13");
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
                        Map.of("month", "2026-01", "count", 1L, "status", "final"),
                        Map.of("month", "2026-02", "count", 2L, "status", "final"),
                        Map.of("month", "2026-03", "count", 1L, "status", "provisional"));
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

        assertThat(row)
                .containsEntry("estimate", null)
                .containsEntry("lower", null)
                .containsEntry("status", "suppressed");
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
                .hasMessageContaining("from must be a month YYYY-MM (or a quarter YYYY-Qn, a year YYYY)");
        assertThatThrownBy(() -> Query.parse("crossings", Map.of("from", "2025-05", "to", "2025-01")))
                .hasMessageContaining("is after to");
    }
}
