package org.borderflows.query.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.domain.RuleSettings;
import org.borderflows.query.CubeLoader;
import org.borderflows.query.Fixtures;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.EstimateVintage;
import org.junit.jupiter.api.Test;

/**
 * RULES.md §6 "Revisions": the revisions table compares the estimate as it was published at the end of a month (the
 * kept vintage) with the final count, not an estimate re-made later from facts learnt since.
 *
 * <p>The world (all TJK WORK M 25-29 arrivals): a 2024-11 cohort, c0-c2 long-term migrations (final 2025-11-03..05),
 * c3 not (final 2025-06-01: still on the new side at 2024-11-30), c4 not (final 2025-02-01: gone back by then); and
 * the month under estimate, 2025-11: p0-p3 provisionally long-term (final 2026-11-03..06), p0 and p1 through border
 * post KZ-ALA-AIR, p2 and p3 through KZ-KOR-ROAD (two cells sharing one estimator rate).
 */
class VintagesTest {
    private static final YearMonth NOVEMBER = YearMonth.of(2025, 11);
    private static final LocalDate NOVEMBER_END = LocalDate.of(2025, 11, 30);

    private final Cube cube = new Cube();
    private final CubeLoader load = new CubeLoader(cube);
    private final Vintages kept = new Vintages();
    private final TableQueries queries = new TableQueries(
            cube, new Protection("k".getBytes(StandardCharsets.UTF_8)), 1, RuleSettings.defaults("KAZ"), kept);

    private CrossingOutcome.Builder arrival(String id, LocalDate date, boolean ltm, LocalDate finalDate, LocalDate at) {
        return Fixtures.arrival(id, date, ltm, finalDate, at);
    }

    private CrossingOutcome provisional(int i, LocalDate at) {
        return arrival("p" + i, LocalDate.of(2025, 11, 3 + i), true, LocalDate.of(2026, 11, 3 + i), at)
                .setBorderPost(i < 2 ? "KZ-ALA-AIR" : "KZ-KOR-ROAD")
                .build();
    }

    /** The world as the engine had written it by the end of November 2025 (clock 2025-11-30). */
    private void loadNovember() {
        for (int i = 0; i < 3; i++) {
            load.add(arrival("c" + i, LocalDate.of(2024, 11, 3 + i), true, LocalDate.of(2025, 11, 3 + i), NOVEMBER_END)
                    .build());
        }
        load.add(arrival("c3", LocalDate.of(2024, 11, 8), false, LocalDate.of(2025, 6, 1), NOVEMBER_END)
                .build());
        load.add(arrival("c4", LocalDate.of(2024, 11, 9), false, LocalDate.of(2025, 2, 1), NOVEMBER_END)
                .build());
        for (int i = 0; i < 4; i++) {
            load.add(provisional(i, NOVEMBER_END));
        }
    }

    /** A crossing whose value moves the clock (the tables' clock follows the cells' asOf here). */
    private void clockTo(LocalDate date) {
        load.add(arrival("clock-" + date, date, false, date, date).build());
    }

    private Table run(String dataset, String... params) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        return queries.run(Query.parse(dataset, p), false);
    }

    private Map<String, Object> novemberEstimate() {
        Table t = run("migration-12-16", "from", "2025-11", "to", "2025-11", "citizenship", "TJK");
        assertThat(t.rows()).hasSize(1);
        return t.rows().get(0);
    }

    @Test
    void theRevisionsTableShowsTheEstimateAsPublishedAtTheEndOfTheMonth() {
        loadNovember();
        Map<String, Object> published = novemberEstimate(); // what a user read on 2025-11-30
        assertThat(published).containsEntry("status", "estimate").containsEntry("finalCount", 0L);

        clockTo(LocalDate.of(2025, 12, 1)); // the month is over: its vintage is made and kept
        assertThat(queries.cube().asOf()).isEqualTo(LocalDate.of(2025, 12, 1));
        List<EstimateVintage> vintage = queries.makeVintage(NOVEMBER);
        vintage.forEach(v -> kept.keep(Vintages.key(v), v));

        // Learnt later: p0 and p1 had left on 2025-11-20 and 21 and stayed away (not migrations, final N = 122 days
        // later, 2026-03-22 and 23), their exit cards reaching the service in December; p2 and p3 stayed. By
        // 2027-01-01 every outcome of 2025-11 is final: final count 2.
        for (int i = 0; i < 2; i++) {
            load.retract(provisional(i, NOVEMBER_END));
            load.add(arrival("p" + i, LocalDate.of(2025, 11, 3 + i), false, LocalDate.of(2026, 3, 22 + i), NOVEMBER_END)
                    .setBorderPost("KZ-ALA-AIR")
                    .build());
        }
        clockTo(LocalDate.of(2027, 1, 1));

        Table revisions = run(
                "migration-12-16-revisions",
                "from",
                "2025-11",
                "to",
                "2025-11",
                "citizenship",
                "TJK",
                "by",
                "stage,vintage",
                "stage",
                "0,1");
        assertThat(revisions.rows()).hasSize(2);
        Map<String, Object> atStage0 = revisions.rows().get(0);
        assertThat(atStage0)
                .containsEntry("stage", "0")
                .containsEntry("vintage", "PUBLISHED")
                .containsEntry("finalCount", 2L)
                .containsEntry("estimate", published.get("estimate"))
                .containsEntry("lower", published.get("lower"))
                .containsEntry("upper", published.get("upper"));
        // No vintage was kept for December 2025: stage 1 is back-cast, and says so.
        assertThat(revisions.rows().get(1)).containsEntry("stage", "1").containsEntry("vintage", "BACK_CAST");
    }

    @Test
    void withoutTheKeptVintageTheSameStageIsBackCastFromTheFactsLearntSince() {
        loadNovember();
        Map<String, Object> published = novemberEstimate();
        clockTo(LocalDate.of(2025, 12, 1));
        for (int i = 0; i < 2; i++) {
            load.retract(provisional(i, NOVEMBER_END));
            load.add(arrival("p" + i, LocalDate.of(2025, 11, 3 + i), false, LocalDate.of(2026, 3, 22 + i), NOVEMBER_END)
                    .setBorderPost("KZ-ALA-AIR")
                    .build());
        }
        clockTo(LocalDate.of(2027, 1, 1));

        Map<String, Object> backCast = run(
                        "migration-12-16-revisions",
                        "from",
                        "2025-11",
                        "to",
                        "2025-11",
                        "citizenship",
                        "TJK",
                        "by",
                        "vintage",
                        "stage",
                        "0")
                .rows()
                .get(0);

        // The back-cast reads p0 and p1 as gone back on 2025-11-30 (final within N days of it), which the service
        // could not know then (their exits came late): a different figure from the one published.
        assertThat(backCast).containsEntry("vintage", "BACK_CAST");
        assertThat(backCast.get("estimate")).isNotEqualTo(published.get("estimate"));
    }

    @Test
    void aVintageCoversTheSixteenMonthsItCanStillReviseAndIsMarkedKeptEvenWhenEmpty() {
        loadNovember();
        clockTo(LocalDate.of(2025, 12, 1));

        List<EstimateVintage> november = queries.makeVintage(NOVEMBER);
        // 2024-11 is 12 months before: inside the 16; one cell per border post of 2025-11, one for 2024-11, marker.
        assertThat(november).extracting(EstimateVintage::getMonth).containsExactly("2024-11", "2025-11", "2025-11", "");
        assertThat(november.get(1).getDimensions())
                .containsEntry("borderPost", "KZ-ALA-AIR")
                .containsEntry("citizenship", "TJK");
        assertThat(Vintages.key(november.get(1)))
                .isEqualTo("2025-11|2025-11|KZ-ALA-AIR|ENTRY|NON_RESIDENT|TJK|M|25-29|WORK");

        YearMonth may2027 = YearMonth.of(2027, 5); // 2025-12, the latest month with cells, is 17 months before
        List<EstimateVintage> later = queries.makeVintage(may2027);
        assertThat(later).extracting(EstimateVintage::getMonth).containsExactly("");
        later.forEach(v -> kept.keep(Vintages.key(v), v));
        assertThat(kept.kept(may2027)).isTrue();
        assertThat(kept.latest()).isEqualTo(may2027);
    }
}
