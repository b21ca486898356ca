package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.ResidenceStatus;
import org.borderflows.schema.Spell;
import org.junit.jupiter.api.Test;

/**
 * Spells of a frontier (border) worker, docs/rules.md §4a: a closed spell is marked when at least 4 commuting spells
 * (WORK, at most 7 days) end in the 30 days up to its end; the first marked spell of each calendar month counts the
 * worker in the border-workers dataset. The itineraries are the worked examples of §4a.
 */
class BorderWorkerSpellsTest {

    private final Traveller worker = Traveller.foreigner().purpose(Purpose.WORK);
    private final List<CrossingFact> crossings = new ArrayList<>();
    private int event;

    /** Enters on {@code in}, leaves on {@code out}. */
    private void stay(Traveller who, LocalDate in, LocalDate out) {
        crossings.add(who.entry("e" + event++, in));
        crossings.add(who.exit("e" + event++, out));
    }

    private void dailyCommutes(LocalDate from, LocalDate to) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                stay(worker, d, d);
            }
        }
    }

    private Spell spellEnding(LocalDate end) {
        return spellEnding(end, end);
    }

    private Spell spellEnding(LocalDate end, LocalDate clock) {
        return TravellerTimeline.evaluate(null, crossings, clock, Traveller.KAZ).spells().stream()
                .filter(s -> end.equals(s.getEndDate()))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void aDailyCommuterIsABorderWorkerFromTheFourthSpellOn() {
        // Monday 5 to Friday 9 January 2026, in at 08:00 and out the same day (d = 0)
        dailyCommutes(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 9));

        assertThat(spellEnding(LocalDate.of(2026, 1, 7)).getBorderWorker())
                .as("third spell")
                .isFalse();
        Spell thursday = spellEnding(LocalDate.of(2026, 1, 8));
        assertThat(thursday.getBorderWorker())
                .as("fourth spell, Thursday 8 January")
                .isTrue();
        assertThat(thursday.getFirstBorderWorkerSpellOfMonth()).isTrue();
        Spell friday = spellEnding(LocalDate.of(2026, 1, 9));
        assertThat(friday.getBorderWorker()).isTrue();
        assertThat(friday.getFirstBorderWorkerSpellOfMonth())
                .as("January already counted")
                .isFalse();
        // the class of the stay itself does not change: a 0-day VISIT, counted apart by readers
        assertThat(friday.getDurationClass().name()).isEqualTo("VISIT");
    }

    @Test
    void aWeeklyCommuterIsABorderWorkerOnTheFourthFriday() {
        // Monday to Friday (d = 4) in the weeks of 5, 12, 19 and 26 January 2026
        for (int week = 0; week < 4; week++) {
            LocalDate monday = LocalDate.of(2026, 1, 5).plusWeeks(week);
            stay(worker, monday, monday.plusDays(4));
        }

        assertThat(spellEnding(LocalDate.of(2026, 1, 23)).getBorderWorker())
                .as("third Friday")
                .isFalse();
        Spell fourth = spellEnding(LocalDate.of(2026, 1, 30));
        assertThat(fourth.getBorderWorker())
                .as("Friday 30 January: 9, 16, 23, 30 in 1..30 January")
                .isTrue();
        assertThat(fourth.getFirstBorderWorkerSpellOfMonth()).isTrue();
    }

    @Test
    void touristsAndLongerWorkStaysAreNotCommuting() {
        Traveller tourist = Traveller.foreigner().purpose(Purpose.TOURISM);
        for (int week = 0; week < 4; week++) {
            LocalDate monday = LocalDate.of(2026, 1, 5).plusWeeks(week);
            stay(tourist, monday, monday.plusDays(3));
        }
        assertThat(spellEnding(LocalDate.of(2026, 1, 29)).getBorderWorker())
                .as("TOURISM")
                .isFalse();

        crossings.clear();
        // WORK stays of 8 days (one over the limit), four of them in 30 days... cannot fit: three, then a 7-day one
        stay(worker, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 9));
        stay(worker, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 18));
        stay(worker, LocalDate.of(2026, 1, 19), LocalDate.of(2026, 1, 27));
        stay(worker, LocalDate.of(2026, 1, 28), LocalDate.of(2026, 1, 30));
        assertThat(spellEnding(LocalDate.of(2026, 1, 30)).getBorderWorker())
                .as("8-day stays are not commuting: one commuting spell in the window")
                .isFalse();
    }

    @Test
    void aWorkerWhoStopsIsOneUntilFewerThanFourCommutesEndInTheWindow() {
        // every weekday from Monday 2 February to Friday 27 February 2026, then nothing until a trip in March
        dailyCommutes(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 27));
        Traveller tourist = worker.purpose(Purpose.TOURISM);
        stay(tourist, LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 25));

        Spell march = spellEnding(LocalDate.of(2026, 3, 25));
        assertThat(march.getBorderWorker())
                .as("Wednesday 25 March: 24, 25, 26, 27 February end in 24 February ... 25 March")
                .isTrue();
        assertThat(march.getFirstBorderWorkerSpellOfMonth())
                .as("the first of March")
                .isTrue();

        crossings.remove(crossings.size() - 1);
        crossings.add(tourist.exit("e-late", LocalDate.of(2026, 3, 26)));
        assertThat(spellEnding(LocalDate.of(2026, 3, 26)).getBorderWorker())
                .as("Thursday 26 March: only 25, 26, 27 February in 25 February ... 26 March")
                .isFalse();
    }

    @Test
    void openSpellsAreNeverMarked() {
        dailyCommutes(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 9));
        crossings.add(worker.entry("e-open", LocalDate.of(2026, 1, 12)));

        Spell open =
                TravellerTimeline.evaluate(null, crossings, LocalDate.of(2026, 1, 12), Traveller.KAZ).spells().stream()
                        .filter(s -> s.getEndDate() == null)
                        .findFirst()
                        .orElseThrow();
        assertThat(open.getBorderWorker()).isFalse();
    }

    @Test
    void theMarksSurvivePruningThroughTheCarry() {
        // daily commutes from Monday 2 March to Friday 30 October 2026, pruned on 30 October with a 30-day horizon:
        // the spring's 12/16 reviews are decided (final) and dropped, and the first kept spell's window must still
        // see the commutes that ended in the 29 days before it
        dailyCommutes(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 10, 30));
        LocalDate clock = LocalDate.of(2026, 10, 30);
        TravellerTimeline.Pruned pruned = TravellerTimeline.prune(null, crossings, clock, Traveller.KAZ, 30);
        TravellerCarry carry = TravellerCarry.fromBytes(pruned.carry().toBytes());
        LocalDate firstKept = pruned.kept().get(0).date();

        assertThat(firstKept).as("the spring is dropped, up to Friday 29 May").isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(carry.commutingEnds())
                .as("the weekdays Monday 4 ... Friday 29 May, in the window of 1 June (3 May ... 1 June)")
                .hasSize(20)
                .startsWith(LocalDate.of(2026, 5, 4))
                .endsWith(LocalDate.of(2026, 5, 29));
        assertThat(carry.lastBorderWorkerEnd()).isEqualTo(LocalDate.of(2026, 5, 29));

        List<Spell> fromCarry = TravellerTimeline.evaluate(carry, pruned.kept(), clock, Traveller.KAZ)
                .spells();
        assertThat(fromCarry).allMatch(Spell::getBorderWorker);
        assertThat(fromCarry.get(0).getFirstBorderWorkerSpellOfMonth())
                .as("the first of June")
                .isTrue();
        assertThat(fromCarry.get(1).getFirstBorderWorkerSpellOfMonth()).isFalse();
        assertThat(fromCarry)
                .isEqualTo(TravellerTimeline.evaluate(null, crossings, clock, Traveller.KAZ).spells().stream()
                        .filter(s -> !s.getStartDate().isBefore(firstKept))
                        .toList());
    }

    @Test
    void aCarryWrittenBeforeTheFrontierWorkerComponentsIsReadWithNone() {
        // format 1: status RESIDENT (ordinal 0), no final date, no presence, no return final dates
        byte[] format1 = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        TravellerCarry carry = TravellerCarry.fromBytes(format1);
        assertThat(carry.status()).isEqualTo(ResidenceStatus.RESIDENT);
        assertThat(carry.commutingEnds()).isEmpty();
        assertThat(carry.lastBorderWorkerEnd()).isNull();
    }
}
