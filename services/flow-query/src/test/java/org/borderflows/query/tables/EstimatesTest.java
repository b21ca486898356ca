package org.borderflows.query.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.borderflows.domain.RuleSettings;
import org.borderflows.query.CubeLoader;
import org.borderflows.query.Fixtures;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.ResidenceStatus;
import org.borderflows.schema.Sex;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of the §6 estimator (RULES.md §6, §5) through the query API, with the default prior weight of 20
 * crossings. All arrivals are TJK, WORK, M, 25-29, with the status from citizenship (status years "-") unless said
 * otherwise; the clock is 2026-03-15, so the cohort's
 * stage is 2025-03-15 and N = 122 days after it is 2025-07-15.
 *
 * <p>The 2024-11 cohort: 3 arrivals on 2024-11-05 that became migrations, final 2025-11-05 (no time back: taken to
 * have crossed on the 15th, 355 days before, less than T = 365); 1 not a migration, final 2025-09-01 (after
 * 2025-07-15: still on the new side at 2025-03-15); 4 not, final 2025-05-01 (gone back by 2025-03-15); 2 not, final
 * 2025-02-01 (already final at 2025-03-15: not in the cohort). So on the new side: 3 of 4; gone back: 0 of 4; both: 3
 * of 8. No 2023-11 cohort.
 *
 * <p>Rates, from the direction's pooled rate down (p = (k + w p_parent) / (n + w), w = min(20, parent's weight):
 * each level has one group per parent, so no spread between groups, and lends the full 20): pooled (3 + 2 x 0.5) /
 * (8 + 2) = 0.4, weight 10. On the new side: direction (3 + 10 x 0.4) / 14 = 0.5 (14); + foreigners (TJK is not
 * KAZ) (3 + 14 x 0.5) / 18 = 0.5556 (18); + citizenship (3 + 18 x 0.5556) / 22 = 0.5909 (22); + purpose (3 + 20 x
 * 0.5909) / 24 = 0.6174 (24); + status years (3 + 20 x 0.6174) / 24 = 0.6395 (24); + sex (3 + 20 x 0.6395) / 24 =
 * 0.6579 (24); + age (3 + 20 x 0.6579) / 24 = 0.6733 (24). Gone back: direction (0 + 10 x 0.4) / 14 = 0.2857, then
 * 0.2222, 0.1818, 0.1515, 0.1263, 0.1052, 0.0877 (24).
 */
class EstimatesTest {
    private static final LocalDate CLOCK = LocalDate.of(2026, 3, 15);

    private final Cube cube = new Cube();
    private final CubeLoader load = new CubeLoader(cube);
    private final TableQueries queries = new TableQueries(
            cube, new Protection("k".getBytes(StandardCharsets.UTF_8)), 20, RuleSettings.defaults("KAZ"));

    private CrossingOutcome.Builder arrival(String id, LocalDate date, boolean ltm, LocalDate finalDate) {
        return Fixtures.arrival(id, date, ltm, finalDate, CLOCK);
    }

    private void loadCohort() {
        for (int i = 0; i < 3; i++) {
            load.add(arrival("m" + i, LocalDate.of(2024, 11, 5), true, LocalDate.of(2025, 11, 5))
                    .build());
        }
        load.add(arrival("s0", LocalDate.of(2024, 11, 5), false, LocalDate.of(2025, 9, 1))
                .build());
        for (int i = 0; i < 4; i++) {
            load.add(arrival("b" + i, LocalDate.of(2024, 11, 5), false, LocalDate.of(2025, 5, 1))
                    .build());
        }
        for (int i = 0; i < 2; i++) {
            load.add(arrival("f" + i, LocalDate.of(2024, 11, 5), false, LocalDate.of(2025, 2, 1))
                    .build());
        }
    }

    private Table run(String... params) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        return queries.run(Query.parse("migration-12-16", p), false);
    }

    /**
     * 2025-11: 2 arrivals still on the new side (provisionally migrations, final 2026-11-05) and 4 gone back
     * (provisionally not, final 2026-04-20). Estimate 2 x 0.6733 + 4 x 0.0877 = 1.3466 + 0.3507 = 1.697.
     * Variance (beta-binomial) 2 x 0.6733 x 0.3267 x 26/25 = 0.4575 and 4 x 0.0877 x 0.9123 x 28/25 = 0.3584;
     * drift: the 2023-11 cohort is empty, so two years back the direction's rate is the uniform 0.5: on the new side
     * (0.5 - 0.5)^2 / 2 = 0, gone back (0.2857 - 0.5)^2 / 2 = 0.02296, for 4 crossings 16 x 0.02296 = 0.3673.
     * Total 1.1833, sd 1.0878, 95% interval 1.697 +/- 2.132 = [-0.43, 3.83] -> [0.0, 3.8] (the final count is 0).
     */
    @Test
    void provisionalArrivalsAreEstimatedByTheirSituationFromTheCohortTwelveMonthsEarlier() {
        loadCohort();
        for (int i = 0; i < 2; i++) {
            load.add(arrival("n" + i, LocalDate.of(2025, 11, 5), true, LocalDate.of(2026, 11, 5))
                    .build());
        }
        for (int i = 0; i < 4; i++) {
            load.add(arrival("g" + i, LocalDate.of(2025, 11, 5), false, LocalDate.of(2026, 4, 20))
                    .build());
        }

        Table t = run("from", "2025-11", "to", "2025-11", "by", "month");

        assertThat(t.rows())
                .containsExactly(Map.of(
                        "month",
                        "2025-11",
                        "finalCount",
                        0L,
                        "estimate",
                        1.7,
                        "lower",
                        0.0,
                        "upper",
                        3.8,
                        "status",
                        "estimate"));
    }

    /**
     * A cohort migration that was on a trip back at the cohort's stage counts as gone back (§5, §6). The 2024-11
     * cohort here: one arrival on 2024-11-05 that went back on 2025-02-01 (88 days later: bin 75, taken as 75 + 7 =
     * 82 days, from 2024-11-15 to 2025-02-05), returned 59 days later and became a migration final 2026-01-03 =
     * 2024-11-05 + 365 + 59; so back until 2026-01-03 - 365 + 82 days = 2025-03-26, which covers the stage
     * 2025-03-15. Three arrivals not migrations, final 2025-05-01 (gone back by then). Gone back: 1 migration of 4.
     *
     * <p>Rates for a provisional arrival of 2025-11 gone back: pooled (1 + 2 x 0.5) / (4 + 2) = 0.3333 (6);
     * direction (1 + 6 x 0.3333) / 10 = 0.3 (10); foreigners (1 + 10 x 0.3) / 14 = 0.2857 (14); citizenship
     * (1 + 14 x 0.2857) / 18 = 0.2778 (18); purpose (1 + 18 x 0.2778) / 22 = 0.2727 (22); status years (1 + 20 x
     * 0.2727) / 24 = 0.2689 (24); sex (1 + 20 x 0.2689) / 24 = 0.2658 (24); age (1 + 20 x 0.2658) / 24 = 0.2632 ->
     * 0.3. Without the date of its time back the migration would count as on the new side, and the rate gone back
     * would be 0 of 3 under the same pooled rate: 0.2222, 0.1667, 0.1333, 0.1111, 0.0952, 0.0828, 0.0720 -> 0.1.
     */
    @Test
    void aMigrationOnATripBackAtTheCohortStageCountsAsGoneBack() {
        load.add(arrival("m", LocalDate.of(2024, 11, 5), true, LocalDate.of(2026, 1, 3))
                .setFirstTimeBackDate(LocalDate.of(2025, 2, 1))
                .build());
        for (int i = 0; i < 3; i++) {
            load.add(arrival("b" + i, LocalDate.of(2024, 11, 5), false, LocalDate.of(2025, 5, 1))
                    .build());
        }
        load.add(arrival("g", LocalDate.of(2025, 11, 5), false, LocalDate.of(2026, 4, 20))
                .build());

        Table t = run("from", "2025-11", "to", "2025-11", "by", "month");

        assertThat(t.rows()).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("finalCount", 0L).containsEntry("status", "estimate");
            assertThat(row).containsEntry("estimate", 0.3);
        });
    }

    /**
     * A cohort crossing that is not a migration, between the day its time on the new side (O) could have run out and
     * its decisive time back, was on an earlier trip back (B days) or on its last stay: read as the last stay when
     * O > B (§5, §6). The 2024-11 cohort here, stage 2025-03-15:
     *
     * <ul>
     *   <li>three arrivals on 2024-11-15 that each stayed 55 days, went home for 55 (2025-01-09 to 2025-03-05),
     *       stayed 55 more and went back for good on 2025-04-29: not migrations, final 2024-11-15 + 122 + 110 days
     *       on the new side = 2025-07-05, 67 days after that time back (bin 60, taken as 60 + 7 = 67, so B = 122 - 67
     *       = 55). At the stage they are past 2025-07-05 - 122 = 2025-03-05 and before 2025-04-29; O = 110 > 55: on
     *       the new side (as they were);
     *   <li>a frequent visitor who arrived on 2024-11-15, spent 25 days in the country and 100 at home over several
     *       trips, and went back for good on 2025-03-20: not a migration, final 2025-03-20 + 22 = 2025-04-11 (bin 15,
     *       taken as 22, B = 100). At the stage O = 25 < 100: gone back;
     *   <li>two arrivals on the new side that became migrations, final 2025-11-15.
     * </ul>
     *
     * On the new side: 2 migrations of 5; gone back: 0 of 1.
     *
     * <p>Rates for a provisional arrival of 2025-11 on the new side: pooled (2 + 2 x 0.5) / (6 + 2) = 0.375 (8);
     * direction (2 + 8 x 0.375) / 13 = 0.3846 (13); foreigners 7 / 18 = 0.3889 (18); citizenship 9 / 23 = 0.3913
     * (23); purpose (2 + 20 x 0.3913) / 25 = 0.3930 (25); status years (2 + 20 x 0.3930) / 25 = 0.3944 (25); sex
     * (2 + 20 x 0.3944) / 25 = 0.3955 (25); age (2 + 20 x 0.3955) / 25 = 0.3964 -> 0.4. Read from the final date
     * alone, the long stays would count as gone back (2 of 2 on the new side: 0.7727 -> 0.8); read as on the new
     * side until the decisive time back, the visitor would count there too (2 of 6: 0.3378 -> 0.3).
     */
    @Test
    void aNonMigrationBetweenItsTimeOnTheNewSideAndItsDecisiveTimeBackIsReadByTheLongerKindOfTime() {
        for (int i = 0; i < 3; i++) {
            load.add(arrival("s" + i, LocalDate.of(2024, 11, 15), false, LocalDate.of(2025, 7, 5))
                    .setDecisiveTimeBackDate(LocalDate.of(2025, 4, 29))
                    .build());
        }
        load.add(arrival("v", LocalDate.of(2024, 11, 15), false, LocalDate.of(2025, 4, 11))
                .setDecisiveTimeBackDate(LocalDate.of(2025, 3, 20))
                .build());
        for (int i = 0; i < 2; i++) {
            load.add(arrival("m" + i, LocalDate.of(2024, 11, 15), true, LocalDate.of(2025, 11, 15))
                    .build());
        }
        load.add(arrival("n", LocalDate.of(2025, 11, 5), true, LocalDate.of(2026, 11, 5))
                .build());

        Table t = run("from", "2025-11", "to", "2025-11", "by", "month");

        assertThat(t.rows()).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("finalCount", 0L).containsEntry("status", "estimate");
            assertThat(row).containsEntry("estimate", 0.4);
        });
    }

    /**
     * One woman arriving in 2025-11, on the new side: no F cohort, so her group's rate is its parent's (direction
     * x citizenship x purpose x status years: 0.6395), with no data of its own: (0 + 20 x 0.6395) / 20 = 0.6395 ->
     * 0.6, a useful estimate instead of her own provisional outcome.
     */
    @Test
    void aGroupWithoutCohortLeansOnItsCoarserGroup() {
        loadCohort();
        load.add(arrival("w", LocalDate.of(2025, 11, 20), true, LocalDate.of(2026, 11, 20))
                .setSex(Sex.F)
                .build());

        Table t = run("from", "2025-11", "to", "2025-11", "sex", "F");

        assertThat(t.rows()).hasSize(1);
        assertThat(t.rows().get(0)).containsEntry("estimate", 0.6).containsEntry("finalCount", 0L);
    }

    /**
     * A coarser group lends a level only as much weight as its groups' rates agree. The 2024-11 cohort: 8 TJK
     * arrivals to work, all migrations (final 2025-11-05), and 8 TJK tourists still on the new side at the stage
     * (final 2025-09-01, after 2025-07-15), none a migration. Purposes under TJK: rates 1 and 0 about their parent's
     * 0.5, S = 8 x 0.25 + 8 x 0.25 = 4, A = 0.25 + 0.25 = 0.5, B = 0.25 x 7 x 2 = 3.5, rho = (4 - 0.5) / 3.5 = 1, so
     * TJK lends its purposes 1 / 1 - 1 = 0, at least {@link Estimator#MIN_PRIOR_WEIGHT} = 1. Sexes and age groups
     * under a purpose, and status years under a purpose, share its rate (no spread): 20, at most the parent's weight.
     * The foreigners under the
     * direction and TJK under the foreigners: one group each, rate 0.5 = the direction's, 20.
     *
     * <p>On the new side, for a 2025-11 arrival to work: pooled (8 + 2 x 0.5) / 18 = 0.5 (18); direction (8 + 18 x
     * 0.5) / 34 = 0.5 (34); foreigners and citizenship (8 + 20 x 0.5) / 36 = 0.5 (36); purpose (8 + 1 x 0.5) / 9 =
     * 0.9444 (9); status years (8 + 9 x 0.9444) / 17 = 0.9706 (17); sex (8 + 17 x 0.9706) / 25 = 0.98 (25); age (8 +
     * 20 x 0.98) / 28 = 0.9857. A tourist: purpose 0.5 / 9 = 0.0556, status years 0.5 / 17 = 0.0294, sex 0.5 / 25 =
     * 0.02, age 0.4 / 28 = 0.0143. Ten of each: 9.9 and 0.1. With the fixed weight of 20 at every level the purposes
     * would be pulled to TJK's 0.5: 0.6429, 0.7449, 0.8178, 0.8699, so 8.7 and 1.3.
     */
    @Test
    void aLevelWhoseGroupsDifferLeansLittleOnItsCoarserGroup() {
        for (int i = 0; i < 8; i++) {
            load.add(arrival("w" + i, LocalDate.of(2024, 11, 5), true, LocalDate.of(2025, 11, 5))
                    .build());
            load.add(arrival("t" + i, LocalDate.of(2024, 11, 5), false, LocalDate.of(2025, 9, 1))
                    .setPurpose(Purpose.TOURISM)
                    .build());
        }
        for (int i = 0; i < 10; i++) {
            load.add(arrival("nw" + i, LocalDate.of(2025, 11, 5), true, LocalDate.of(2026, 11, 5))
                    .build());
            load.add(arrival("nt" + i, LocalDate.of(2025, 11, 5), true, LocalDate.of(2026, 11, 5))
                    .setPurpose(Purpose.TOURISM)
                    .build());
        }

        Table t = run("from", "2025-11", "to", "2025-11", "by", "purpose");

        assertThat(t.rows())
                .extracting(r -> r.get("purpose"), r -> r.get("estimate"))
                .containsExactlyInAnyOrder(tuple("WORK", 9.9), tuple("TOURISM", 0.1));
    }

    /**
     * Between a direction and its citizenships are its nationals and its foreigners. The 2024-11 cohort of residents
     * leaving, on the new side at the stage: 20 KAZ nationals on trips, none a migration (final 2025-09-01, after
     * 2025-07-15), and 2 TJK, 2 UZB and 2 KGZ residents leaving for good (final 2025-11-05). The foreigners (rate 1)
     * and the nationals (0) about the direction's 6 / 26 = 0.2308: S = 20 x 0.0533 + 6 x 0.5917 = 4.6154, A = 2 x
     * 0.1775 = 0.3550, B = 0.1775 x 19 + 0.1775 x 5 = 4.2604, rho = 1: weight 1. Citizenships under the foreigners
     * all have rate 1 (no spread): 20.
     *
     * <p>Ten RUS residents leaving in 2025-11 (no RUS cohort), on the new side: pooled (6 + 2 x 0.5) / 28 = 0.25
     * (28); direction (6 + 20 x 0.25) / 46 = 0.2391 (46); foreigners (6 + 1 x 0.2391) / 7 = 0.8913 (7); RUS and below
     * no crossings, the same rate: 8.9. Without the foreigners' level RUS would lean on the direction's 0.2391,
     * mostly nationals' trips: 2.4.
     */
    @Test
    void aCitizenshipWithoutCohortLeansOnTheForeignersNotOnTheNationals() {
        for (int i = 0; i < 20; i++) {
            load.add(departure("k" + i, LocalDate.of(2024, 11, 5), false, LocalDate.of(2025, 9, 1), "KAZ"));
        }
        for (String citizenship : new String[] {"TJK", "UZB", "KGZ"}) {
            for (int i = 0; i < 2; i++) {
                load.add(departure(
                        citizenship + i, LocalDate.of(2024, 11, 5), true, LocalDate.of(2025, 11, 5), citizenship));
            }
        }
        for (int i = 0; i < 10; i++) {
            load.add(departure("r" + i, LocalDate.of(2025, 11, 5), true, LocalDate.of(2026, 11, 5), "RUS"));
        }

        Table t = run("from", "2025-11", "to", "2025-11", "direction", "EXIT");

        assertThat(t.rows()).hasSize(1);
        assertThat(t.rows().get(0)).containsEntry("estimate", 8.9).containsEntry("finalCount", 0L);
    }

    /**
     * The traveller's own earlier outcomes: residents leaving in the year they became residents, and two years or
     * more after, leave for different reasons. The 2024-11 cohort of TJK residents leaving, on the new side at the
     * stage: 10 who became residents on 2024-05-01 (status years 0), none a migration (final 2025-09-01, after
     * 2025-07-15), and 4 who became residents on 2022-09-01 (status years 2), all migrations (final 2025-11-05).
     * Status years under the purpose: rates 0 and 1 about its 4 / 14 = 0.2857: S = 10 x 0.0816 + 4 x 0.5102 =
     * 2.8571, A = 2 x 0.2041 = 0.4082, B = 0.2041 x 9 + 0.2041 x 3 = 2.4490, rho = 1: weight 1. Every other level
     * has one group per parent: 20, at most the parent's weight.
     *
     * <p>Five residents since 2023-09-01 leaving in 2025-11 (status years 2), on the new side: pooled (4 + 1) / 16 =
     * 0.3125 (16); direction (4 + 16 x 0.3125) / 30 = 0.3 (30); foreigners (4 + 20 x 0.3) / 34 = 0.2941 (34);
     * citizenship 0.2907 (34); purpose 0.2886 (34); status years (4 + 1 x 0.2886) / 5 = 0.8577 (5); sex (4 + 5 x
     * 0.8577) / 9 = 0.9210 (9); age (4 + 9 x 0.9210) / 13 = 0.9453: 4.7. Without the status years they would lean on
     * the purpose's 0.2886, mostly first-year residents' trips: 0.2874, 0.2866, so 1.4.
     */
    @Test
    void aResidentLeavingYearsAfterHisArrivalLeansOnResidentsOfHisYearsNotOnFirstYearTrips() {
        for (int i = 0; i < 10; i++) {
            load.add(residentLeaving("y" + i, LocalDate.of(2024, 11, 5), false, LocalDate.of(2025, 9, 1), 2024, 5));
        }
        for (int i = 0; i < 4; i++) {
            load.add(residentLeaving("o" + i, LocalDate.of(2024, 11, 5), true, LocalDate.of(2025, 11, 5), 2022, 9));
        }
        for (int i = 0; i < 5; i++) {
            load.add(residentLeaving("n" + i, LocalDate.of(2025, 11, 5), true, LocalDate.of(2026, 11, 5), 2023, 9));
        }

        Table t = run("from", "2025-11", "to", "2025-11", "direction", "EXIT");

        assertThat(t.rows()).hasSize(1);
        assertThat(t.rows().get(0)).containsEntry("estimate", 4.7).containsEntry("finalCount", 0L);
    }

    /** A TJK resident leaving who became one by an arrival on the first of {@code sinceMonth} of {@code sinceYear}. */
    private CrossingOutcome residentLeaving(
            String id, LocalDate date, boolean ltm, LocalDate finalDate, int sinceYear, int sinceMonth) {
        return CrossingOutcome.newBuilder(departure(id, date, ltm, finalDate, "TJK"))
                .setStatusSinceDate(LocalDate.of(sinceYear, sinceMonth, 1))
                .build();
    }

    private CrossingOutcome departure(String id, LocalDate date, boolean ltm, LocalDate finalDate, String citizenship) {
        return arrival(id, date, ltm, finalDate)
                .setDirection(Direction.EXIT)
                .setStatusBefore(ResidenceStatus.RESIDENT)
                .setStatusAfter(ltm ? ResidenceStatus.NON_RESIDENT : ResidenceStatus.RESIDENT)
                .setCitizenship(citizenship)
                .build();
    }

    /**
     * Year-ended totals (frequency=year-ended) by month and direction, with net. Besides the cohort and the 2025-11
     * arrivals of the first example, one resident left on 2025-06-10 and became a long-term emigrant, final
     * 2026-01-01 (before the clock). Year ended 2025-10 (2024-11..2025-10): arrivals are the cohort's 3 final
     * migrations, departures the final 1, net 3 - 1 = 2, all exact. Year ended 2025-11 (2024-12..2025-11):
     * arrivals are 2025-11's 1.697 with variance 1.1833 ([0.0, 3.8] as in the first example), departures 1 exact;
     * net 1.697 - 1 = 0.697, variance 1.1833 + 0 (directions independent), sd 1.0878, 0.697 +/- 2.132 =
     * [-1.43, 2.83], within what the net can still be ([0 - 1 - 0, 0 + 6 - 1] = [-1, 5]): [-1.0, 2.8]; its final
     * count so far is 0 - 1 = -1.
     */
    @Test
    void yearEndedTotalsAndNetAddTheMonthsParts() {
        loadCohort();
        for (int i = 0; i < 2; i++) {
            load.add(arrival("n" + i, LocalDate.of(2025, 11, 5), true, LocalDate.of(2026, 11, 5))
                    .build());
        }
        for (int i = 0; i < 4; i++) {
            load.add(arrival("g" + i, LocalDate.of(2025, 11, 5), false, LocalDate.of(2026, 4, 20))
                    .build());
        }
        load.add(arrival("e", LocalDate.of(2025, 6, 10), true, LocalDate.of(2026, 1, 1))
                .setDirection(Direction.EXIT)
                .setStatusBefore(ResidenceStatus.RESIDENT)
                .setStatusAfter(ResidenceStatus.NON_RESIDENT)
                .setCitizenship("KAZ")
                .build());

        Table t = run("from", "2025-10", "to", "2025-11", "by", "month,direction", "frequency", "year-ended");

        assertThat(t.rows())
                .containsExactly(
                        row("2025-10", "ENTRY", 3L, 3.0, 3.0, 3.0, "final"),
                        row("2025-10", "EXIT", 1L, 1.0, 1.0, 1.0, "final"),
                        row("2025-10", "NET", 2L, 2.0, 2.0, 2.0, "final"),
                        row("2025-11", "ENTRY", 0L, 1.7, 0.0, 3.8, "estimate"),
                        row("2025-11", "EXIT", 1L, 1.0, 1.0, 1.0, "final"),
                        row("2025-11", "NET", -1L, 0.7, -1.0, 2.8, "estimate"));
    }

    private static Map<String, Object> row(
            String month,
            String direction,
            long finalCount,
            double estimate,
            double lower,
            double upper,
            String status) {
        return Map.of(
                "status",
                status,
                "month",
                month,
                "direction",
                direction,
                "finalCount",
                finalCount,
                "estimate",
                estimate,
                "lower",
                lower,
                "upper",
                upper);
    }

    /** The cohort's own months are final (the clock is past every final date): counted exactly, a zero-width interval. */
    @Test
    void finalMonthsAreCountedExactly() {
        loadCohort();

        Table t = run("from", "2024-11", "to", "2024-11");

        assertThat(t.rows())
                .containsExactly(
                        Map.of("finalCount", 3L, "estimate", 3.0, "lower", 3.0, "upper", 3.0, "status", "final"));
    }
}
