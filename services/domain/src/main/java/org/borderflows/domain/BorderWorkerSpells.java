package org.borderflows.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.schema.SpellState;

/**
 * Which closed spells end on a day their traveller is a frontier (border) worker (docs/rules.md §4a), and which of
 * those is the traveller's first one ending in its calendar month. Both are facts of the crossings: a spell's marks
 * change only when a crossing in its window does (RULES.md §8).
 */
final class BorderWorkerSpells {

    /** The marks of one closed spell. */
    record Marks(boolean borderWorker, boolean firstOfMonth) {
        static final Marks NONE = new Marks(false, false);
    }

    private final Map<String, Marks> byStart;

    /** The marks of {@code spells} (in crossing order), with what pruned spells left in {@code carry}. */
    BorderWorkerSpells(List<SpellMatcher.Draft> spells, TravellerCarry carry, BorderWorkerRule rule) {
        List<LocalDate> commutingEnds = new ArrayList<>(carry == null ? List.of() : carry.commutingEnds());
        for (SpellMatcher.Draft spell : spells) {
            if (spell.state() == SpellState.CLOSED && commuting(spell, rule)) {
                commutingEnds.add(spell.end().date());
            }
        }
        commutingEnds.sort(null);
        this.byStart = new HashMap<>();
        LocalDate lastMarked = carry == null ? null : carry.lastBorderWorkerEnd();
        // closed spells end in order: the window slides over the sorted ends (a commuter keeps months of spells)
        int from = 0;
        int to = 0;
        for (SpellMatcher.Draft spell : spells) {
            if (spell.state() != SpellState.CLOSED) {
                continue;
            }
            LocalDate end = spell.end().date();
            while (to < commutingEnds.size() && !commutingEnds.get(to).isAfter(end)) {
                to++;
            }
            LocalDate first = rule.windowStart(end);
            while (from < to && commutingEnds.get(from).isBefore(first)) {
                from++;
            }
            if (to - from >= rule.minReturns()) {
                boolean firstOfMonth =
                        lastMarked == null || !YearMonth.from(lastMarked).equals(YearMonth.from(end));
                byStart.put(spell.start().eventId(), new Marks(true, firstOfMonth));
                lastMarked = end;
            }
        }
    }

    private static boolean commuting(SpellMatcher.Draft spell, BorderWorkerRule rule) {
        long days = ChronoUnit.DAYS.between(spell.start().date(), spell.end().date());
        return rule.commuting(spell.start().purpose(), days);
    }

    Marks of(SpellMatcher.Draft spell) {
        return byStart.getOrDefault(spell.start().eventId(), Marks.NONE);
    }

    /**
     * What a carry into the first kept crossing, dated {@code firstKept}, must remember of the spells {@code dropped}
     * (whole spells: pruning cuts at a spell's start): the commuting ends a window can still see (on or after
     * firstKept - window + 1, as every kept closed spell ends on or after firstKept) and the latest border-worker
     * spell's end.
     */
    TravellerCarry carried(
            TravellerCarry into,
            List<SpellMatcher.Draft> dropped,
            LocalDate firstKept,
            TravellerCarry before,
            BorderWorkerRule rule) {
        LocalDate firstVisible = rule.windowStart(firstKept);
        List<LocalDate> ends = new ArrayList<>(before == null ? List.of() : before.commutingEnds());
        LocalDate last = before == null ? null : before.lastBorderWorkerEnd();
        for (SpellMatcher.Draft spell : dropped) {
            if (spell.state() != SpellState.CLOSED) {
                continue;
            }
            if (commuting(spell, rule)) {
                ends.add(spell.end().date());
            }
            if (of(spell).borderWorker()) {
                last = spell.end().date();
            }
        }
        ends.removeIf(end -> end.isBefore(firstVisible));
        ends.sort(null);
        return new TravellerCarry(
                into.status(),
                into.statusFinalDate(),
                into.presence(),
                into.returnFinalDates(),
                ends,
                last,
                into.statusSinceDate());
    }
}
