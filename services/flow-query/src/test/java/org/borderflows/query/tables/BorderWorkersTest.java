package org.borderflows.query.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.borderflows.query.tables.RulesToTables.in;
import static org.borderflows.query.tables.RulesToTables.out;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.borderflows.query.tables.RulesToTables.Card;
import org.borderflows.schema.Purpose;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Frontier (border) workers in the tables (docs/rules.md §4a), recomputed by hand through the engine's rules and
 * the aggregator ({@link RulesToTables}). Clock Friday 6 February 2026. Every traveller is a non-resident of
 * Kazakhstan; entries at 08:00, exits at 18:00:
 *
 * <pre>
 * W1 UZB WORK at KZ-KOR-ROAD: in and out every weekday, Monday 5 January ... Friday 6 February 2026
 *    January: 20 spells; a border worker from the fourth, Thursday 8 January: 17 border-worker spells, 34 crossings
 *    February: 5 spells, all border-worker spells (window 4 January ... 2 February and later): 10 crossings
 * W2 TJK WORK at KZ-ZHA-ROAD: in Monday, out Friday (4 days) in the weeks of 5, 12, 19 and 26 January 2026
 *    a border worker on the fourth Friday, 30 January (ends 9, 16, 23, 30 January): 1 spell, 2 crossings
 * T1 UZB TOURISM at KZ-KOR-ROAD: 3-day trips from 5 and 19 January 2026: never (purpose)
 * </pre>
 */
class BorderWorkersTest {
    private static final LocalDate CLOCK = LocalDate.of(2026, 2, 6);

    @AutoClose
    private final RulesToTables tables = new RulesToTables("border-workers-test");

    private static List<Card> weekdays(LocalDate from, LocalDate to) {
        List<Card> cards = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                cards.add(in(d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
                cards.add(out(d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
            }
        }
        return cards;
    }

    private static List<Card> weeklyW2(boolean lastExitRecorded) {
        List<Card> cards = new ArrayList<>();
        for (int monday : new int[] {5, 12, 19, 26}) {
            cards.add(in(2026, 1, monday));
            if (monday < 26 || lastExitRecorded) {
                cards.add(out(2026, 1, monday + 4));
            }
        }
        return cards;
    }

    private void theItineraries(boolean lastExitOfW2Recorded) {
        tables.traveller(
                CLOCK,
                "W1",
                "UZB",
                Purpose.WORK,
                "KZ-KOR-ROAD",
                weekdays(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 2, 6)));
        tables.traveller(CLOCK, "W2", "TJK", Purpose.WORK, "KZ-ZHA-ROAD", weeklyW2(lastExitOfW2Recorded));
        tables.traveller(
                CLOCK,
                "T1",
                "UZB",
                Purpose.TOURISM,
                "KZ-KOR-ROAD",
                List.of(in(2026, 1, 5), out(2026, 1, 8), in(2026, 1, 19), out(2026, 1, 22)));
        tables.clockAt(CLOCK);
    }

    private List<Map<String, Object>> rows(String... params) {
        return tables.table("border-workers", false, params).rows();
    }

    @Test
    void workersOnceAMonthAndTheCrossingsOfTheirSpells() {
        theItineraries(true);

        assertThat(rows("by", "month"))
                .extracting(r -> r.get("month"), r -> r.get("workers"), r -> r.get("crossings"), r -> r.get("status"))
                .containsExactly(
                        // W1 and W2; 34 + 2 crossings
                        tuple("2026-01", 2L, 36L, "final"),
                        // W1 only; the clock's month is not over
                        tuple("2026-02", 1L, 10L, "provisional"));
        assertThat(rows("by", "citizenship,borderPost", "from", "2026-01", "to", "2026-01"))
                .extracting(
                        r -> r.get("citizenship"),
                        r -> r.get("borderPost"),
                        r -> r.get("workers"),
                        r -> r.get("crossings"))
                .containsExactly(tuple("TJK", "KZ-ZHA-ROAD", 1L, 2L), tuple("UZB", "KZ-KOR-ROAD", 1L, 34L));
        // a quarter adds the months: worker-months
        assertThat(rows("frequency", "quarter", "from", "2026-Q1"))
                .extracting(r -> r.get("workers"), r -> r.get("crossings"))
                .containsExactly(tuple(3L, 46L));
    }

    @Test
    void theirSpellsAreCountedApartFromVisits() {
        theItineraries(true);

        // spells by month of start: January W1 3 visits + 17, W2 3 visits + 1, T1 2 visits; February W1 5
        assertThat(tables.table("spells", false, "by", "month,durationClass").rows())
                .extracting(r -> r.get("month"), r -> r.get("durationClass"), r -> r.get("count"))
                .containsExactly(
                        tuple("2026-01", "BORDER_WORKER", 18L),
                        tuple("2026-01", "VISIT", 8L),
                        tuple("2026-02", "BORDER_WORKER", 5L));
    }

    @Test
    void aLateExitMakesW2AWorkerInJanuary() {
        theItineraries(false);
        assertThat(rows("by", "month,citizenship", "from", "2026-01", "to", "2026-01"))
                .extracting(r -> r.get("citizenship"), r -> r.get("workers"), r -> r.get("crossings"))
                .containsExactly(tuple("UZB", 1L, 34L));

        // Friday 30 January's exit arrives: the engine rewrites W2's last spell, closed and a border-worker spell
        tables.traveller(CLOCK, "W2", "TJK", Purpose.WORK, "KZ-ZHA-ROAD", weeklyW2(true));
        tables.clockAt(CLOCK);
        assertThat(rows("by", "month,citizenship", "from", "2026-01", "to", "2026-01"))
                .extracting(r -> r.get("citizenship"), r -> r.get("workers"), r -> r.get("crossings"))
                .containsExactly(tuple("TJK", 1L, 2L), tuple("UZB", 1L, 34L));
    }
}
