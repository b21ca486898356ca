package org.borderflows.query.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.borderflows.query.tables.RulesToTables.in;
import static org.borderflows.query.tables.RulesToTables.out;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.borderflows.query.tables.RulesToTables.Card;
import org.borderflows.schema.Purpose;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The {@code overstay-rates} dataset (RULES.md §7, §9) recomputed by hand from a small set of itineraries. The real
 * path: each traveller's crossings go through the rules the stay engine runs ({@link TravellerTimeline}, which finds
 * every stay's latest authorised exit), the spells through the aggregator topology (TopologyTestDriver) to the
 * table-cells topic, the cells into the cube and the questions to {@link TableQueries}.
 *
 * <p>Clock 20.06.2014. Every traveller below is a non-resident of Kazakhstan; the regime covers every purpose but
 * WORK and STUDY (§7 default). L is the latest authorised exit date, the month of L the period:
 *
 * <pre>
 * T1 UZB TOURISM, RULES.md §7's check: stays 01.09-30.09.2013, 21.02-20.04.2014, 01.05-09.06.2014
 *    stay 1: first entry, L = 01.09.2013 + 89 days = 29.11.2013; left 30.09.2013       -> 2013-11 on time
 *    stay 2: September's 30 days are out of the window (D-179..D) from 29.03.2014; 21.02 + 89 days = 21.05.2014
 *            has 90 days present, 22.05 91: L = 21.05.2014; left 20.04.2014              -> 2014-05 on time
 *    stay 3: at 31.05.2014 the window (03.12.2013..) holds 59 days of stay 2 + 31 of stay 3 = 90; 01.06 91:
 *            L = 31.05.2014; left 09.06.2014, 9 days over                               -> 2014-05 out of country
 * T2 UZB TOURISM entered 01.03.2014, L = 29.05.2014, left 20.05.2014                     -> 2014-05 on time
 * T3 UZB TOURISM entered 05.03.2014, L = 02.06.2014, left 12.06.2014 (10 days over)      -> 2014-06 out of country
 * T4 CHN TOURISM entered 15.02.2014, L = 15.05.2014, no exit; clock past L              -> 2014-05 in country
 * T5 CHN BUSINESS entered 01.06.2014, L = 29.08.2014, no exit                           -> 2014-08 not due
 * T6 UZB WORK entered 01.03.2014, no exit: not under the regime                          -> no expected departure
 * T7 KAZ citizen, left 01.05.2014, back 10.05.2014: an absence, not a stay               -> none
 * T8 CHN TOURISM entered 25.03.2014, L = 22.06.2014, no exit; clock on or before L      -> 2014-06 not due
 * T9 UZB TOURISM at KZ-KOR-ROAD entered 10.03.2014, L = 07.06.2014, left on 07.06.2014   -> 2014-06 on time
 * </pre>
 */
class OverstayRatesTest {
    private static final LocalDate CLOCK = LocalDate.of(2014, 6, 20);

    @AutoClose
    private final RulesToTables tables = new RulesToTables("overstay-rates-test");

    // --- the itineraries -------------------------------------------------------------------------------------

    /** One traveller's crossings through the engine's rules at the clock, the spells through the aggregator. */
    private void traveller(String id, String citizenship, Purpose purpose, String borderPost, Card... cards) {
        tables.traveller(CLOCK, id, citizenship, purpose, borderPost, List.of(cards));
    }

    private void theItineraries() {
        traveller(
                "T1",
                "UZB",
                Purpose.TOURISM,
                "KZ-ALA-AIR",
                in(2013, 9, 1),
                out(2013, 9, 30),
                in(2014, 2, 21),
                out(2014, 4, 20),
                in(2014, 5, 1),
                out(2014, 6, 9));
        traveller("T2", "UZB", Purpose.TOURISM, "KZ-ALA-AIR", in(2014, 3, 1), out(2014, 5, 20));
        traveller("T3", "UZB", Purpose.TOURISM, "KZ-ALA-AIR", in(2014, 3, 5), out(2014, 6, 12));
        traveller("T4", "CHN", Purpose.TOURISM, "KZ-ALA-AIR", in(2014, 2, 15));
        traveller("T5", "CHN", Purpose.BUSINESS, "KZ-ALA-AIR", in(2014, 6, 1));
        traveller("T6", "UZB", Purpose.WORK, "KZ-ALA-AIR", in(2014, 3, 1));
        traveller("T7", "KAZ", Purpose.TOURISM, "KZ-ALA-AIR", out(2014, 5, 1), in(2014, 5, 10));
        traveller("T8", "CHN", Purpose.TOURISM, "KZ-ALA-AIR", in(2014, 3, 25));
        traveller("T9", "UZB", Purpose.TOURISM, "KZ-KOR-ROAD", in(2014, 3, 10), out(2014, 6, 7));
        clockAt(CLOCK);
    }

    private void clockAt(LocalDate date) {
        tables.clockAt(date);
    }

    private Table table(boolean protect, String... params) {
        return tables.table("overstay-rates", protect, params);
    }

    private List<Map<String, Object>> rows(String... params) {
        return table(false, params).rows();
    }

    /** A row's measures in catalogue order, then its status. */
    private static List<Object> figures(Map<String, Object> row) {
        return List.of(
                row.get("expectedDepartures"),
                row.get("departedOnTime"),
                row.get("outOfCountryOverstays"),
                row.get("inCountryOverstays"),
                row.get("inCountryNotDue"),
                row.get("overstays"),
                String.valueOf(row.get("overstayRate")),
                String.valueOf(row.get("inCountryOverstayRate")),
                row.get("status"));
    }

    // --- the figures -----------------------------------------------------------------------------------------

    @Test
    void everyFigureByMonthOfTheLatestAuthorisedExit() {
        theItineraries();

        List<Map<String, Object>> rows = rows("by", "month", "to", "2014-08");
        assertThat(rows).extracting(r -> r.get("month")).containsExactly("2013-11", "2014-05", "2014-06", "2014-08");
        // expected, on time, out of country, in country, not due, overstays, rate %, in-country rate %, status
        // 2013-11: T1 stay 1 left on time.
        assertThat(figures(rows.get(0))).containsExactly(1L, 1L, 0L, 0L, 0L, 0L, "0.00", "0.00", "final");
        // 2014-05: T1 stay 2 and T2 on time, T1 stay 3 9 days over, T4 still inside past 15.05:
        // 2 overstays of 4 expected departures = 50%, 1 in country = 25%.
        assertThat(figures(rows.get(1))).containsExactly(4L, 2L, 1L, 1L, 0L, 2L, "50.00", "25.00", "final");
        // 2014-06 (the clock's month, not over): T9 on time, T3 10 days over, T8 inside until 22.06 (not due):
        // 1 overstay of 3 = 33.33%, none in country.
        assertThat(figures(rows.get(2))).containsExactly(3L, 1L, 1L, 0L, 1L, 1L, "33.33", "0.00", "provisional");
        // 2014-08: T5 not due before 29.08 (a month after the clock's: only when asked for with to=).
        assertThat(figures(rows.get(3))).containsExactly(1L, 0L, 0L, 0L, 1L, 0L, "0.00", "0.00", "provisional");

        // As served (CSV): rates with two decimals.
        assertThat(table(false, "by", "month").toCsv())
                .contains(
                        "\r\n2014-05,4,2,1,1,0,2,50.00,25.00,final\r\n2014-06,3,1,1,0,1,1,33.33,0.00,provisional\r\n");

        // By default the period ends with the clock's month.
        assertThat(rows("by", "month"))
                .extracting(r -> r.get("month"))
                .containsExactly("2013-11", "2014-05", "2014-06");
    }

    @Test
    void byCitizenshipPurposeAndBorderPostOfEntry() {
        theItineraries();

        // 2014-05..2014-06: CHN: T4 in country (05), T8 not due (06); UZB: T1 stays 2 and 3, T2, T3, T9.
        List<Map<String, Object>> byCitizenship = rows("by", "citizenship", "from", "2014-05");
        assertThat(byCitizenship).extracting(r -> r.get("citizenship")).containsExactly("CHN", "UZB");
        assertThat(figures(byCitizenship.get(0)))
                .containsExactly(2L, 0L, 0L, 1L, 1L, 1L, "50.00", "50.00", "provisional");
        // UZB: 5 expected, on time T1 stay 2, T2, T9; out of country T1 stay 3, T3: 2 of 5 = 40%.
        assertThat(figures(byCitizenship.get(1)))
                .containsExactly(5L, 3L, 2L, 0L, 0L, 2L, "40.00", "0.00", "provisional");

        // T5's BUSINESS stay is due in August; WORK (T6) is never an expected departure.
        assertThat(rows("by", "purpose", "to", "2014-08"))
                .extracting(r -> r.get("purpose"), r -> r.get("expectedDepartures"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("BUSINESS", 1L),
                        org.assertj.core.groups.Tuple.tuple("TOURISM", 8L));
        assertThat(rows("purpose", "WORK,STUDY")).isEmpty();

        // The border post of entry: T9 entered by road.
        assertThat(rows("by", "borderPost"))
                .extracting(r -> r.get("borderPost"), r -> r.get("expectedDepartures"), r -> r.get("departedOnTime"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("KZ-ALA-AIR", 7L, 3L),
                        org.assertj.core.groups.Tuple.tuple("KZ-KOR-ROAD", 1L, 1L));
    }

    @Test
    void aStayWithNoExitBecomesAnInCountryOverstayWhenTheClockPassesItsDateWithoutAnyNewValue() {
        theItineraries();
        int cellsBefore = tables.cube().cells("overstay-rates").size();

        // 22.06.2014 is T8's latest authorised exit: still authorised on that day.
        clockAt(LocalDate.of(2014, 6, 22));
        assertThat(figures(rows("month", "2014-06").get(0)))
                .containsExactly(3L, 1L, 1L, 0L, 1L, 1L, "33.33", "0.00", "provisional");

        // 23.06.2014: T8 is a suspected in-country overstay; 2 overstays of 3 = 66.67%, 1 in country = 33.33%.
        clockAt(LocalDate.of(2014, 6, 23));
        assertThat(figures(rows("month", "2014-06").get(0)))
                .containsExactly(3L, 1L, 1L, 1L, 0L, 2L, "66.67", "33.33", "provisional");
        assertThat(tables.cube().cells("overstay-rates"))
                .hasSize(cellsBefore); // derived at the clock, no cell rewritten
    }

    @Test
    void anExitRecordedLaterMovesAnInCountryOverstayToOutOfCountry() {
        theItineraries();

        // T4 leaves on 25.06.2014, 41 days after 15.05: the engine rewrites the stay, closed.
        traveller("T4", "CHN", Purpose.TOURISM, "KZ-ALA-AIR", in(2014, 2, 15), out(2014, 6, 25));
        clockAt(LocalDate.of(2014, 6, 25));
        assertThat(figures(rows("from", "2014-05", "to", "2014-05").get(0)))
                .containsExactly(4L, 2L, 2L, 0L, 0L, 2L, "50.00", "0.00", "final");
    }

    @Test
    void quartersAndYearsAddTheMonthsCounts() {
        theItineraries();

        // 2014-Q2 = 2014-05 + 2014-06: 7 expected, 3 on time, 2 out, 1 in, 1 not due; 3 of 7 = 42.86%, 1 of 7 = 14.29%.
        List<Map<String, Object>> q = rows("by", "month", "frequency", "quarter", "from", "2014-Q2");
        assertThat(q).extracting(r -> r.get("month")).containsExactly("2014-Q2");
        assertThat(figures(q.get(0))).containsExactly(7L, 3L, 2L, 1L, 1L, 3L, "42.86", "14.29", "provisional");
    }

    @Test
    void thePublicGetsProtectedCountsAndRatesComputedFromThem() {
        // 30 tourists who left on time and 12 who left 9 days late, all UZB through the airport; clock 20.06.2014.
        for (int i = 0; i < 30; i++) {
            traveller("ok" + i, "UZB", Purpose.TOURISM, "KZ-ALA-AIR", in(2014, 3, 1), out(2014, 5, 20));
        }
        for (int i = 0; i < 12; i++) { // L = 29.05.2014, left 07.06.2014
            traveller("late" + i, "UZB", Purpose.TOURISM, "KZ-ALA-AIR", in(2014, 3, 1), out(2014, 6, 7));
        }
        traveller("T4", "CHN", Purpose.TOURISM, "KZ-ALA-AIR", in(2014, 2, 15)); // one in-country overstay
        clockAt(CLOCK);

        Map<String, Object> exact =
                table(false, "from", "2014-05", "to", "2014-05").rows().get(0);
        assertThat(figures(exact)).containsExactly(43L, 30L, 12L, 1L, 0L, 13L, "30.23", "2.33", "final");

        Table published = table(true, "from", "2014-05", "to", "2014-05");
        assertThat(published.isProtected()).isTrue();
        Map<String, Object> row = published.rows().get(0);
        long expected = (Long) row.get("expectedDepartures");
        long overstays = (Long) row.get("overstays");
        // §10: random rounding to base 3 of 43 (42 or 45) and 13 (12 or 15); 1 in country is suppressed.
        assertThat(expected).isIn(42L, 45L);
        assertThat(overstays).isIn(12L, 15L);
        assertThat(row.get("inCountryOverstays")).isNull();
        assertThat(row.get("inCountryNotDue")).isEqualTo(0L);
        // The rates come from the published figures, so they reveal nothing more; a suppressed part gives no rate.
        assertThat(row.get("overstayRate"))
                .isEqualTo(java.math.BigDecimal.valueOf(overstays * 100)
                        .divide(java.math.BigDecimal.valueOf(expected), 2, java.math.RoundingMode.HALF_UP));
        assertThat(row.get("inCountryOverstayRate")).isNull();
        // Asking again gives the same answer (§10: keyed draws).
        assertThat(table(true, "from", "2014-05", "to", "2014-05").rows()).isEqualTo(published.rows());
    }

    @Test
    void theCatalogueRefusesDimensionsTheDatasetDoesNotHave() {
        assertThatThrownBy(() -> Query.parse("overstay-rates", Map.of("by", "sex")))
                .isInstanceOf(BadQueryException.class)
                .hasMessageContaining("sex");
    }
}
