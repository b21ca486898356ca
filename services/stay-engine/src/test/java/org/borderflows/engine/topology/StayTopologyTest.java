package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderflows.engine.topology.EngineDriver.APP;
import static org.borderflows.engine.topology.EngineDriver.at;
import static org.borderflows.engine.topology.EngineDriver.crossing;
import static org.borderflows.engine.topology.EngineDriver.entry;
import static org.borderflows.engine.topology.EngineDriver.exit;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.borderflows.domain.AtClock;
import org.borderflows.domain.RuleSettings;
import org.borderflows.platform.Topic;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.Direction;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.QualityIssue;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellState;
import org.junit.jupiter.api.Test;

/** The engine's plumbing around the rules: matching, corrections, lateness, duplicates, the clock (RULES.md §3, §8). */
class StayTopologyTest {
    private static final RuleSettings RULES = RuleSettings.defaults("KAZ");

    @Test
    void entryThenExitMakesOneClosedStay() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(entry("t1", "e1", LocalDate.of(2025, 3, 1)), exit("t1", "x1", LocalDate.of(2025, 3, 21)));

            Map<String, Spell> spells = engine.table(Topic.SPELLS);
            assertThat(spells).containsOnlyKeys("t1:e1");
            Spell stay = spells.get("t1:e1");
            assertThat(stay.getState()).isEqualTo(SpellState.CLOSED);
            assertThat(stay.getEndEventId()).isEqualTo("x1");
            assertThat(stay.getDurationDays()).isEqualTo(20);
            assertThat(stay.getDurationClass()).isEqualTo(DurationClass.VISIT);
            assertThat(engine.<Object>table(Topic.CROSSING_OUTCOMES)).containsOnlyKeys("e1", "x1");
            assertThat(engine.<Object>table(Topic.TRAVELLER_STATUS)).containsOnlyKeys("t1");
        }
    }

    @Test
    void exitWithoutEntryIsCountedAsOrphan() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(exit("t1", "x1", LocalDate.of(2025, 3, 21)));

            Map<String, QualityEvent> findings = engine.table(Topic.QUALITY_EVENTS);
            assertThat(findings).containsOnlyKeys("ORPHAN_EXIT:x1");
            assertThat(findings.get("ORPHAN_EXIT:x1").getIssue()).isEqualTo(QualityIssue.ORPHAN_EXIT);
            assertThat(engine.<Object>table(Topic.SPELLS)).isEmpty();
        }
    }

    @Test
    void entryArrivingAfterItsExitWithinTheHorizonRetractsTheOrphanExit() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(exit("t1", "x1", LocalDate.of(2025, 3, 21)));
            engine.send(entry("t1", "e1", LocalDate.of(2025, 3, 1)));

            List<KeyValue<String, QualityEvent>> log = engine.log(Topic.QUALITY_EVENTS);
            assertThat(log).extracting(kv -> kv.key).containsExactly("ORPHAN_EXIT:x1", "ORPHAN_EXIT:x1");
            assertThat(log.get(1).value)
                    .as("the orphan finding is retracted with a tombstone")
                    .isNull();
            assertThat(engine.<Object>table(Topic.QUALITY_EVENTS)).isEmpty();
            Spell stay = engine.<Spell>table(Topic.SPELLS).get("t1:e1");
            assertThat(stay.getState()).isEqualTo(SpellState.CLOSED);
            assertThat(stay.getDurationDays()).isEqualTo(20);
        }
    }

    @Test
    void crossingOlderThanTheHorizonGoesToLateCrossingsAndIsNotApplied() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(entry("t1", "e1", LocalDate.of(2025, 1, 1)), exit("t1", "x1", LocalDate.of(2025, 3, 1)));
            // 40 days before the clock (2025-03-01) and before the traveller's latest crossing: beyond 30 days.
            Crossing late = exit("t1", "x0", LocalDate.of(2025, 1, 20));
            engine.send(late);

            assertThat(engine.<Crossing>table(Topic.LATE_CROSSINGS)).containsEntry("t1", late);
            QualityEvent finding =
                    engine.<QualityEvent>table(Topic.QUALITY_EVENTS).get("LATE:x0");
            assertThat(finding.getIssue()).isEqualTo(QualityIssue.LATE);
            assertThat(finding.getCrossingDate()).isEqualTo(LocalDate.of(2025, 1, 20));
            assertThat(engine.<Spell>table(Topic.SPELLS).get("t1:e1").getDurationDays())
                    .as("the stay is not cut short by the late exit")
                    .isEqualTo(59);
            assertThat(engine.<Object>table(Topic.CROSSING_OUTCOMES)).doesNotContainKey("x0");
        }
    }

    @Test
    void aTravellersFirstCrossingIsNeverLate() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(entry("t2", "e2", LocalDate.of(2025, 3, 1)));
            // Crossings of 1 March 2025 received, then t1's first card, of 20 January 2025. The truth calls it
            // late; the engine cannot tell it from a card another intake task delivered a few seconds later
            // (a crossings partition interleaves them), so it is applied (README "Late?").
            engine.send(entry("t1", "e1", LocalDate.of(2025, 1, 20)));

            assertThat(engine.<Object>table(Topic.LATE_CROSSINGS)).isEmpty();
            assertThat(engine.<Object>table(Topic.SPELLS)).containsOnlyKeys("t1:e1", "t2:e2");
        }
    }

    @Test
    void aCrossingExactlyThirtyDaysBehindIsNotLate() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(exit("t1", "x1", LocalDate.of(2025, 3, 1)), exit("t3", "x3", LocalDate.of(2025, 3, 1)));
            // 29 January 2025 is 31 days before 1 March: late; 30 January is 30 days before: on time.
            engine.send(entry("t1", "e1", LocalDate.of(2025, 1, 29)), entry("t3", "e3", LocalDate.of(2025, 1, 30)));

            assertThat(engine.<Object>table(Topic.LATE_CROSSINGS)).containsOnlyKeys("t1");
            assertThat(engine.<Object>table(Topic.SPELLS)).containsOnlyKeys("t3:e3");
        }
    }

    @Test
    void aTickFromAnotherTaskFarAheadDoesNotMakeAnInHorizonCrossingLate() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(exit("t1", "x1", LocalDate.of(2025, 2, 28)), entry("t2", "e2", LocalDate.of(2025, 3, 1)));
            // Another task is already at 1 September 2025 (this one lags, e.g. after a rebalance). t1's entry of
            // 10 February 2025, older than t1's exit, is 19 days behind this task's own crossings of 1 March:
            // on time, it closes the stay.
            engine.tick(APP, LocalDate.of(2025, 9, 1));
            engine.send(entry("t1", "e1", LocalDate.of(2025, 2, 10)));

            assertThat(engine.<Object>table(Topic.LATE_CROSSINGS)).isEmpty();
            Spell stay = engine.<Spell>table(Topic.SPELLS).get("t1:e1");
            assertThat(stay.getState()).isEqualTo(SpellState.CLOSED);
            assertThat(stay.getDurationDays()).isEqualTo(18);
            assertThat(stay.getAsOf())
                    .as("evaluated at the processing clock, which the tick moved")
                    .isEqualTo(LocalDate.of(2025, 9, 1));
        }
    }

    @Test
    void aTickFromAnotherTaskFarAheadDoesNotLetThePruneDropWhatAnInHorizonCrossingReaches() {
        try (EngineDriver engine = new EngineDriver()) {
            // A UZB tourist in and out every week of January 2024; a year later in on 3 February 2025 (exit card
            // still to come), in on 10 February and out on 14 February: eleven crossings, more than the engine
            // keeps before pruning.
            LocalDate monday = LocalDate.of(2024, 1, 8);
            for (int week = 0; week < 4; week++) {
                LocalDate in = monday.plusWeeks(week);
                engine.send(entry("t1", "e" + week, in), exit("t1", "x" + week, in.plusDays(4)));
            }
            engine.send(
                    entry("t1", "e4", LocalDate.of(2025, 2, 3)),
                    entry("t1", "e5", LocalDate.of(2025, 2, 10)),
                    exit("t1", "x5", LocalDate.of(2025, 2, 14)));
            engine.send(entry("t2", "e9", LocalDate.of(2025, 3, 1)));
            // Another task is at 1 December 2025: so is this task's clock (t1's 12/16 outcomes are final at it).
            engine.tick(APP, LocalDate.of(2025, 12, 1));
            // The exit of 7 February 2025 is 22 days behind this task's own crossings: it closes the stay of
            // 3 February, so the pruning must have kept that entry.
            engine.send(exit("t1", "x4", LocalDate.of(2025, 2, 7)));

            assertThat(engine.<Object>table(Topic.LATE_CROSSINGS)).isEmpty();
            Spell stay = engine.<Spell>table(Topic.SPELLS).get("t1:e4");
            assertThat(stay.getState()).isEqualTo(SpellState.CLOSED);
            assertThat(stay.getEndEventId()).isEqualTo("x4");
            assertThat(stay.getDurationDays()).isEqualTo(4);
            assertThat(engine.<Object>table(Topic.QUALITY_EVENTS)).doesNotContainKey("ORPHAN_EXIT:x4");
        }
    }

    @Test
    void outOfOrderCrossingJustInsideTheHorizonIsPutInItsPlace() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(entry("t1", "e1", LocalDate.of(2025, 1, 1)), entry("t2", "e2", LocalDate.of(2025, 3, 1)));
            engine.send(exit("t1", "x1", LocalDate.of(2025, 1, 30))); // clock 2025-03-01, 30 days back

            assertThat(engine.<Object>table(Topic.LATE_CROSSINGS)).isEmpty();
            assertThat(engine.<Spell>table(Topic.SPELLS).get("t1:e1").getDurationDays())
                    .isEqualTo(29);
        }
    }

    @Test
    void duplicateEventIsCountedOnce() {
        try (EngineDriver engine = new EngineDriver()) {
            Crossing in = entry("t1", "e1", LocalDate.of(2025, 3, 1));
            engine.send(in, in, exit("t1", "x1", LocalDate.of(2025, 3, 11)));

            assertThat(engine.<Object>table(Topic.SPELLS)).containsOnlyKeys("t1:e1");
            assertThat(engine.<Spell>table(Topic.SPELLS).get("t1:e1").getDurationDays())
                    .isEqualTo(10);
            QualityEvent dup = engine.<QualityEvent>table(Topic.QUALITY_EVENTS).get("DUPLICATE:e1");
            assertThat(dup.getIssue()).isEqualTo(QualityIssue.DUPLICATE);
            assertThat(dup.getOccurrences()).isEqualTo(1);
        }
    }

    @Test
    void openStayIsWrittenOnceAndReadersSeeItShortTermFromDay90() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(crossing("t1", "e1", Direction.ENTRY, LocalDate.of(2025, 1, 1), "TJK", Purpose.WORK));
            // Other travellers' crossings move the clock to day 89, then day 90 of t1's stay (RULES.md §8: time
            // passing alone writes nothing).
            engine.send(entry("t2", "e2", LocalDate.of(2025, 3, 31)));
            engine.send(entry("t3", "e3", LocalDate.of(2025, 4, 1)));

            assertThat(engine.<Spell>log(Topic.SPELLS).stream().filter(kv -> kv.key.equals("t1:e1")))
                    .as("written when it opened, not again as the clock passed day 90")
                    .hasSize(1);
            Spell written = engine.<Spell>table(Topic.SPELLS).get("t1:e1");
            assertThat(written.getState()).isEqualTo(SpellState.OPEN);
            assertThat(written.getDurationClass()).isEqualTo(DurationClass.PENDING);
            Spell day90 = AtClock.spell(written, LocalDate.of(2025, 4, 1), RULES);
            assertThat(day90.getDurationClass()).isEqualTo(DurationClass.SHORT_TERM);
            assertThat(day90.getClassFinal()).isFalse();
        }
    }

    @Test
    void clockTickFromAnotherTaskMovesTheClockOfAQuietPartitionWithoutRewritingItsValues() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(crossing("t1", "e1", Direction.ENTRY, LocalDate.of(2025, 1, 1), "TJK", Purpose.WORK));
            int written = engine.<Spell>log(Topic.SPELLS).size();
            engine.tick(APP, LocalDate.of(2025, 4, 1));
            engine.send(crossing("t4", "e4", Direction.ENTRY, LocalDate.of(2025, 1, 2), "TJK", Purpose.WORK));

            assertThat(engine.<Spell>log(Topic.SPELLS)).hasSize(written + 1);
            assertThat(engine.<Spell>table(Topic.SPELLS).get("t4:e4").getAsOf())
                    .as("the partition's clock is the tick's date")
                    .isEqualTo(LocalDate.of(2025, 4, 1));
        }
    }

    /** RULES.md §8: one card dated far ahead (a booth's wrong clock) cannot move the processing clock. */
    @Test
    void aCardFarAheadOfTheOtherPostsDoesNotMoveTheClock() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(
                    Crossing.newBuilder(entry("t1", "e1", LocalDate.of(2025, 3, 1)))
                            .setBorderPost("KZ-ALA-AIR")
                            .build(),
                    Crossing.newBuilder(entry("t2", "e2", LocalDate.of(2025, 3, 1)))
                            .setBorderPost("KZ-KOR-ROAD")
                            .build(),
                    Crossing.newBuilder(entry("t3", "e3", LocalDate.of(2026, 12, 5)))
                            .setBorderPost("KZ-ALA-AIR")
                            .build(),
                    Crossing.newBuilder(entry("t4", "e4", LocalDate.of(2025, 3, 2)))
                            .setBorderPost("KZ-KOR-ROAD")
                            .build());

            assertThat(engine.<Spell>table(Topic.SPELLS).get("t4:e4").getAsOf()).isEqualTo(LocalDate.of(2025, 3, 2));
            assertThat(engine.<Spell>table(Topic.SPELLS).get("t3:e3").getAsOf())
                    .as("the far card itself is written, at the clock of the bulk")
                    .isEqualTo(LocalDate.of(2025, 3, 1));
        }
    }

    @Test
    void clockTickOfAnotherApplicationDoesNotMoveTheClock() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(crossing("t1", "e1", Direction.ENTRY, LocalDate.of(2025, 1, 1), "TJK", Purpose.WORK));
            engine.tick("another-engine", LocalDate.of(2025, 4, 1));
            engine.send(crossing("t4", "e4", Direction.ENTRY, LocalDate.of(2025, 1, 2), "TJK", Purpose.WORK));

            assertThat(engine.<Spell>table(Topic.SPELLS).get("t4:e4").getAsOf()).isEqualTo(LocalDate.of(2025, 1, 2));
        }
    }

    /**
     * Each new local date of event time is broadcast once; a date reached within a second of wall time after the
     * last broadcast (a replay) waits for the idle check a second later (TaskClock).
     */
    @Test
    void eachNewDayOfEventTimeIsBroadcastOnceToTheClockTopic() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(
                    entry("t1", "e1", LocalDate.of(2025, 1, 1)),
                    entry("t2", "e2", LocalDate.of(2025, 1, 1)),
                    entry("t3", "e3", LocalDate.of(2025, 1, 2)));

            List<KeyValue<String, Long>> first = engine.log(Topic.ENGINE_CLOCK);
            assertThat(first)
                    .extracting(kv -> EngineDriver.KAZ.localDate(java.time.Instant.ofEpochMilli(kv.value)))
                    .as("2 January, reached in the same second of wall time")
                    .containsExactly(LocalDate.of(2025, 1, 1));

            engine.advanceWallClock(java.time.Duration.ofSeconds(1));

            List<KeyValue<String, Long>> ticks = engine.log(Topic.ENGINE_CLOCK);
            assertThat(ticks).extracting(kv -> kv.key).containsOnly(APP);
            assertThat(ticks)
                    .extracting(kv -> EngineDriver.KAZ.localDate(java.time.Instant.ofEpochMilli(kv.value)))
                    .containsExactly(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2));
        }
    }

    @Test
    void aNewLocalDateIsBroadcastEvenWithinTheSameUtcDay() {
        try (EngineDriver engine = new EngineDriver()) {
            // 31 March 2025 10:00 and 1 April 2025 02:00 in Almaty are both 31 March in UTC: the other tasks
            // must still learn that this task's clock is at 1 April (they evaluate at local dates).
            engine.send(entry("t1", "e1", LocalDate.of(2025, 3, 31)));
            engine.advanceWallClock(java.time.Duration.ofSeconds(1)); // live: the crossings are hours apart
            engine.send(at(entry("t2", "e2", LocalDate.of(2025, 4, 1)), LocalTime.of(2, 0)));

            List<KeyValue<String, Long>> ticks = engine.log(Topic.ENGINE_CLOCK);
            assertThat(ticks)
                    .extracting(kv -> EngineDriver.KAZ.localDate(java.time.Instant.ofEpochMilli(kv.value)))
                    .containsExactly(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 1));
        }
    }

    @Test
    void aFrequentTravellersLongHistoryKeepsEveryPublishedSpellAndOutcome() {
        try (EngineDriver engine = new EngineDriver()) {
            LocalDate day = LocalDate.of(2021, 1, 4);
            for (int trip = 0; trip < 40; trip++) { // a week in, three weeks out, for three years
                engine.send(entry("t1", "e" + trip, day), exit("t1", "x" + trip, day.plusDays(7)));
                day = day.plusDays(28);
            }

            assertThat(engine.<Spell>table(Topic.SPELLS)).hasSize(40);
            assertThat(engine.<Object>table(Topic.CROSSING_OUTCOMES)).hasSize(80);
            assertThat(engine.<Object>log(Topic.SPELLS)).noneMatch(kv -> ((KeyValue<?, ?>) kv).value == null);
            assertThat(engine.<Object>log(Topic.CROSSING_OUTCOMES))
                    .noneMatch(kv -> ((KeyValue<?, ?>) kv).value == null);
        }
    }

    @Test
    void replayingTheSameInputGivesIdenticalOutputs() {
        List<Crossing> input = List.of(
                entry("t1", "e1", LocalDate.of(2024, 11, 2)),
                crossing("t2", "k1", Direction.EXIT, LocalDate.of(2024, 11, 5), "KAZ", Purpose.WORK),
                exit("t1", "x1", LocalDate.of(2025, 2, 10)),
                exit("t3", "x3", LocalDate.of(2025, 2, 11)),
                entry("t3", "e3", LocalDate.of(2025, 1, 20)),
                crossing("t2", "k2", Direction.ENTRY, LocalDate.of(2025, 9, 30), "KAZ", Purpose.WORK));
        List<List<KeyValue<String, Object>>> first = run(input);
        List<List<KeyValue<String, Object>>> second = run(input);
        assertThat(second).isEqualTo(first);
        assertThat(first.get(0)).isNotEmpty();
    }

    private static List<List<KeyValue<String, Object>>> run(List<Crossing> input) {
        try (EngineDriver engine = new EngineDriver()) {
            input.forEach(engine::send);
            return List.of(
                    engine.log(Topic.SPELLS),
                    engine.log(Topic.CROSSING_OUTCOMES),
                    engine.log(Topic.TRAVELLER_STATUS),
                    engine.log(Topic.QUALITY_EVENTS),
                    engine.log(Topic.ENGINE_CLOCK));
        }
    }
}
