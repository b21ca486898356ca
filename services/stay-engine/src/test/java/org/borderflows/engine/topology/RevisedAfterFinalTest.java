package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderflows.engine.topology.EngineDriver.entry;
import static org.borderflows.engine.topology.EngineDriver.exit;

import java.time.LocalDate;
import org.borderflows.platform.Topic;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.QualityIssue;
import org.junit.jupiter.api.Test;

/**
 * RULES.md §5: once the clock is past an outcome's final date only a record delivered late can change it, and such a
 * change is counted as REVISED_AFTER_FINAL.
 *
 * <p>An Uzbek traveller enters on 10 January 2024 and leaves on 1 March (51 days in): the arrival's review ends with more
 * than N = 122 days back out, not a migration, final on 10 January + 122 + 51 = 1 July 2024. He enters again on
 * 20 July, so the clock is past 1 July. Then the cards of 22 and 28 June 2024 arrive, within the 30-day horizon of
 * 20 July: 113 days out, 6 more days in, then 22 days out: still not a migration, but final on 10 January + 122 +
 * 57 = 7 July 2024.
 */
class RevisedAfterFinalTest {
    private static final LocalDate JAN_10 = LocalDate.of(2024, 1, 10);

    @Test
    void aLateRecordThatChangesAFinalOutcomeIsCountedOnce() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(
                    entry("t1", "e1", JAN_10),
                    exit("t1", "x1", LocalDate.of(2024, 3, 1)),
                    entry("t1", "e2", LocalDate.of(2024, 7, 20)));
            CrossingOutcome before =
                    engine.<CrossingOutcome>table(Topic.CROSSING_OUTCOMES).get("e1");
            assertThat(before.getLongTermMigration()).isFalse();
            assertThat(before.getFinalDate()).isEqualTo(LocalDate.of(2024, 7, 1));

            engine.send(entry("t1", "e-late", LocalDate.of(2024, 6, 22)));
            assertThat(engine.<QualityEvent>table(Topic.QUALITY_EVENTS))
                    .as("an entry after an entry changes no outcome (a lost exit, RULES.md §3)")
                    .doesNotContainKey("REVISED_AFTER_FINAL:e1");
            engine.send(exit("t1", "x-late", LocalDate.of(2024, 6, 28)));

            CrossingOutcome after =
                    engine.<CrossingOutcome>table(Topic.CROSSING_OUTCOMES).get("e1");
            assertThat(after.getFinalDate()).isEqualTo(LocalDate.of(2024, 7, 7));
            QualityEvent revised =
                    engine.<QualityEvent>table(Topic.QUALITY_EVENTS).get("REVISED_AFTER_FINAL:e1");
            assertThat(revised).isNotNull();
            assertThat(revised.getIssue()).isEqualTo(QualityIssue.REVISED_AFTER_FINAL);
            assertThat(revised.getCrossingDate()).isEqualTo(JAN_10);
            assertThat(revised.getOccurrences()).isEqualTo(1);
        }
    }

    @Test
    void aLateRecordThatOnlyChangesProvisionalOutcomesIsNotCounted() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(entry("t1", "e1", LocalDate.of(2025, 3, 1)), entry("t2", "e2", LocalDate.of(2025, 3, 20)));
            engine.send(exit("t1", "x1", LocalDate.of(2025, 3, 10)));

            assertThat(engine.<QualityEvent>table(Topic.QUALITY_EVENTS).keySet())
                    .noneMatch(key -> key.startsWith("REVISED_AFTER_FINAL"));
        }
    }
}
