package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.borderflows.schema.ResidenceStatus.NON_RESIDENT;
import static org.borderflows.schema.ResidenceStatus.RESIDENT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.QualityIssue;
import org.borderflows.schema.Spell;
import org.borderflows.schema.SpellKind;
import org.borderflows.schema.SpellState;
import org.junit.jupiter.api.Test;

/**
 * Crossings of one traveller at the same instant (RULES.md §3 "Order"): they alternate with the crossing before
 * them (before the first crossing: as if a resident had entered, a non-resident had left), so a same-minute entry
 * and exit never make a broken spell, whatever the order of delivery. Event ids are chosen so that ordering by
 * event id would put the pair the wrong way round.
 */
class SameInstantOrderTest {

    private static final OffsetDateTime MONDAY_0800 = OffsetDateTime.parse("2025-03-03T08:00+05:00");

    private final Traveller frontierWorker =
            Traveller.foreigner().purpose(Purpose.WORK).card(null).at("KZ-ZHB-ROAD");
    private final Traveller citizen = Traveller.citizen();

    @Test
    void aFrontierWorkersSameMinuteEntryAndExitMakeOneZeroDayStayInEitherDeliveryOrder() {
        CrossingFact in = frontierWorker.crossing("d2-in", Direction.ENTRY, at("2025-03-02T07:10+05:00"));
        CrossingFact out = frontierWorker.crossing("d2-out", Direction.EXIT, at("2025-03-02T17:45+05:00"));
        CrossingFact sameMinuteIn = frontierWorker.crossing("b-in", Direction.ENTRY, MONDAY_0800);
        CrossingFact sameMinuteOut = frontierWorker.crossing("a-out", Direction.EXIT, MONDAY_0800);
        LocalDate clock = LocalDate.of(2025, 3, 3);

        Evaluation e = evaluate(clock, in, out, sameMinuteIn, sameMinuteOut);

        assertThat(e.spells())
                .extracting(Spell::getSpellId, Spell::getState, Spell::getEndEventId, Spell::getDurationDays)
                .containsExactly(
                        tuple("uzb-traveller:d2-in", SpellState.CLOSED, "d2-out", 0),
                        tuple("uzb-traveller:b-in", SpellState.CLOSED, "a-out", 0));
        assertThat(e.findings()).isEmpty();
        assertThat(e.outcomes())
                .extracting(CrossingOutcome::getEventId)
                .containsExactly("d2-in", "d2-out", "b-in", "a-out");
        assertThat(evaluate(clock, sameMinuteOut, sameMinuteIn, out, in)).isEqualTo(e);
    }

    @Test
    void aResidentsSameMinuteExitAndEntryAfterComingHomeMakeOneZeroDayAbsence() {
        CrossingFact left = citizen.crossing("x1", Direction.EXIT, at("2025-03-01T09:00+05:00"));
        CrossingFact back = citizen.crossing("e1", Direction.ENTRY, at("2025-03-02T20:00+05:00"));
        CrossingFact sameMinuteOut = citizen.crossing("b-out", Direction.EXIT, MONDAY_0800);
        CrossingFact sameMinuteIn = citizen.crossing("a-in", Direction.ENTRY, MONDAY_0800);
        LocalDate clock = LocalDate.of(2025, 3, 3);

        Evaluation e = evaluate(clock, left, back, sameMinuteIn, sameMinuteOut);

        assertThat(e.spells())
                .extracting(Spell::getKind, Spell::getStartEventId, Spell::getState, Spell::getDurationDays)
                .containsExactly(
                        tuple(SpellKind.ABSENCE, "x1", SpellState.CLOSED, 1),
                        tuple(SpellKind.ABSENCE, "b-out", SpellState.CLOSED, 0));
        assertThat(e.spells().get(1).getEndEventId()).isEqualTo("a-in");
        assertThat(e.findings()).isEmpty();
        assertThat(evaluate(clock, sameMinuteOut, back, sameMinuteIn, left)).isEqualTo(e);
    }

    @Test
    void aNonResidentsFirstCrossingsAtOneInstantStartWithTheEntry() {
        // before the first crossing a non-resident counts as having left, so the entry comes first
        CrossingFact in = frontierWorker.crossing("b-in", Direction.ENTRY, MONDAY_0800);
        CrossingFact out = frontierWorker.crossing("a-out", Direction.EXIT, MONDAY_0800);

        Evaluation e = evaluate(LocalDate.of(2025, 3, 3), out, in);

        assertThat(e.spells())
                .extracting(Spell::getStartEventId, Spell::getState, Spell::getEndEventId, Spell::getDurationDays)
                .containsExactly(tuple("b-in", SpellState.CLOSED, "a-out", 0));
        assertThat(e.findings()).isEmpty();
        assertThat(evaluate(LocalDate.of(2025, 3, 3), in, out)).isEqualTo(e);
    }

    @Test
    void aResidentsFirstCrossingsAtOneInstantStartWithTheExit() {
        // before the first crossing a resident counts as having entered, so the exit comes first
        CrossingFact out = citizen.crossing("b-out", Direction.EXIT, MONDAY_0800);
        CrossingFact in = citizen.crossing("a-in", Direction.ENTRY, MONDAY_0800);

        Evaluation e = evaluate(LocalDate.of(2025, 3, 3), in, out);

        assertThat(e.spells())
                .extracting(Spell::getStartEventId, Spell::getState, Spell::getEndEventId, Spell::getDurationDays)
                .containsExactly(tuple("b-out", SpellState.CLOSED, "a-in", 0));
        assertThat(e.findings()).isEmpty();
        assertThat(evaluate(LocalDate.of(2025, 3, 3), out, in)).isEqualTo(e);
    }

    @Test
    void fourCrossingsAtOneInstantAlternateThroughoutInEveryDeliveryOrder() {
        CrossingFact in = frontierWorker.crossing("d2-in", Direction.ENTRY, at("2025-03-02T07:10+05:00"));
        CrossingFact out = frontierWorker.crossing("d2-out", Direction.EXIT, at("2025-03-02T17:45+05:00"));
        CrossingFact in1 = frontierWorker.card("K-1").crossing("c", Direction.ENTRY, MONDAY_0800);
        CrossingFact in2 = frontierWorker.card("K-2").crossing("d", Direction.ENTRY, MONDAY_0800);
        CrossingFact out1 = frontierWorker.card("K-1").crossing("a", Direction.EXIT, MONDAY_0800);
        CrossingFact out2 = frontierWorker.card("K-2").crossing("b", Direction.EXIT, MONDAY_0800);
        LocalDate clock = LocalDate.of(2025, 3, 3);

        Evaluation e = evaluate(clock, in, out, in1, in2, out1, out2);

        // entries c, d and exits a, b, each direction by event id: c, a, d, b
        assertThat(e.spells())
                .extracting(Spell::getStartEventId, Spell::getState, Spell::getEndEventId, Spell::getDurationDays)
                .containsExactly(
                        tuple("d2-in", SpellState.CLOSED, "d2-out", 0),
                        tuple("c", SpellState.CLOSED, "a", 0),
                        tuple("d", SpellState.CLOSED, "b", 0));
        assertThat(e.findings()).isEmpty();
        for (List<CrossingFact> delivery : permutations(List.of(in, out, in1, in2, out1, out2))) {
            assertThat(TravellerTimeline.evaluate(null, delivery, clock, Traveller.KAZ))
                    .as("delivered as %s", delivery)
                    .isEqualTo(e);
        }
    }

    @Test
    void aGroupWithOneEntryMoreEndsWithAnOpenStayAndNoBrokenSpell() {
        CrossingFact out = frontierWorker.crossing("d2-out", Direction.EXIT, at("2025-03-02T17:45+05:00"));
        CrossingFact in1 = frontierWorker.card("K-1").crossing("c", Direction.ENTRY, MONDAY_0800);
        CrossingFact in2 = frontierWorker.card("K-2").crossing("d", Direction.ENTRY, MONDAY_0800);
        CrossingFact out1 = frontierWorker.card("K-1").crossing("a", Direction.EXIT, MONDAY_0800);
        LocalDate clock = LocalDate.of(2025, 3, 10);

        Evaluation e = evaluate(clock, out, in1, in2, out1);

        // after the exit of 2 March: entry c, exit a, entry d
        assertThat(e.spells())
                .extracting(Spell::getStartEventId, Spell::getState, Spell::getEndEventId, Spell::getDurationDays)
                .containsExactly(tuple("c", SpellState.CLOSED, "a", 0), tuple("d", SpellState.OPEN, null, 7));
        assertThat(e.findings())
                .extracting(f -> f.getIssue(), f -> f.getEventId())
                .containsExactly(tuple(QualityIssue.ORPHAN_EXIT, "d2-out"));
        for (List<CrossingFact> delivery : permutations(List.of(out, in1, in2, out1))) {
            assertThat(TravellerTimeline.evaluate(null, delivery, clock, Traveller.KAZ))
                    .as("delivered as %s", delivery)
                    .isEqualTo(e);
        }
    }

    @Test
    void aDuplicateOfASameMinuteCrossingIsCountedOnceAndTheOrderStands() {
        CrossingFact in = frontierWorker.crossing("b-in", Direction.ENTRY, MONDAY_0800);
        CrossingFact out = frontierWorker.crossing("a-out", Direction.EXIT, MONDAY_0800);
        CrossingFact outResent = OrderAndDuplicatesPropertyTest.copyWithEventId(out, "0-out-resent");

        Evaluation e = evaluate(LocalDate.of(2025, 3, 3), outResent, out, in, out);

        // the copies of the exit count once (§3): one exit, after the entry; the first copy is the earliest id
        assertThat(e.spells())
                .extracting(Spell::getStartEventId, Spell::getState, Spell::getEndEventId)
                .containsExactly(tuple("b-in", SpellState.CLOSED, "0-out-resent"));
        assertThat(e.findings())
                .extracting(f -> f.getIssue(), f -> f.getEventId(), f -> f.getOccurrences())
                .containsExactly(tuple(QualityIssue.DUPLICATE, "0-out-resent", 2));
        assertThat(evaluate(LocalDate.of(2025, 3, 3), in, out, out, outResent)).isEqualTo(e);
    }

    /**
     * A labour migrant who has lived in the country since 10 January 2024 leaves and re-enters at the same minute
     * on 3 March 2025 (a land border's visa run) and leaves on 1 September 2025: the 12/16 walk (§5) sees exit then
     * entry, in both delivery orders.
     */
    @Test
    void twelveSixteenOutcomesOfASameMinuteExitAndEntryAreTheSameInBothDeliveryOrders() {
        Traveller migrant = Traveller.foreigner().purpose(Purpose.WORK);
        CrossingFact arrived = migrant.crossing("e-2024", Direction.ENTRY, at("2024-01-10T10:00+06:00"));
        CrossingFact visaRunIn = migrant.crossing("a-in", Direction.ENTRY, MONDAY_0800);
        CrossingFact visaRunOut = migrant.crossing("b-out", Direction.EXIT, MONDAY_0800);
        CrossingFact left = migrant.crossing("x-2025", Direction.EXIT, at("2025-09-01T10:00+05:00"));
        LocalDate clock = LocalDate.of(2025, 9, 1);

        Evaluation e = evaluate(clock, arrived, visaRunIn, visaRunOut, left);

        assertThat(e.outcomes())
                .extracting(CrossingOutcome::getEventId)
                .containsExactly("e-2024", "b-out", "a-in", "x-2025");
        Map<String, CrossingOutcome> byEvent = byEvent(e.outcomes());
        // 418 days in (10 Jan 2024 to 3 Mar 2025) >= T: a long-term arrival, final 10 Jan 2024 + 365
        assertThat(outcome(byEvent.get("e-2024")))
                .isEqualTo(tuple(NON_RESIDENT, RESIDENT, true, LocalDate.of(2025, 1, 9)));
        // 0 days out, then 182 days back > N: no long-term departure, final 3 Mar 2025 + 122 + 0
        assertThat(outcome(byEvent.get("b-out"))).isEqualTo(tuple(RESIDENT, RESIDENT, false, LocalDate.of(2025, 7, 3)));
        assertThat(byEvent.get("a-in").getLongTermMigration()).isFalse();
        // the last crossing's spell counts as W: a long-term departure, final 1 Sep 2025 + 365
        assertThat(outcome(byEvent.get("x-2025")))
                .isEqualTo(tuple(RESIDENT, NON_RESIDENT, true, LocalDate.of(2026, 9, 1)));
        assertThat(e.spells())
                .extracting(Spell::getStartEventId, Spell::getState, Spell::getDurationDays)
                .containsExactly(tuple("e-2024", SpellState.CLOSED, 418), tuple("a-in", SpellState.CLOSED, 182));
        assertThat(e.findings()).isEmpty();
        assertThat(evaluate(clock, left, visaRunOut, visaRunIn, arrived)).isEqualTo(e);
    }

    /** Random itineraries where crossings share instants: the evaluation depends only on the set of crossings. */
    @Test
    void sameInstantGroupsGiveTheSameEvaluationInAnyDeliveryOrder() {
        Random random = new Random(20250303L);
        for (int n = 0; n < 500; n++) {
            Traveller traveller = random.nextInt(3) == 0 ? Traveller.citizen() : Traveller.foreigner();
            List<CrossingFact> crossings = new ArrayList<>();
            OffsetDateTime instant = at("2025-01-06T08:00+05:00");
            int groups = 1 + random.nextInt(6);
            for (int g = 0; g < groups; g++) {
                int size = 1 + random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    Direction direction = random.nextBoolean() ? Direction.ENTRY : Direction.EXIT;
                    String id = "c" + random.nextInt(1000);
                    crossings.add(traveller.card("K-" + g + "-" + i).crossing(id, direction, instant));
                }
                instant = instant.plusMinutes(random.nextInt(3) == 0 ? 1 : 60 * 24 * random.nextInt(40));
            }
            LocalDate clock = LocalDate.of(2026, 6, 30);
            Evaluation expected = TravellerTimeline.evaluate(null, crossings, clock, Traveller.KAZ);
            for (int k = 0; k < 10; k++) {
                List<CrossingFact> delivered = new ArrayList<>(crossings);
                Collections.shuffle(delivered, random);
                assertThat(TravellerTimeline.evaluate(null, delivered, clock, Traveller.KAZ))
                        .as("itinerary %d delivered as %s", n, delivered)
                        .isEqualTo(expected);
            }
        }
    }

    private static Evaluation evaluate(LocalDate clock, CrossingFact... delivered) {
        return Traveller.evaluate(clock, delivered);
    }

    private static OffsetDateTime at(String instant) {
        return OffsetDateTime.parse(instant);
    }

    private static Map<String, CrossingOutcome> byEvent(List<CrossingOutcome> outcomes) {
        return outcomes.stream().collect(Collectors.toMap(CrossingOutcome::getEventId, Function.identity()));
    }

    private static org.assertj.core.groups.Tuple outcome(CrossingOutcome o) {
        return tuple(o.getStatusBefore(), o.getStatusAfter(), o.getLongTermMigration(), o.getFinalDate());
    }

    private static List<List<CrossingFact>> permutations(List<CrossingFact> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<CrossingFact>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<CrossingFact> rest = new ArrayList<>(items);
            CrossingFact head = rest.remove(i);
            for (List<CrossingFact> tail : permutations(rest)) {
                List<CrossingFact> p = new ArrayList<>();
                p.add(head);
                p.addAll(tail);
                all.add(p);
            }
        }
        return all;
    }
}
