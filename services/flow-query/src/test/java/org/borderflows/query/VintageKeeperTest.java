package org.borderflows.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import org.borderflows.domain.RuleSettings;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.query.tables.Cube;
import org.borderflows.query.tables.Protection;
import org.borderflows.query.tables.TableQueries;
import org.borderflows.query.tables.Vintages;
import org.junit.jupiter.api.Test;

/**
 * When a month's estimates are kept as published (RULES.md §6 revisions): only a month this instance saw the clock
 * in, with the cells loaded, for long enough, once the clock moves on to the next month; not a month the clock
 * jumped over, nor one already kept. (No broker is contacted: {@code due} only reads the cube and the vintages.)
 */
class VintageKeeperTest {
    private final Cube cube = new Cube();
    private final CubeLoader load = new CubeLoader(cube);
    private final TableQueries queries = new TableQueries(
            cube,
            new Protection("k".getBytes(StandardCharsets.UTF_8)),
            1,
            RuleSettings.defaults("KAZ"),
            new Vintages());

    private void clockTo(LocalDate date) {
        load.add(Fixtures.arrival("o-" + date, date, false, date, date).build());
    }

    private VintageKeeper keeper(Duration minMonth) {
        return new VintageKeeper(KafkaSettings.of("localhost:1"), queries, () -> true, minMonth);
    }

    @Test
    void aMonthSeenLongEnoughIsDueWhenTheClockEntersTheNextOne() {
        try (VintageKeeper keeper = keeper(Duration.ZERO)) {
            clockTo(LocalDate.of(2025, 11, 20));
            assertThat(keeper.due()).isNull(); // November is not over
            clockTo(LocalDate.of(2025, 12, 1));
            assertThat(keeper.due()).isEqualTo(YearMonth.of(2025, 11));
            assertThat(keeper.due()).isEqualTo(YearMonth.of(2025, 11)); // until kept
            var kept = Vintages.marker(YearMonth.of(2025, 11)); // another instance kept it
            queries.vintages().keep(Vintages.key(kept), kept);
            assertThat(keeper.due()).isNull();
        }
    }

    @Test
    void aMonthTheClockJumpsOverOrPassesQuicklyIsNotKept() {
        try (VintageKeeper jumping = keeper(Duration.ZERO)) {
            clockTo(LocalDate.of(2025, 11, 20));
            assertThat(jumping.due()).isNull();
            clockTo(LocalDate.of(2026, 2, 3)); // December and January never seen, November ended unseen at its end
            assertThat(jumping.due()).isNull();
        }
        try (VintageKeeper replaying = keeper(Duration.ofHours(1))) {
            clockTo(LocalDate.of(2026, 2, 20));
            assertThat(replaying.due()).isNull();
            clockTo(LocalDate.of(2026, 3, 1)); // February seen for milliseconds: a replay
            assertThat(replaying.due()).isNull();
        }
    }
}
