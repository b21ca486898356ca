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
import org.borderflows.schema.Direction;
import org.borderflows.schema.DurationClass;
import org.junit.jupiter.api.Test;

/**
 * RULES.md §9: every table by quarter and year, year-ended totals of the flows, each figure with its status; §10:
 * a quarter is protected as a cell of its own, never added up from protected months.
 *
 * <p>The worked example: TJK arrivals at Almaty airport, 1 in October 2025, 2 in November, 4 in December (Q4 2025 =
 * 7); 2 in each of January, February and March 2026 (Q1 2026 = 6), the last one on 15 March 2026, the clock. March
 * 2026 is not over, so every period holding it is provisional.
 */
class FrequenciesTest {
    private final Cube cube = new Cube();
    private final CubeLoader load = new CubeLoader(cube);
    private final TableQueries queries = new TableQueries(
            cube, new Protection("k".getBytes(StandardCharsets.UTF_8)), 1, RuleSettings.defaults("KAZ"));

    private static final LocalDate CLOCK = LocalDate.of(2026, 3, 15);
    private int crossings;

    private void arrivals(int count, LocalDate date) {
        for (int i = 0; i < count; i++) {
            load.add(Fixtures.arrival("c" + crossings++, date, false, date.plusYears(1), CLOCK)
                    .build());
        }
    }

    /** An accepted crossing on 15 March 2026 moves the clock there. */
    private void clock() {
        load.add(Fixtures.crossing("clock", CLOCK, Direction.ENTRY));
    }

    private void loadArrivals() {
        arrivals(1, LocalDate.of(2025, 10, 7));
        arrivals(2, LocalDate.of(2025, 11, 7));
        arrivals(4, LocalDate.of(2025, 12, 7));
        arrivals(2, LocalDate.of(2026, 1, 7));
        arrivals(2, LocalDate.of(2026, 2, 7));
        arrivals(1, LocalDate.of(2026, 3, 7));
        arrivals(1, CLOCK);
        clock();
    }

    private Table run(boolean protect, String dataset, String... params) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        return queries.run(Query.parse(dataset, p), protect);
    }

    private static Map<String, Object> count(String period, long count, String status) {
        return Map.of("month", period, "count", count, "status", status);
    }

    @Test
    void threeMonthsAddUpToTheirQuarterAndTwelveToTheirYear() {
        loadArrivals();

        assertThat(run(false, "crossings", "by", "month", "frequency", "quarter")
                        .rows())
                .containsExactly(count("2025-Q4", 7, "final"), count("2026-Q1", 6, "provisional"));
        assertThat(run(false, "crossings", "by", "month", "frequency", "year").rows())
                .containsExactly(count("2025", 7, "final"), count("2026", 6, "provisional"));
    }

    @Test
    void aQuarterCoversWholeQuartersEvenWhenAskedForPartOfOne() {
        loadArrivals();

        Table t = run(false, "crossings", "from", "2025-11", "to", "2025-11", "by", "month", "frequency", "quarter");

        assertThat(t.from()).hasToString("2025-10");
        assertThat(t.to()).hasToString("2025-12");
        assertThat(t.rows()).containsExactly(count("2025-Q4", 7, "final"));
        assertThat(run(false, "crossings", "from", "2026-Q1", "to", "2026-Q1", "by", "month")
                        .rows())
                .as("from/to also take quarters")
                .containsExactly(
                        count("2026-01", 2, "final"), count("2026-02", 2, "final"), count("2026-03", 2, "provisional"));
    }

    /** Year ended January 2026 = February 2025 to January 2026 = 1 + 2 + 4 + 2 = 9; February 11; March 13. */
    @Test
    void yearEndedTotalsAddTheTwelveMonthsEndingWithEachMonth() {
        loadArrivals();

        assertThat(run(false, "crossings", "from", "2026-01", "by", "month", "frequency", "year-ended")
                        .rows())
                .containsExactly(
                        count("2026-01", 9, "final"),
                        count("2026-02", 11, "final"),
                        count("2026-03", 13, "provisional"));
    }

    /**
     * §10: January, February and March 2026 are 2 each, suppressed for the public; their quarter is 6, a multiple of
     * 3, published as it is. Q4 2025 (7) is randomly rounded to 6 or 9 as a cell of its own.
     */
    @Test
    void theQuarterIsProtectedAsItsOwnCellNotAddedUpFromProtectedMonths() {
        loadArrivals();

        List<Map<String, Object>> months =
                run(true, "crossings", "from", "2026-01", "by", "month").rows();
        assertThat(months).extracting(r -> r.get("count")).containsExactly(null, null, null);
        assertThat(months).extracting(r -> r.get("status")).containsOnly(Table.SUPPRESSED);

        List<Map<String, Object>> quarters =
                run(true, "crossings", "by", "month", "frequency", "quarter").rows();
        assertThat(quarters.get(1)).isEqualTo(count("2026-Q1", 6, "provisional"));
        assertThat((Long) quarters.get(0).get("count")).isIn(6L, 9L);
        assertThat(run(true, "crossings", "by", "month", "frequency", "quarter").rows())
                .as("the same question, the same draw")
                .isEqualTo(quarters);
    }

    /**
     * A stock's quarter is its value at the quarter's end (at the clock for the current one), not a sum: stays from
     * 1 October to 10 November 2025 and from 5 November 2025 to 2 January 2026 are present at the end of October,
     * November and December (1 each), so Q4 2025 is 1, not 3. In 2026, a stay from 10 January to 5 March and one open
     * since 1 February: 1 at the end of January, 2 of February, 1 at the clock in March: Q1 2026 is 1, provisional.
     */
    @Test
    void aStocksQuarterIsItsValueAtTheQuartersEnd() {
        load.add(Fixtures.closedStay("s1", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 10), DurationClass.VISIT)
                .build());
        load.add(Fixtures.closedStay("s2", LocalDate.of(2025, 11, 5), LocalDate.of(2026, 1, 2), DurationClass.VISIT)
                .build());
        load.add(Fixtures.closedStay("s3", LocalDate.of(2026, 1, 10), LocalDate.of(2026, 3, 5), DurationClass.VISIT)
                .build());
        load.add(Fixtures.openStay("s4", LocalDate.of(2026, 2, 1), DurationClass.PENDING, CLOCK)
                .build());
        clock();

        assertThat(run(false, "stock", "from", "2025-10", "by", "month").rows())
                .extracting(r -> r.get("count"))
                .containsExactly(1L, 1L, 1L, 1L, 2L, 1L);
        assertThat(run(false, "stock", "from", "2025-10", "by", "month", "frequency", "quarter")
                        .rows())
                .containsExactly(count("2025-Q4", 1, "final"), count("2026-Q1", 1, "provisional"));
    }

    /**
     * 12/16 quarters merge the months' estimates: three final long-term arrivals in November 2024 and one in December
     * give Q4 2024 a final count of 4 with no interval; two arrivals of January 2026 still under review make Q1 2026
     * an estimate.
     */
    @Test
    void aMigrationQuarterMergesItsMonthsEstimates() {
        for (int i = 0; i < 3; i++) {
            load.add(
                    Fixtures.arrival("f" + i, LocalDate.of(2024, 11, 3 + i), true, LocalDate.of(2025, 11, 3 + i), CLOCK)
                            .build());
        }
        load.add(Fixtures.arrival("f3", LocalDate.of(2024, 12, 3), true, LocalDate.of(2025, 12, 3), CLOCK)
                .build());
        for (int i = 0; i < 2; i++) {
            load.add(Fixtures.arrival("p" + i, LocalDate.of(2026, 1, 3 + i), true, LocalDate.of(2027, 1, 3 + i), CLOCK)
                    .build());
        }
        clock();

        List<Map<String, Object>> rows = run(
                        false, "migration-12-16", "from", "2024-10", "by", "month", "frequency", "quarter")
                .rows();

        assertThat(rows.get(0))
                .isEqualTo(Map.of(
                        "month",
                        "2024-Q4",
                        "finalCount",
                        4L,
                        "estimate",
                        4.0,
                        "lower",
                        4.0,
                        "upper",
                        4.0,
                        "status",
                        "final"));
        assertThat(rows.get(rows.size() - 1))
                .containsEntry("month", "2026-Q1")
                .containsEntry("finalCount", 0L)
                .containsEntry("status", "estimate");
        double estimate = (Double) rows.get(rows.size() - 1).get("estimate");
        assertThat(estimate).isGreaterThan(0.0).isLessThanOrEqualTo(2.0);
    }

    @Test
    void labelsBothNamesEveryCodeAndPeriod() {
        loadArrivals();

        Table quarters = run(
                false,
                "crossings",
                "from",
                "2026-01",
                "by",
                "month,citizenship,direction",
                "frequency",
                "quarter",
                "labels",
                "both");
        assertThat(quarters.rows().get(0))
                .containsEntry("month", "2026-Q1")
                .containsEntry("monthLabel", "Q1 2026")
                .containsEntry("citizenship", "TJK")
                .containsEntry("citizenshipLabel", "Tajikistan")
                .containsEntry("directionLabel", "Arrivals");
        assertThat(quarters.toCsv().split("\r\n")[0])
                .isEqualTo("month,monthLabel,citizenship,citizenshipLabel,direction,directionLabel,count,status");
        assertThat(run(
                                false,
                                "crossings",
                                "from",
                                "2026-03",
                                "by",
                                "month",
                                "frequency",
                                "year-ended",
                                "labels",
                                "both")
                        .rows()
                        .get(0))
                .containsEntry("monthLabel", "Year ended March 2026");
        assertThat(Labels.of("ageGroup", "85+")).isEqualTo("85 years and over");
        assertThat(Labels.of("durationClass", "SHORT_TERM")).isEqualTo("Short-term (90 to 364 days)");
    }

    @Test
    void frequenciesADatasetDoesNotPublishAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> Query.parse("stock", Map.of("by", "month", "frequency", "year-ended")))
                .isInstanceOfSatisfying(
                        BadQueryException.class, e -> assertThat(e.parameter()).isEqualTo("frequency"))
                .hasMessageContaining("year-ended totals are published for the flow datasets only");
        assertThatThrownBy(() -> Query.parse("migration-12-16-revisions", Map.of("frequency", "quarter")))
                .hasMessageContaining("by crossing month only");
        assertThatThrownBy(() -> Query.parse("crossings", Map.of("frequency", "weekly")))
                .hasMessageContaining("frequency must be one of month, quarter, year, year-ended, got 'weekly'");
        assertThatThrownBy(() -> Query.parse("crossings", Map.of("labels", "name")))
                .isInstanceOfSatisfying(
                        BadQueryException.class, e -> assertThat(e.parameter()).isEqualTo("labels"));
    }
}
