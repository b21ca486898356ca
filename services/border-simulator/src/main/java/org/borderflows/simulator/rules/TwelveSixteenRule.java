package org.borderflows.simulator.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.schema.Direction;

/**
 * The outcome-based 12/16-month rule of RULES.md §5 (Statistics NZ; the open algorithm published as the R
 * package migrbc; ABS Net Overseas Migration), written from the RULES text, independently of the engine.
 *
 * <p>Crossings are walked in date order carrying a residence status. A crossing in the migrating direction
 * (non-resident arriving, resident leaving) opens a review over the window W = 487 days: the spells from it are
 * added alternately to time on the new side and time back on the old side (the last crossing's spell counts as
 * W days). Back on the old side more than N = W − T days: not a migration, final at date + N + new side; on the
 * new side T = 365 days or more: a long-term migration, the status flips, final at date + T + old side. While
 * the review runs, each return crossing dated before (status-before final date + S), S = 2N, is marked "not a
 * long-term migration" at once, final on its own date, unless it already has an outcome. Final dates never
 * precede the date the status before the crossing became final (the migrbc convention, which RULES states for
 * the non-migrating direction and which holds for the migrating one because an outcome cannot be settled
 * before the status it starts from).
 */
public final class TwelveSixteenRule {
    private final int window;
    private final int threshold;
    private final int n;
    private final int s;

    public TwelveSixteenRule(int window, int threshold) {
        this.window = window;
        this.threshold = threshold;
        this.n = window - threshold;
        this.s = 2 * n;
    }

    /**
     * Removes same-direction repeats "per §3" (RULES.md §5), as §3 measures the spells: of a run of spell starts
     * (a non-resident's entries, a resident's exits, by citizenship) only the last takes part, the earlier ones
     * began spells §3 closes as broken; of a run of spell ends only the first, the later ones end nothing (a
     * non-resident's orphan exits). The unknown time around a lost crossing thus stays on the citizenship side
     * and a lost card never creates a migration. This is the domain library's documented reading
     * (services/domain/README.md, §5), adopted here so that the truth and the engine read RULES alike.
     */
    public static List<Xing> withoutRepeats(List<Xing> sorted, boolean resident) {
        Direction start = resident ? Direction.EXIT : Direction.ENTRY;
        List<Xing> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Direction d = sorted.get(i).direction();
            boolean repeated = d == start
                    ? i + 1 < sorted.size() && sorted.get(i + 1).direction() == d
                    : i > 0 && sorted.get(i - 1).direction() == d;
            if (!repeated) {
                out.add(sorted.get(i));
            }
        }
        return out;
    }

    /**
     * RULES.md §5: "every crossing thus carries" status before and after, flag and final date, also a
     * same-direction repeat that {@link #withoutRepeats} left out of the walk. Such a crossing keeps the status
     * after the walked crossing before it (the initial status if there is none), is not a long-term migration, and
     * is final on its own date or on the date that status becomes final, if later (as a crossing in the
     * non-migrating direction; the domain library's documented reading).
     *
     * @param sorted the traveller's date-ordered, duplicate-free crossings, repeats included
     * @param walked {@link #outcomes} of {@code withoutRepeats(sorted, initiallyResident)}
     */
    public static List<Outcome> withRepeats(List<Xing> sorted, List<Outcome> walked, boolean initiallyResident) {
        Map<String, Outcome> byId = new HashMap<>();
        walked.forEach(o -> byId.put(o.eventId(), o));
        List<Outcome> out = new ArrayList<>(sorted.size());
        boolean status = initiallyResident;
        LocalDate statusFinal = null;
        for (Xing x : sorted) {
            Outcome o = byId.get(x.eventId());
            if (o != null) {
                out.add(o);
                status = o.residentAfter();
                statusFinal = o.statusFinalDate();
            } else {
                LocalDate fin = statusFinal == null ? x.date() : max(statusFinal, x.date());
                out.add(new Outcome(x.eventId(), x.date(), status, status, false, fin, fin));
            }
        }
        return out;
    }

    /**
     * The outcome of every crossing of one traveller; {@code alternating} must be date-ordered, duplicate-free
     * and without same-direction repeats ({@link #withoutRepeats(List, boolean)}).
     */
    public List<Outcome> outcomes(List<Xing> alternating, boolean initiallyResident) {
        int count = alternating.size();
        List<Outcome> out = new ArrayList<>(count);
        if (count == 0) {
            return out;
        }
        LocalDate[] date = new LocalDate[count];
        int[] spellDays = new int[count];
        for (int i = 0; i < count; i++) {
            date[i] = alternating.get(i).date();
        }
        for (int i = 0; i < count; i++) {
            // The last crossing's spell is open: the person is assumed to stay, so it counts as the whole window.
            spellDays[i] = i + 1 < count ? (int) (date[i + 1].toEpochDay() - date[i].toEpochDay()) : window;
        }
        Boolean[] longTerm = new Boolean[count];
        LocalDate[] finalDate = new LocalDate[count];

        boolean resident = initiallyResident;
        LocalDate previousStatusFinal = null;
        for (int i = 0; i < count; i++) {
            LocalDate statusBeforeFinal = i == 0 ? date[0] : max(previousStatusFinal, date[i]);
            boolean before = resident;
            boolean after = before;
            LocalDate statusAfterFinal;
            Direction direction = alternating.get(i).direction();
            boolean migrating = before ? direction == Direction.EXIT : direction == Direction.ENTRY;
            if (!migrating) {
                statusAfterFinal = max(date[i], statusBeforeFinal);
                if (finalDate[i] == null) {
                    longTerm[i] = false;
                    finalDate[i] = statusAfterFinal;
                }
            } else {
                int newSide = 0;
                int oldSide = 0;
                statusAfterFinal = null;
                LocalDate windowEnd = date[i].plusDays(window);
                for (int k = 0; i + k < count; k++) {
                    int j = i + k;
                    if (date[j].isAfter(windowEnd)) {
                        break; // cannot happen before a decision: the spells up to here exceed W = T + N
                    }
                    if (k % 2 == 0) {
                        newSide += spellDays[j];
                    } else {
                        oldSide += spellDays[j];
                    }
                    if (oldSide > n) {
                        statusAfterFinal = max(date[i].plusDays(n + newSide), statusBeforeFinal);
                        if (finalDate[i] == null) {
                            longTerm[i] = false;
                            finalDate[i] = statusAfterFinal;
                        }
                        break;
                    }
                    if (newSide >= threshold) {
                        after = !before;
                        statusAfterFinal = max(date[i].plusDays(threshold + oldSide), statusBeforeFinal);
                        longTerm[i] = true;
                        finalDate[i] = statusAfterFinal;
                        break;
                    }
                    if (k % 2 == 0 && j + 1 < count) {
                        int back = j + 1; // the return crossing that ends this spell on the new side
                        if (date[back].isBefore(statusBeforeFinal.plusDays(s)) && finalDate[back] == null) {
                            longTerm[back] = false;
                            finalDate[back] = max(date[back], statusBeforeFinal);
                        }
                    }
                }
                if (statusAfterFinal == null) {
                    throw new IllegalStateException("12/16 review ended without a decision");
                }
            }
            out.add(new Outcome(
                    alternating.get(i).eventId(), date[i], before, after, longTerm[i], finalDate[i], statusAfterFinal));
            resident = after;
            previousStatusFinal = statusAfterFinal;
        }
        return out;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
