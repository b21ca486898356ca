package org.borderflows.query.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.domain.RuleSettings;
import org.borderflows.query.CubeLoader;
import org.borderflows.query.Fixtures;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Direction;
import org.junit.jupiter.api.Test;

/**
 * SDMX {@code updatedAfter}: the rows whose cells changed after an instant. At 10:00 UTC on 15 March 2026 the cube
 * holds TJK arrivals in November 2025 (2) and January 2026 (1) and a UZB arrival in December 2025, clock 15 March
 * 2026. At 12:00 one TJK arrival of November is taken back (its cell loses one) and a second UZB arrival of December
 * comes in. Asked for the changes after 11:00: November TJK and December UZB, not January TJK.
 */
class UpdatesTest {
    private static final Instant TEN = Instant.parse("2026-03-15T10:00:00Z");
    private static final Instant ELEVEN = Instant.parse("2026-03-15T11:00:00Z");
    private static final Instant NOON = Instant.parse("2026-03-15T12:00:00Z");
    private static final Instant ONE = Instant.parse("2026-03-15T13:00:00Z");
    private static final LocalDate CLOCK = LocalDate.of(2026, 3, 15);

    private final Cube cube = new Cube();
    private final CubeLoader load = new CubeLoader(cube);
    private final TableQueries queries = new TableQueries(
            cube, new Protection("k".getBytes(StandardCharsets.UTF_8)), 1, RuleSettings.defaults("KAZ"));

    private static CrossingOutcome arrival(String id, LocalDate date, String citizenship) {
        return Fixtures.arrival(id, date, false, date.plusYears(1), CLOCK)
                .setCitizenship(citizenship)
                .build();
    }

    private void loadAndChange() {
        load.at(TEN)
                .add(arrival("a1", LocalDate.of(2025, 11, 3), "TJK"))
                .add(arrival("a2", LocalDate.of(2025, 11, 4), "TJK"))
                .add(arrival("a3", LocalDate.of(2026, 1, 5), "TJK"))
                .add(arrival("b1", LocalDate.of(2025, 12, 6), "UZB"))
                .add(Fixtures.crossing("clock", CLOCK, Direction.ENTRY));
        load.at(NOON).retract(arrival("a2", LocalDate.of(2025, 11, 4), "TJK"));
        load.add(arrival("b2", LocalDate.of(2025, 12, 9), "UZB"));
    }

    /** The period and citizenship of the rows changed after an instant. */
    private List<String> changed(String dataset, Instant after, String... params) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        Query q = Query.parse(dataset, p);
        Table table = queries.run(q, false);
        return table.rows().stream()
                .filter(queries.changedAfter(q, table, after))
                .map(r -> r.get("month") + " " + r.get("citizenship"))
                .toList();
    }

    @Test
    void onlyTheRowsWhoseCellsChangedAfterTheInstantAreReported() {
        loadAndChange();

        assertThat(changed("crossings", ELEVEN, "by", "month,citizenship"))
                .containsExactly("2025-11 TJK", "2025-12 UZB");
        assertThat(changed("crossings", TEN.minusSeconds(1), "by", "month,citizenship"))
                .containsExactly("2025-11 TJK", "2025-12 UZB", "2026-01 TJK");
        assertThat(changed("crossings", NOON, "by", "month,citizenship")).isEmpty();
    }

    @Test
    void aQuarterOrAYearEndedTotalChangedWhenAnyOfItsMonthsDid() {
        loadAndChange();

        assertThat(changed("crossings", ELEVEN, "by", "month,citizenship", "frequency", "quarter"))
                .containsExactly("2025-Q4 TJK", "2025-Q4 UZB");
        assertThat(changed(
                        "crossings",
                        ELEVEN,
                        "from",
                        "2026-01",
                        "to",
                        "2026-01",
                        "by",
                        "month,citizenship",
                        "frequency",
                        "year-ended"))
                .as("year ended January 2026 holds November and December 2025")
                .containsExactly("2026-01 TJK", "2026-01 UZB");
        assertThat(changed("crossings", ELEVEN, "citizenship", "TJK", "from", "2026-01", "by", "month"))
                .as("January alone did not change")
                .isEmpty();
    }

    @Test
    void whenTheClockMovesToAnotherMonthEveryStatusMayHaveChanged() {
        loadAndChange();
        load.at(ONE).add(Fixtures.crossing("april", LocalDate.of(2026, 4, 2), Direction.ENTRY));

        assertThat(changed("crossings", NOON, "by", "month,citizenship"))
                .containsExactly("2025-11 TJK", "2025-12 UZB", "2026-01 TJK");
    }

    @Test
    void aTwelveSixteenEstimateChangedWhenAnyTwelveSixteenCellDid() {
        loadAndChange();

        assertThat(changed("migration-12-16", ELEVEN, "by", "month,citizenship"))
                .as("every row is an estimate: their rates come from all 12/16 cells")
                .containsExactly("2025-11 TJK", "2025-12 UZB", "2026-01 TJK");
        assertThat(changed("migration-12-16", NOON, "by", "month,citizenship")).isEmpty();
    }
}
