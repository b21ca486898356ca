package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderflows.engine.topology.EngineDriver.archived;
import static org.borderflows.engine.topology.EngineDriver.crossing;
import static org.borderflows.engine.topology.EngineDriver.entry;
import static org.borderflows.engine.topology.EngineDriver.exit;

import java.time.LocalDate;
import org.borderflows.domain.AtClock;
import org.borderflows.domain.RuleSettings;
import org.borderflows.platform.Topic;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.QualityIssue;
import org.borderflows.schema.Spell;
import org.borderflows.schema.TravellerStatus;
import org.junit.jupiter.api.Test;

/**
 * RULES.md §8: "an archive loaded beside live traffic is classified against its own progress, not against
 * today's, until it has caught up". Live traffic of November-December 2026 is streaming when an agency loads its
 * 2025 archive (card-loader --archive, load "archive-2025"): a traveller of the archive is held until the whole
 * load is in, then published once, as if the archive had been loaded first.
 */
class ArchiveBesideLiveTest {
    private static final String LOAD = "archive-2025";
    private static final RuleSettings RULES = RuleSettings.defaults("KAZ");

    /** Live traffic up to Saturday 5 December 2026: the processing clock. */
    private static EngineDriver liveTrafficToDecember2026() {
        EngineDriver engine = new EngineDriver();
        engine.send(entry("live-1", "l1", LocalDate.of(2026, 11, 2)), entry("live-2", "l2", LocalDate.of(2026, 12, 5)));
        return engine;
    }

    @Test
    void anArchiveTravellersOpenStayRaisesNoOverstayAlertBeforeItsOwnExitArrives() {
        try (EngineDriver engine = liveTrafficToDecember2026()) {
            // A, an Uzbek tourist (visa-free, 90 days in 180), entered on Saturday 1 March 2025 and left on
            // Thursday 20 March 2025. Read at the clock of 5 December 2026, the entry alone is a stay 555 days
            // past its last authorised day (29 May 2025): the overstay alert the archive's own exit contradicts.
            engine.send(archived(entry("A", "a1", LocalDate.of(2025, 3, 1)), LOAD));
            assertThat(engine.<Spell>table(Topic.SPELLS)).doesNotContainKey("A:a1");
            assertThat(engine.<TravellerStatus>table(Topic.TRAVELLER_STATUS)).doesNotContainKey("A");

            engine.send(entry("live-3", "l3", LocalDate.of(2026, 12, 5)));
            engine.send(archived(exit("A", "a2", LocalDate.of(2025, 3, 20)), LOAD));
            assertThat(engine.<Spell>table(Topic.SPELLS))
                    .as("the load is not complete yet: A's later crossings may still come")
                    .doesNotContainKey("A:a1");

            engine.archiveComplete(LOAD);

            Spell stay = engine.<Spell>table(Topic.SPELLS).get("A:a1");
            assertThat(stay.getStartDate()).isEqualTo(LocalDate.of(2025, 3, 1));
            assertThat(stay.getEndDate()).isEqualTo(LocalDate.of(2025, 3, 20));
            assertThat(AtClock.spell(stay, LocalDate.of(2026, 12, 5), RULES).getOverstayDays())
                    .as("20 days used of 90: no overstay")
                    .isIn(null, 0);
            assertThat(engine.<TravellerStatus>table(Topic.TRAVELLER_STATUS)).containsKey("A");
            assertThat(engine.<Spell>table(Topic.SPELLS))
                    .as("live travellers were published all along")
                    .containsKeys("live-1:l1", "live-2:l2", "live-3:l3");
        }
    }

    @Test
    void anArchivedEntryOfATravellerAlreadySeenLiveJoinsTheHistoryInsteadOfBeingLate() {
        try (EngineDriver engine = liveTrafficToDecember2026()) {
            // B, a Tajik worker, left on Thursday 5 February 2026 (live); the archive has B's entry of Sunday
            // 1 June 2025, 249 days before: more than the 30-day horizon behind B's latest crossing, which a live
            // crossing would be set aside for (RULES.md §9 late records). Judged against the archive's own
            // progress it is not late.
            Crossing exitLive = crossing("B", "b2", Direction.EXIT, LocalDate.of(2026, 2, 5), "TJK", Purpose.WORK);
            Crossing entryArchived =
                    archived(crossing("B", "b1", Direction.ENTRY, LocalDate.of(2025, 6, 1), "TJK", Purpose.WORK), LOAD);
            engine.send(exitLive, entryArchived).archiveComplete(LOAD);

            Spell stay = engine.<Spell>table(Topic.SPELLS).get("B:b1");
            assertThat(stay.getStartDate()).isEqualTo(LocalDate.of(2025, 6, 1));
            assertThat(stay.getEndDate()).isEqualTo(LocalDate.of(2026, 2, 5));
            assertThat(engine.log(Topic.LATE_CROSSINGS)).isEmpty();
            assertThat(engine.<QualityEvent>table(Topic.QUALITY_EVENTS).values())
                    .extracting(QualityEvent::getIssue)
                    .doesNotContain(QualityIssue.LATE, QualityIssue.REVISED_AFTER_FINAL);
        }
    }

    @Test
    void aLiveCrossingOfAHeldTravellerWaitsWithTheArchive() {
        try (EngineDriver engine = liveTrafficToDecember2026()) {
            // C's archive entry (Saturday 20 December 2025) is in; C's live exit (Saturday 10 January 2026) comes
            // while the load runs: published alone it would pair with an entry whose archive exit may still come.
            engine.send(archived(entry("C", "c1", LocalDate.of(2025, 12, 20)), LOAD));
            engine.send(exit("C", "c2", LocalDate.of(2026, 1, 10)));
            assertThat(engine.<Spell>table(Topic.SPELLS)).doesNotContainKey("C:c1");

            engine.archiveComplete(LOAD);
            assertThat(engine.<Spell>table(Topic.SPELLS).get("C:c1").getEndDate())
                    .isEqualTo(LocalDate.of(2026, 1, 10));
        }
    }

    @Test
    void aCompletionRecordReadBeforeTheLoadsLastCrossingWaitsForIt() {
        try (EngineDriver engine = liveTrafficToDecember2026()) { // crossings offsets 0 and 1
            engine.send(archived(entry("D", "d1", LocalDate.of(2025, 3, 1)), LOAD)); // offset 2
            // The engine reads the clock topic and the crossings topic side by side: the completion record, naming
            // offset 4 as the load's last crossing, can be read before the crossings up to it.
            engine.completionAt(LOAD, 4);
            assertThat(engine.<Spell>table(Topic.SPELLS)).doesNotContainKey("D:d1");
            engine.send(entry("live-4", "l4", LocalDate.of(2026, 12, 5))); // offset 3
            assertThat(engine.<Spell>table(Topic.SPELLS)).doesNotContainKey("D:d1");
            engine.send(archived(exit("D", "d2", LocalDate.of(2025, 3, 10)), LOAD)); // offset 4
            assertThat(engine.<Spell>table(Topic.SPELLS).get("D:d1").getEndDate())
                    .isEqualTo(LocalDate.of(2025, 3, 10));
        }
    }

    @Test
    void aSecondRunOfTheSameLoadIsHeldUntilItsOwnCompletion() {
        try (EngineDriver engine = liveTrafficToDecember2026()) {
            engine.send(archived(entry("E", "e1", LocalDate.of(2025, 3, 1)), LOAD))
                    .archiveComplete(LOAD);
            assertThat(engine.<Spell>table(Topic.SPELLS)).containsKey("E:e1");
            // the operator runs the file again (e.g. after a failure): the first run's completion does not cover it
            engine.send(archived(exit("E", "e2", LocalDate.of(2025, 3, 5)), LOAD));
            assertThat(engine.<Spell>table(Topic.SPELLS).get("E:e1").getEndDate())
                    .isNull();
            engine.archiveComplete(LOAD);
            assertThat(engine.<Spell>table(Topic.SPELLS).get("E:e1").getEndDate())
                    .isEqualTo(LocalDate.of(2025, 3, 5));
        }
    }
}
