package org.borderflows.simulator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
import org.junit.jupiter.api.Test;

/**
 * The truth's reading of RULES.md §3 "Order": crossings of one traveller at the same instant alternate with the
 * crossing before them (before the first: as if a resident had entered / a non-resident had left), so a
 * same-minute entry and exit never make a broken spell, whatever the delivery order. Event ids sort the pair the
 * wrong way round, so an event-id tie-breaker would break the spell.
 */
class SameInstantOrderTest {
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final String MONDAY_0800 = "2025-03-03T08:00+05:00";

    private final TravellerRules rules = TravellerRules.defaults();

    @Test
    void aFrontierWorkersSameMinuteEntryAndExitMakeOneZeroDayStayInEitherDeliveryOrder() {
        Xing in = xing("d2-in", Direction.ENTRY, "2025-03-02T07:10+05:00");
        Xing out = xing("d2-out", Direction.EXIT, "2025-03-02T17:45+05:00");
        Xing sameMinuteIn = xing("b-in", Direction.ENTRY, MONDAY_0800);
        Xing sameMinuteOut = xing("a-out", Direction.EXIT, MONDAY_0800);
        LocalDate clock = LocalDate.of(2025, 3, 3);

        TravellerRules.Result r = rules.evaluate(List.of(in, out, sameMinuteIn, sameMinuteOut), false, clock);

        assertThat(r.accepted()).extracting(Xing::eventId).containsExactly("d2-in", "d2-out", "b-in", "a-out");
        assertThat(r.spells())
                .extracting(
                        TruthSpell::startEventId, TruthSpell::state, TruthSpell::endEventId, TruthSpell::durationDays)
                .containsExactly(
                        tuple("d2-in", SpellState.CLOSED, "d2-out", 0), tuple("b-in", SpellState.CLOSED, "a-out", 0));
        assertThat(r.brokenSpells()).isZero();
        assertThat(r.orphanExits()).isZero();
        assertThat(rules.evaluate(List.of(sameMinuteOut, sameMinuteIn, out, in), false, clock))
                .isEqualTo(r);
    }

    @Test
    void aResidentsSameMinuteExitAndEntryAfterComingHomeMakeOneZeroDayAbsence() {
        Xing left = xing("x1", Direction.EXIT, "2025-03-01T09:00+05:00");
        Xing back = xing("e1", Direction.ENTRY, "2025-03-02T20:00+05:00");
        Xing sameMinuteOut = xing("b-out", Direction.EXIT, MONDAY_0800);
        Xing sameMinuteIn = xing("a-in", Direction.ENTRY, MONDAY_0800);
        LocalDate clock = LocalDate.of(2025, 3, 3);

        TravellerRules.Result r = rules.evaluate(List.of(left, back, sameMinuteIn, sameMinuteOut), true, clock);

        assertThat(r.spells())
                .extracting(
                        TruthSpell::startEventId, TruthSpell::state, TruthSpell::endEventId, TruthSpell::durationDays)
                .containsExactly(tuple("x1", SpellState.CLOSED, "e1", 1), tuple("b-out", SpellState.CLOSED, "a-in", 0));
        assertThat(r.brokenSpells()).isZero();
        assertThat(rules.evaluate(List.of(sameMinuteOut, back, sameMinuteIn, left), true, clock))
                .isEqualTo(r);
    }

    @Test
    void firstCrossingsAtOneInstantStartWithTheEntryForANonResidentAndTheExitForAResident() {
        Xing in = xing("b-in", Direction.ENTRY, MONDAY_0800);
        Xing out = xing("a-out", Direction.EXIT, MONDAY_0800);
        LocalDate clock = LocalDate.of(2025, 3, 3);

        assertThat(rules.evaluate(List.of(out, in), false, clock).accepted())
                .extracting(Xing::eventId)
                .containsExactly("b-in", "a-out");
        assertThat(rules.evaluate(List.of(in, out), true, clock).accepted())
                .extracting(Xing::eventId)
                .containsExactly("a-out", "b-in");
        assertThat(rules.evaluate(List.of(in, out), false, clock).orphanExits()).isZero();
    }

    @Test
    void fourCrossingsAtOneInstantAlternateThroughout() {
        Xing out = xing("d2-out", Direction.EXIT, "2025-03-02T17:45+05:00");
        Xing in1 = xing("c", Direction.ENTRY, MONDAY_0800, "K-1");
        Xing in2 = xing("d", Direction.ENTRY, MONDAY_0800, "K-2");
        Xing out1 = xing("a", Direction.EXIT, MONDAY_0800, "K-1");
        Xing out2 = xing("b", Direction.EXIT, MONDAY_0800, "K-2");
        Xing in3 = xing("e", Direction.ENTRY, MONDAY_0800, "K-3");

        TravellerRules.Result r =
                rules.evaluate(List.of(out, in1, in2, out1, out2, in3), false, LocalDate.of(2025, 3, 10));

        // after the exit of 2 March: entries c, d, e and exits a, b, each direction by event id
        assertThat(r.accepted()).extracting(Xing::eventId).containsExactly("d2-out", "c", "a", "d", "b", "e");
        assertThat(r.brokenSpells()).isZero();
        assertThat(r.spells())
                .extracting(TruthSpell::startEventId, TruthSpell::state)
                .containsExactly(
                        tuple("c", SpellState.CLOSED), tuple("d", SpellState.CLOSED), tuple("e", SpellState.OPEN));
    }

    @Test
    void twelveSixteenOutcomesOfASameMinuteExitAndEntryFollowExitThenEntry() {
        // in the country since 10 January 2024, out and back in at the same minute on 3 March 2025, gone 1 September
        Xing arrived = xing("e-2024", Direction.ENTRY, "2024-01-10T10:00+06:00");
        Xing visaRunIn = xing("a-in", Direction.ENTRY, MONDAY_0800);
        Xing visaRunOut = xing("b-out", Direction.EXIT, MONDAY_0800);
        Xing left = xing("x-2025", Direction.EXIT, "2025-09-01T10:00+05:00");
        LocalDate clock = LocalDate.of(2025, 9, 1);

        TravellerRules.Result r = rules.evaluate(List.of(arrived, visaRunIn, visaRunOut, left), false, clock);

        assertThat(r.outcomes())
                .extracting(Outcome::eventId, Outcome::residentAfter, Outcome::longTermMigration, Outcome::finalDate)
                .startsWith(
                        tuple("e-2024", true, true, LocalDate.of(2025, 1, 9)),
                        tuple("b-out", true, false, LocalDate.of(2025, 7, 3)));
        assertThat(r.outcomes().get(3))
                .extracting(Outcome::eventId, Outcome::residentAfter, Outcome::longTermMigration, Outcome::finalDate)
                .containsExactly("x-2025", false, true, LocalDate.of(2026, 9, 1));
        assertThat(rules.evaluate(List.of(left, visaRunOut, visaRunIn, arrived), false, clock))
                .isEqualTo(r);
    }

    @Test
    void theOrderDependsOnlyOnTheSetOfCrossings() {
        Random random = new Random(20250303L);
        for (int n = 0; n < 300; n++) {
            boolean resident = random.nextBoolean();
            List<Xing> crossings = new ArrayList<>();
            OffsetDateTime at = OffsetDateTime.parse("2025-01-06T08:00+05:00");
            for (int g = 1 + random.nextInt(6); g > 0; g--) {
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    Direction d = random.nextBoolean() ? Direction.ENTRY : Direction.EXIT;
                    crossings.add(xing("c" + crossings.size(), d, at.toString(), "K-" + crossings.size()));
                }
                at = at.plusMinutes(random.nextInt(3) == 0 ? 1 : 60 * 24 * random.nextInt(40));
            }
            TravellerRules.Result expected = rules.evaluate(crossings, resident, LocalDate.of(2026, 6, 30));
            for (int k = 0; k < 10; k++) {
                List<Xing> delivered = new ArrayList<>(crossings);
                Collections.shuffle(delivered, random);
                assertThat(rules.evaluate(delivered, resident, LocalDate.of(2026, 6, 30)))
                        .as("itinerary %d delivered as %s", n, delivered)
                        .isEqualTo(expected);
            }
        }
    }

    private static Xing xing(String eventId, Direction direction, String instant) {
        return xing(eventId, direction, instant, null);
    }

    private static Xing xing(String eventId, Direction direction, String instant, String card) {
        OffsetDateTime at = OffsetDateTime.parse(instant);
        return new Xing(
                eventId,
                direction,
                at.toInstant(),
                at.atZoneSameInstant(ALMATY).toLocalDate(),
                "KZ-ZHB-ROAD",
                Purpose.WORK,
                card);
    }
}
