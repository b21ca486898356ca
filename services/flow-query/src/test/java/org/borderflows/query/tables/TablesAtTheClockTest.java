package org.borderflows.query.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.domain.RuleSettings;
import org.borderflows.query.CubeLoader;
import org.borderflows.query.Fixtures;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.Direction;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.Purpose;
import org.junit.jupiter.api.Test;

/**
 * RULES.md §8: the engine writes each value once, with its dates; the tables derive at their clock (the latest
 * crossing date seen) what depends on it. Each test writes a value once and moves only the clock.
 */
class TablesAtTheClockTest {
    private final Cube cube = new Cube();
    private final CubeLoader load = new CubeLoader(cube);
    private final TableQueries queries = new TableQueries(
            cube, new Protection("k".getBytes(StandardCharsets.UTF_8)), 1, RuleSettings.defaults("KAZ"));
    private int clockMoves;

    private void clockAt(LocalDate date) {
        crossingAt("KZ-ALA-AIR", date);
    }

    private void crossingAt(String borderPost, LocalDate date) {
        load.add(Crossing.newBuilder(Fixtures.crossing("c-" + clockMoves++, date, Direction.ENTRY))
                .setBorderPost(borderPost)
                .build());
    }

    private List<Map<String, Object>> rows(String dataset, String... params) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        return queries.run(Query.parse(dataset, p), false).rows();
    }

    /** A TJK labour migrant's stay open since 1 January 2025, written once when it opened. */
    private void openWorkStayOfNewYear2025() {
        LocalDate entry = LocalDate.of(2025, 1, 1);
        load.add(Fixtures.openStay("t1", entry, DurationClass.PENDING, entry).build());
    }

    @Test
    void anOpenWorkStayIsPendingOnDay89AndAShortTermLabourStayFromDay90() {
        openWorkStayOfNewYear2025();

        clockAt(LocalDate.of(2025, 3, 31));
        assertThat(rows("spells", "by", "durationClass,final,labour"))
                .containsExactly(Map.of(
                        "durationClass",
                        "PENDING",
                        "final",
                        "false",
                        "labour",
                        "false",
                        "count",
                        1L,
                        "status",
                        "provisional"));
        assertThat(rows("labour", "by", "flow")).isEmpty();

        clockAt(LocalDate.of(2025, 4, 1));
        assertThat(rows("spells", "by", "durationClass,final,labour"))
                .containsExactly(Map.of(
                        "durationClass",
                        "SHORT_TERM",
                        "final",
                        "false",
                        "labour",
                        "true",
                        "count",
                        1L,
                        "status",
                        "provisional"));
        assertThat(rows("spells", "durationClass", "SHORT_TERM"))
                .containsExactly(Map.of("count", 1L, "status", "provisional"));
        assertThat(rows("labour", "by", "month,flow,durationClass"))
                .containsExactly(Map.of(
                        "month",
                        "2025-01",
                        "flow",
                        "IN",
                        "durationClass",
                        "SHORT_TERM",
                        "count",
                        1L,
                        "status",
                        "final"));
    }

    /**
     * RULES.md §4, §9: the stock counts the open WORK stay at the end of January, February and March 2025; it is a
     * labour migrant's stay once 90 days old (Tuesday 1 April 2025), in every month's row, at the clock: not as the
     * engine wrote it on 1 January.
     */
    @Test
    void theStockCountsAnOpenWorkStayAsLabourFromDay90AtTheClock() {
        openWorkStayOfNewYear2025();

        clockAt(LocalDate.of(2025, 3, 31));
        assertThat(rows("stock", "by", "month,labour", "from", "2025-01", "to", "2025-03"))
                .extracting(row -> row.get("month") + " " + row.get("labour"))
                .containsExactly("2025-01 false", "2025-02 false", "2025-03 false");

        clockAt(LocalDate.of(2025, 4, 1));
        assertThat(rows("stock", "by", "month,labour", "from", "2025-01", "to", "2025-04"))
                .extracting(row -> row.get("month") + " " + row.get("labour") + " " + row.get("count"))
                .containsExactly("2025-01 true 1", "2025-02 true 1", "2025-03 true 1", "2025-04 true 1");
    }

    @Test
    void anOpenStayIsAFinalLongTermSpellAfterAYear() {
        openWorkStayOfNewYear2025();

        clockAt(LocalDate.of(2026, 1, 1));

        assertThat(rows("spells", "by", "durationClass,final"))
                .containsExactly(
                        Map.of("durationClass", "LONG_TERM", "final", "true", "count", 1L, "status", "provisional"));
    }

    /** RULES.md §7: 1 January to 31 March 2025 is 90 days present, the last authorised day. */
    @Test
    void anOpenTouristStayIsASuspectedOverstayFromTheDayAfterItsLatestAuthorisedExit() {
        LocalDate entry = LocalDate.of(2025, 1, 1);
        load.add(Fixtures.openStay("t1", entry, DurationClass.PENDING, entry)
                .setPurpose(Purpose.TOURISM)
                .setLatestAuthorisedExit(LocalDate.of(2025, 3, 31))
                .build());

        clockAt(LocalDate.of(2025, 3, 31));
        assertThat(rows("overstays", "by", "type")).isEmpty();
        assertThat(queries.overstayers(Map.of()).rows()).isEmpty();

        clockAt(LocalDate.of(2025, 4, 1));
        assertThat(rows("overstays", "by", "month,type"))
                .containsExactly(
                        Map.of("month", "2025-04", "type", "IN_COUNTRY", "count", 1L, "status", "provisional"));
        assertThat(queries.overstayers(Map.of()).rows()).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("overstayDays", 1L));
    }

    /** RULES.md §5: final once the clock is past the final date, 2026-01-01 here; provisional on it. */
    @Test
    void anOutcomeCountsAsFinalFromTheDayAfterItsFinalDate() {
        LocalDate arrival = LocalDate.of(2025, 1, 1);
        load.add(Fixtures.arrival("e1", arrival, true, LocalDate.of(2026, 1, 1), arrival)
                .build());

        clockAt(LocalDate.of(2026, 1, 1));
        assertThat(rows("migration-12-16", "from", "2025-01", "to", "2025-01"))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("finalCount", 0L));

        clockAt(LocalDate.of(2026, 1, 2));
        assertThat(rows("migration-12-16", "from", "2025-01", "to", "2025-01"))
                .containsExactly(
                        Map.of("finalCount", 1L, "estimate", 1.0, "lower", 1.0, "upper", 1.0, "status", "final"));
    }

    /**
     * RULES.md §8: the clock follows the date the bulk of the traffic has reached. Three posts report up to 30 June
     * 2025; one card of KZ-ALA-AIR dated 5 December 2026 (a wrong clock at the booth) leaves every answer as it was.
     */
    @Test
    void oneCardFarAheadOfTheOtherPostsDoesNotMoveTheClock() {
        openWorkStayOfNewYear2025();
        LocalDate arrival = LocalDate.of(2025, 1, 1);
        load.add(Fixtures.arrival("e1", arrival, true, LocalDate.of(2026, 1, 1), arrival)
                .build());
        for (String post : List.of("KZ-ALA-AIR", "KZ-KOR-ROAD", "KZ-NQZ-AIR")) {
            crossingAt(post, LocalDate.of(2025, 6, 30));
        }
        List<Map<String, Object>> spells = rows("spells", "by", "durationClass");
        List<Map<String, Object>> migration = rows("migration-12-16", "from", "2025-01", "to", "2025-01");
        assertThat(cube.asOf()).isEqualTo(LocalDate.of(2025, 6, 30));

        crossingAt("KZ-ALA-AIR", LocalDate.of(2026, 12, 5));

        assertThat(cube.asOf()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(rows("spells", "by", "durationClass")).isEqualTo(spells);
        assertThat(rows("migration-12-16", "from", "2025-01", "to", "2025-01")).isEqualTo(migration);
    }

    @Test
    void theClockMovesWhenASecondPostReachesTheDate() {
        crossingAt("KZ-KOR-ROAD", LocalDate.of(2025, 6, 29));
        crossingAt("KZ-ALA-AIR", LocalDate.of(2025, 6, 30));
        assertThat(cube.asOf()).as("the second latest post").isEqualTo(LocalDate.of(2025, 6, 29));

        crossingAt("KZ-KOR-ROAD", LocalDate.of(2025, 7, 1));

        assertThat(cube.asOf()).isEqualTo(LocalDate.of(2025, 6, 30));
    }
}
