package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderflows.engine.topology.EngineDriver.APP;
import static org.borderflows.engine.topology.EngineDriver.at;
import static org.borderflows.engine.topology.EngineDriver.crossing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.borderflows.platform.Topic;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.ResidenceStatus;
import org.junit.jupiter.api.Test;

/**
 * Why a frequent traveller's provisional 12/16 outcomes alternate (RULES.md §5), through the topology: the
 * outcome of a daily commuter's first entry changes with every crossing he makes, because the last crossing's
 * spell counts as W = 487 days and falls alternately on the new side (after an entry) and back on the old side
 * (after an exit). It is never written again while no crossing arrives (RULES.md §8): readers see it turn final
 * once the clock is past its final date.
 */
class CommuterOutcomesTest {
    private static final LocalDate MON = LocalDate.of(2025, 1, 6);
    private static final LocalDate TUE = LocalDate.of(2025, 1, 7);
    private static final LocalDate WED = LocalDate.of(2025, 1, 8);

    @Test
    void aDailyCommutersFirstEntryAlternatesWithEachCrossingAsRules5Requires() {
        try (EngineDriver engine = new EngineDriver()) {
            // A Uzbek frontier worker: in at 08:00, out at 18:00, Monday 6 to Wednesday 8 January 2025.
            engine.send(in("e1", MON));
            engine.send(out("x1", MON));
            engine.send(in("e2", TUE));
            engine.send(out("x2", TUE));
            engine.send(in("e3", WED));

            // e1's review (N = 122, T = 365): after an entry the open spell adds 487 days to the time in the
            // country: a migration, final at 6 Jan 2025 + 365 + nights out; after an exit it adds 487 days back
            // out (> N): no migration, final at 6 Jan 2025 + 122 + 0 days in = 8 May 2025.
            assertThat(valuesOf(engine, "e1"))
                    .containsExactly(
                            "NON_RESIDENT>RESIDENT true 2026-01-06", // e1 alone
                            "NON_RESIDENT>NON_RESIDENT false 2025-05-08", // x1 Mon 18:00
                            "NON_RESIDENT>RESIDENT true 2026-01-07", // e2 Tue 08:00: 1 night out
                            "NON_RESIDENT>NON_RESIDENT false 2025-05-08", // x2 Tue 18:00
                            "NON_RESIDENT>RESIDENT true 2026-01-08"); // e3 Wed 08:00: 2 nights out
            // x1's flag is final on its own date (S = 2N return of e1's review), its statuses follow e1's verdict.
            assertThat(valuesOf(engine, "x1"))
                    .containsExactly(
                            "NON_RESIDENT>NON_RESIDENT false 2025-01-06",
                            "RESIDENT>RESIDENT false 2025-01-06",
                            "NON_RESIDENT>NON_RESIDENT false 2025-01-06",
                            "RESIDENT>RESIDENT false 2025-01-06");

            // No crossing of his for two months: the clock moves (ticks of other tasks), nothing is written (§8)
            int written = engine.log(Topic.CROSSING_OUTCOMES).size();
            for (LocalDate d = WED.plusDays(1); !d.isAfter(LocalDate.of(2025, 3, 8)); d = d.plusDays(1)) {
                engine.tick(APP, d);
            }
            assertThat(engine.log(Topic.CROSSING_OUTCOMES)).hasSize(written);
            assertThat(valuesOf(engine, "e1")).hasSize(5);
            assertThat(engine.<CrossingOutcome>table(Topic.CROSSING_OUTCOMES)
                            .get("e1")
                            .getStatusAfter())
                    .isEqualTo(ResidenceStatus.RESIDENT);
        }
    }

    private static List<String> valuesOf(EngineDriver engine, String eventId) {
        return engine.<CrossingOutcome>log(Topic.CROSSING_OUTCOMES).stream()
                .filter(kv -> kv.key.equals(eventId))
                .map(kv -> value(kv.value))
                .toList();
    }

    private static String value(CrossingOutcome o) {
        return o.getStatusBefore() + ">" + o.getStatusAfter() + " " + o.getLongTermMigration() + " " + o.getFinalDate();
    }

    private static org.borderflows.schema.Crossing in(String eventId, LocalDate date) {
        return at(crossing("c1", eventId, Direction.ENTRY, date, "UZB", Purpose.WORK), LocalTime.of(8, 0));
    }

    private static org.borderflows.schema.Crossing out(String eventId, LocalDate date) {
        return at(crossing("c1", eventId, Direction.EXIT, date, "UZB", Purpose.WORK), LocalTime.of(18, 0));
    }
}
