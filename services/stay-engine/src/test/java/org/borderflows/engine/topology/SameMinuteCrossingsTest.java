package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.borderflows.engine.topology.EngineDriver.at;
import static org.borderflows.engine.topology.EngineDriver.crossing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.borderflows.platform.Topic;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.ResidenceStatus;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellState;
import org.junit.jupiter.api.Test;

/**
 * Same-minute entry and exit pairs through the engine (RULES.md §3 "Order"): crossings of one traveller at the same
 * instant alternate with the crossing before them, so whichever half of a pair arrives first, the engine ends with
 * the same spells, 12/16 outcomes and findings, and no broken spell. Event ids sort each pair the wrong way round,
 * so an event-id tie-breaker would break the spell.
 */
class SameMinuteCrossingsTest {
    private static final LocalDate SUNDAY = LocalDate.of(2025, 3, 2);
    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);
    private static final LocalTime EIGHT = LocalTime.of(8, 0);

    /** A frontier worker from Uzbekistan: in and out on Sunday 2 March, then in and out at 08:00 on 3 March. */
    private static final Crossing FW_IN =
            at(crossing("fw", "fw-d2-in", Direction.ENTRY, SUNDAY, "UZB", Purpose.WORK), LocalTime.of(7, 10));

    private static final Crossing FW_OUT =
            at(crossing("fw", "fw-d2-out", Direction.EXIT, SUNDAY, "UZB", Purpose.WORK), LocalTime.of(17, 45));
    private static final Crossing FW_PAIR_IN =
            at(crossing("fw", "fw-b-in", Direction.ENTRY, MONDAY, "UZB", Purpose.WORK), EIGHT);
    private static final Crossing FW_PAIR_OUT =
            at(crossing("fw", "fw-a-out", Direction.EXIT, MONDAY, "UZB", Purpose.WORK), EIGHT);

    /** A citizen back home on 2 March who leaves and re-enters at 08:00 on 3 March. */
    private static final Crossing RS_OUT = at(
            crossing("rs", "rs-x1", Direction.EXIT, LocalDate.of(2025, 3, 1), "KAZ", Purpose.TOURISM),
            LocalTime.of(9, 0));

    private static final Crossing RS_IN =
            at(crossing("rs", "rs-e1", Direction.ENTRY, SUNDAY, "KAZ", Purpose.TOURISM), LocalTime.of(20, 0));
    private static final Crossing RS_PAIR_OUT =
            at(crossing("rs", "rs-b-out", Direction.EXIT, MONDAY, "KAZ", Purpose.TOURISM), EIGHT);
    private static final Crossing RS_PAIR_IN =
            at(crossing("rs", "rs-a-in", Direction.ENTRY, MONDAY, "KAZ", Purpose.TOURISM), EIGHT);

    /** A labour migrant in since 10 January 2024, out and back in at 08:00 on 3 March 2025 (a visa run). */
    private static final Crossing LM_IN =
            crossing("lm", "lm-e-2024", Direction.ENTRY, LocalDate.of(2024, 1, 10), "UZB", Purpose.WORK);

    private static final Crossing LM_PAIR_IN =
            at(crossing("lm", "lm-a-in", Direction.ENTRY, MONDAY, "UZB", Purpose.WORK), EIGHT);
    private static final Crossing LM_PAIR_OUT =
            at(crossing("lm", "lm-b-out", Direction.EXIT, MONDAY, "UZB", Purpose.WORK), EIGHT);

    /** Compared without asOf and the other fields that only follow the clock ({@link Normalised}). */
    @Test
    void sameMinutePairsDeliveredInEitherOrderGiveTheSameSpellsOutcomesAndFindings() {
        Map<Topic, Map<String, Object>> pairInFirst = finalTopics(
                FW_IN,
                FW_OUT,
                FW_PAIR_IN,
                FW_PAIR_OUT,
                RS_OUT,
                RS_IN,
                RS_PAIR_IN,
                RS_PAIR_OUT,
                LM_IN,
                LM_PAIR_IN,
                LM_PAIR_OUT);
        Map<Topic, Map<String, Object>> pairOutFirst = finalTopics(
                FW_IN,
                FW_OUT,
                FW_PAIR_OUT,
                FW_PAIR_IN,
                RS_OUT,
                RS_IN,
                RS_PAIR_OUT,
                RS_PAIR_IN,
                LM_IN,
                LM_PAIR_OUT,
                LM_PAIR_IN);

        assertThat(pairOutFirst).isEqualTo(pairInFirst);
    }

    @Test
    void aFrontierWorkersSameMinutePairIsAZeroDayStay() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(FW_IN, FW_OUT, FW_PAIR_OUT, FW_PAIR_IN);

            assertThat(engine.<Spell>table(Topic.SPELLS).values())
                    .extracting(Spell::getStartEventId, Spell::getState, Spell::getEndEventId, Spell::getDurationDays)
                    .containsExactlyInAnyOrder(
                            tuple("fw-d2-in", SpellState.CLOSED, "fw-d2-out", 0),
                            tuple("fw-b-in", SpellState.CLOSED, "fw-a-out", 0));
            assertThat(engine.<QualityEvent>table(Topic.QUALITY_EVENTS)).isEmpty();
        }
    }

    @Test
    void aResidentsSameMinutePairIsAZeroDayAbsence() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(RS_OUT, RS_IN, RS_PAIR_IN, RS_PAIR_OUT);

            assertThat(engine.<Spell>table(Topic.SPELLS).values())
                    .extracting(Spell::getStartEventId, Spell::getState, Spell::getEndEventId, Spell::getDurationDays)
                    .containsExactlyInAnyOrder(
                            tuple("rs-x1", SpellState.CLOSED, "rs-e1", 1),
                            tuple("rs-b-out", SpellState.CLOSED, "rs-a-in", 0));
            assertThat(engine.<QualityEvent>table(Topic.QUALITY_EVENTS)).isEmpty();
        }
    }

    @Test
    void aVisaRunAtOneMinuteLeavesTheLongTermArrivalStandingAndIsNoDeparture() {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(LM_IN, LM_PAIR_IN, LM_PAIR_OUT);

            Map<String, CrossingOutcome> outcomes = engine.table(Topic.CROSSING_OUTCOMES);
            // 418 days in (10 Jan 2024 to 3 Mar 2025) >= 365: a long-term arrival, final 10 Jan 2024 + 365
            assertThat(outcomes.get("lm-e-2024"))
                    .extracting(
                            CrossingOutcome::getStatusAfter,
                            CrossingOutcome::getLongTermMigration,
                            CrossingOutcome::getFinalDate)
                    .containsExactly(ResidenceStatus.RESIDENT, true, LocalDate.of(2025, 1, 9));
            // out and back in at once: no long-term departure, the traveller stays resident
            assertThat(outcomes.get("lm-b-out").getLongTermMigration()).isFalse();
            assertThat(outcomes.get("lm-a-in").getStatusAfter()).isEqualTo(ResidenceStatus.RESIDENT);
            assertThat(engine.<Spell>table(Topic.SPELLS).values())
                    .extracting(Spell::getStartEventId, Spell::getState, Spell::getEndEventId)
                    .containsExactlyInAnyOrder(
                            tuple("lm-e-2024", SpellState.CLOSED, "lm-b-out"), tuple("lm-a-in", SpellState.OPEN, null));
            assertThat(engine.<QualityEvent>table(Topic.QUALITY_EVENTS)).isEmpty();
        }
    }

    private static Map<Topic, Map<String, Object>> finalTopics(Crossing... delivery) {
        try (EngineDriver engine = new EngineDriver()) {
            engine.send(delivery);
            Map<Topic, Map<String, Object>> out = new TreeMap<>();
            for (Topic topic :
                    List.of(Topic.SPELLS, Topic.CROSSING_OUTCOMES, Topic.TRAVELLER_STATUS, Topic.QUALITY_EVENTS)) {
                Map<String, Object> table = new TreeMap<>();
                engine.<Object>table(topic).forEach((k, v) -> table.put(k, Normalised.of(v)));
                out.put(topic, table);
            }
            return out;
        }
    }
}
