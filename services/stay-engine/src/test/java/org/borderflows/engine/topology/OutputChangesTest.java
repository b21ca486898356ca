package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borderflows.domain.CrossingFact;
import org.borderflows.domain.Evaluation;
import org.borderflows.domain.RuleSettings;
import org.borderflows.domain.TravellerTimeline;
import org.borderflows.platform.Topic;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.Sex;
import org.junit.jupiter.api.Test;

/** What an evaluation changed is written; what it no longer produces is retracted (RULES.md §3, §8). */
class OutputChangesTest {
    private static final RuleSettings KAZ = RuleSettings.defaults("KAZ");
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private record Sent(Topic topic, String key, boolean tombstone) {}

    private final List<Sent> sent = new ArrayList<>();
    private final OutputEncoder encoder = new OutputEncoder();
    private final OutputBuffer buffer =
            new OutputBuffer(encoder, (t, k, v, ts) -> sent.add(new Sent(t, k, v == null)), 100);
    private final OutputChanges changes = new OutputChanges(encoder, buffer);
    private final List<CrossingFact> crossings = new ArrayList<>();
    private Map<String, Long> fingerprints = new LinkedHashMap<>();

    {
        buffer.reset(false);
    }

    private static CrossingFact uzbek(String eventId, Direction direction, LocalDate date) {
        Instant at = date.atTime(LocalTime.of(9, 0)).atZone(ALMATY).toInstant();
        return new CrossingFact(
                eventId,
                "t1",
                "AB 1",
                direction,
                at,
                date,
                "KZ-ALA-AIR",
                "UZB",
                Sex.F,
                LocalDate.of(1990, 1, 1),
                Purpose.TOURISM,
                null);
    }

    private List<Sent> cross(CrossingFact crossing, LocalDate clock) {
        crossings.add(crossing);
        sent.clear();
        Evaluation evaluation = TravellerTimeline.evaluate(null, crossings, clock, KAZ);
        fingerprints = changes.write("t1", fingerprints, evaluation, 0);
        return List.copyOf(sent);
    }

    @Test
    void aFirstEntryWritesItsSpellOutcomeAndStatus() {
        assertThat(cross(uzbek("e1", Direction.ENTRY, LocalDate.of(2025, 3, 1)), LocalDate.of(2025, 3, 1)))
                .containsExactly(
                        new Sent(Topic.SPELLS, "t1:e1", false),
                        new Sent(Topic.CROSSING_OUTCOMES, "e1", false),
                        new Sent(Topic.TRAVELLER_STATUS, "t1", false));
    }

    @Test
    void theSameFactsEvaluatedAtALaterClockWriteNothing() {
        cross(uzbek("e1", Direction.ENTRY, LocalDate.of(2025, 3, 1)), LocalDate.of(2025, 3, 1));
        crossings.remove(0);

        // day 200 of the stay: class, overstay and days used moved with the clock, the facts did not
        assertThat(cross(uzbek("e1", Direction.ENTRY, LocalDate.of(2025, 3, 1)), LocalDate.of(2025, 9, 17)))
                .isEmpty();
    }

    @Test
    void anExitClosesTheStayAndAnOrphanExitExplainedByALateEntryIsRetracted() {
        cross(uzbek("x1", Direction.EXIT, LocalDate.of(2025, 3, 10)), LocalDate.of(2025, 3, 10));
        assertThat(fingerprints).containsKey("QORPHAN_EXIT|x1");

        List<Sent> written = cross(uzbek("e1", Direction.ENTRY, LocalDate.of(2025, 3, 1)), LocalDate.of(2025, 3, 10));

        assertThat(written)
                .contains(
                        new Sent(Topic.SPELLS, "t1:e1", false), new Sent(Topic.QUALITY_EVENTS, "ORPHAN_EXIT:x1", true));
    }

    @Test
    void keepOnlyForgetsPrunedCrossingsButKeepsTheStatus() {
        Map<String, Long> tags = new LinkedHashMap<>(Map.of("S|e1", 1L, "O|e1", 2L, "O|e2", 3L, "T|", 4L));

        OutputChanges.keepOnly(tags, Set.of("e2"));

        assertThat(tags).containsOnlyKeys("O|e2", "T|");
    }
}
