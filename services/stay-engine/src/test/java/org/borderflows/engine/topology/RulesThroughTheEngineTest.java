package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderflows.engine.topology.EngineDriver.entry;
import static org.borderflows.engine.topology.EngineDriver.exit;

import java.time.LocalDate;
import org.borderflows.domain.AtClock;
import org.borderflows.platform.Topic;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.ResidenceStatus;
import org.borderflows.schema.Spell;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of RULES.md §5 and §7 end to end through the topology: the rules are the domain module's,
 * this checks they reach the published topics intact.
 */
class RulesThroughTheEngineTest {

    @Test
    void exitNineDaysOverTheNinetyIn180IsAnOutOfCountryOverstay() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(
                    entry("t1", "e1", LocalDate.of(2013, 9, 1)),
                    exit("t1", "x1", LocalDate.of(2013, 9, 30)),
                    entry("t1", "e2", LocalDate.of(2014, 2, 21)),
                    exit("t1", "x2", LocalDate.of(2014, 4, 20)),
                    entry("t1", "e3", LocalDate.of(2014, 5, 1)),
                    exit("t1", "x3", LocalDate.of(2014, 6, 9)));

            Spell third = engine.<Spell>table(Topic.SPELLS).get("t1:e3");
            assertThat(third.getOverstayDays()).isEqualTo(9);
        }
    }

    @Test
    void afterFortySevenDaysInTheWindowANewEntryMayStayUntilTheThirteenthOfDecember() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(
                    entry("t1", "e1", LocalDate.of(2014, 8, 15)),
                    exit("t1", "x1", LocalDate.of(2014, 9, 30)),
                    entry("t1", "e2", LocalDate.of(2014, 11, 1)));

            Spell open = engine.<Spell>table(Topic.SPELLS).get("t1:e2");
            assertThat(open.getLatestAuthorisedExit()).isEqualTo(LocalDate.of(2014, 12, 13));
        }
    }

    @Test
    void twoHundredFiftyDaysInTheCountryIsNotALongTermMigration() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(entry("t1", "e1", LocalDate.of(2023, 1, 1)), exit("t1", "x1", LocalDate.of(2023, 9, 8)));

            CrossingOutcome arrival =
                    engine.<CrossingOutcome>table(Topic.CROSSING_OUTCOMES).get("e1");
            assertThat(arrival.getLongTermMigration()).isFalse();
            assertThat(arrival.getStatusAfter()).isEqualTo(ResidenceStatus.NON_RESIDENT);
            // RULES.md §8: written once with its final date; final for a reader whose clock is past it
            assertThat(AtClock.outcome(arrival, LocalDate.of(2025, 1, 1)).getProvisional())
                    .isFalse();
        }
    }

    @Test
    void threeHundredSixtyFiveDaysInWithASixtyDayTripOutIsALongTermMigration() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(
                    entry("t1", "e1", LocalDate.of(2023, 1, 1)),
                    exit("t1", "x1", LocalDate.of(2023, 7, 1)), // 181 days in
                    entry("t1", "e2", LocalDate.of(2023, 8, 30)), // 60 days out
                    exit("t1", "x2", LocalDate.of(2024, 3, 1))); // 184 days in: 365 in all

            CrossingOutcome arrival =
                    engine.<CrossingOutcome>table(Topic.CROSSING_OUTCOMES).get("e1");
            assertThat(arrival.getLongTermMigration()).isTrue();
            assertThat(arrival.getStatusAfter()).isEqualTo(ResidenceStatus.RESIDENT);
            // RULES.md §8: written once with its final date; final for a reader whose clock is past it
            assertThat(AtClock.outcome(arrival, LocalDate.of(2025, 1, 1)).getProvisional())
                    .isFalse();
        }
    }
}
