package org.borderflows.simulator.rules;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.schema.Purpose;

/**
 * Frontier (border) workers, docs/rules.md §4a, read independently of the engine: a closed spell is a border
 * worker's when, counting the spell itself, at least 4 commuting spells (purpose WORK, at most 7 days) ended in the
 * 30 days up to its end; the first such spell of a calendar month counts the worker in that month.
 */
public final class FrontierWorkers {
    static final int COMMUTE_MAX_DAYS = 7;
    static final int WINDOW_DAYS = 30;
    static final int MIN_COMMUTES = 4;

    /** The marks of one closed spell. */
    public record Mark(boolean firstOfMonth) {}

    private FrontierWorkers() {}

    /** The border workers' spells among {@code spells} (one traveller's, in order), by start event id. */
    public static Map<String, Mark> of(List<TruthSpell> spells) {
        Map<String, Mark> marks = new HashMap<>();
        Deque<LocalDate> recentCommutes = new ArrayDeque<>();
        YearMonth lastCounted = null;
        for (TruthSpell s : spells) {
            if (s.state() != SpellState.CLOSED) {
                continue;
            }
            LocalDate end = s.endDate();
            if (s.purpose() == Purpose.WORK && s.durationDays() <= COMMUTE_MAX_DAYS) {
                recentCommutes.addLast(end);
            }
            while (!recentCommutes.isEmpty() && recentCommutes.peekFirst().isBefore(end.minusDays(WINDOW_DAYS - 1))) {
                recentCommutes.removeFirst();
            }
            if (recentCommutes.size() >= MIN_COMMUTES) {
                boolean first = !YearMonth.from(end).equals(lastCounted);
                marks.put(s.startEventId(), new Mark(first));
                lastCounted = YearMonth.from(end);
            }
        }
        return marks;
    }
}
