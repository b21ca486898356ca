package org.borderflows.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.borderflows.schema.Direction;
import org.borderflows.schema.ResidenceStatus;

/**
 * The 12/16-month rule (RULES.md §5): Statistics New Zealand's outcome-based measure of long-term migration, as
 * published in its open algorithm (R package migrbc). Parameters W (window, 487), T (threshold, 365), N = W - T
 * and S = 2N.
 *
 * <p>The walk runs over a traveller's crossings in order, same-direction repeats already removed (see
 * {@link SpellMatcher}), carrying a residence status and the date it became final. Readings of §5 checked against
 * migrbc:
 *
 * <ul>
 *   <li>The status-before of a crossing is the status-after of the one before; its final date is the later of that
 *       status' final date and the crossing date.
 *   <li>A spell belongs to a review if the crossing that starts it is dated up to crossing date + W; it is then
 *       counted whole (not cut at the window's end). The last crossing's spell counts W days.
 *   <li>The S = 2N rule only gives a return crossing its final date (its own date, or the reviewing crossing's
 *       status-before final date if later), unless it has one already; its own review, if it is a migrating
 *       crossing after all, still decides its flag and may replace that date.
 *   <li>A single (or last) crossing in the migrating direction is a long-term migration, final at date + T, as
 *       §5 says (migrbc's special case for a one-crossing history uses the wall clock instead; §8 forbids that).
 *   <li>{@link Outcome#finalDate} is the date the long-term-migration flag becomes final (migrbc's
 *       date_finalised_LTM); {@link Outcome#statusAfterFinal} the date the status after becomes final.
 * </ul>
 */
final class TwelveSixteenRule {

    private TwelveSixteenRule() {}

    /**
     * @param decidedBy index (in the walk) of the crossing that ends the spell which decided this crossing's review;
     *     the walk's size when the trailing open spell decided it; -1 for a non-migrating crossing
     * @param returnFinalDate the final date the S = 2N rule of an earlier review gave this crossing, if any
     * @param markedBy index (in the walk) of the review whose S = 2N rule gave this crossing its final date first;
     *     -1 when none did, {@link #CARRIED} when the date came with the carry of pruned crossings
     */
    record Outcome(
            ResidenceStatus statusBefore,
            LocalDate statusBeforeFinal,
            ResidenceStatus statusAfter,
            LocalDate statusAfterFinal,
            boolean longTermMigration,
            LocalDate finalDate,
            int decidedBy,
            LocalDate returnFinalDate,
            int markedBy) {}

    static final int CARRIED = -2;

    /**
     * @param walk crossings in order, directions alternating except possibly none
     * @param initial status before the first crossing
     * @param initialFinal date that status became final; null to use the first crossing's date
     * @param carriedReturnFinalDates final dates given by the S = 2N rule of pruned reviews, by event id
     */
    static List<Outcome> walk(
            List<CrossingFact> walk,
            ResidenceStatus initial,
            LocalDate initialFinal,
            Map<String, LocalDate> carriedReturnFinalDates,
            RuleSettings settings) {
        int n = walk.size();
        int w = settings.windowDays();
        int t = settings.thresholdDays();
        int allowance = settings.allowanceDays();
        LocalDate[] dates = new LocalDate[n];
        long[] epochDays = new long[n];
        int[] spellDays = new int[n];
        for (int i = 0; i < n; i++) {
            dates[i] = walk.get(i).date();
            epochDays[i] = dates[i].toEpochDay();
        }
        for (int i = 0; i < n; i++) {
            spellDays[i] = i + 1 < n ? (int) (epochDays[i + 1] - epochDays[i]) : w;
        }
        LocalDate[] flagFinal = new LocalDate[n];
        int[] markedBy = new int[n];
        for (int i = 0; i < n; i++) {
            flagFinal[i] = carriedReturnFinalDates.isEmpty()
                    ? null
                    : carriedReturnFinalDates.get(walk.get(i).eventId());
            markedBy[i] = flagFinal[i] == null ? -1 : CARRIED;
        }
        List<Outcome> outcomes = new ArrayList<>(n);
        ResidenceStatus before = initial;
        LocalDate beforeFinalSource = initialFinal;
        for (int i = 0; i < n; i++) {
            LocalDate date = dates[i];
            LocalDate beforeFinal = later(beforeFinalSource, date);
            if (!isMigrating(walk.get(i).direction(), before)) {
                LocalDate flag = flagFinal[i] != null ? flagFinal[i] : beforeFinal;
                outcomes.add(new Outcome(
                        before, beforeFinal, before, beforeFinal, false, flag, -1, flagFinal[i], markedBy[i]));
            } else {
                outcomes.add(review(
                        i, dates, epochDays, spellDays, before, beforeFinal, flagFinal, markedBy, w, t, allowance));
            }
            Outcome decided = outcomes.get(i);
            before = decided.statusAfter();
            beforeFinalSource = decided.statusAfterFinal();
        }
        return outcomes;
    }

    /** A non-resident arriving or a resident leaving could be a long-term migration. */
    static boolean isMigrating(Direction direction, ResidenceStatus before) {
        return (direction == Direction.ENTRY) == (before == ResidenceStatus.NON_RESIDENT);
    }

    private static Outcome review(
            int i,
            LocalDate[] dates,
            long[] epochDays,
            int[] spellDays,
            ResidenceStatus before,
            LocalDate beforeFinal,
            LocalDate[] flagFinal,
            int[] markedBy,
            int w,
            int t,
            int allowance) {
        int n = dates.length;
        LocalDate date = dates[i];
        long windowEnd = epochDays[i] + w;
        long instantReturnCut = beforeFinal.toEpochDay() + 2L * allowance;
        int onNewSide = 0;
        int backOnOldSide = 0;
        boolean newSide = true;
        for (int m = i + 1; m <= n && epochDays[m - 1] <= windowEnd; m++) {
            if (newSide) {
                onNewSide += spellDays[m - 1];
            } else {
                backOnOldSide += spellDays[m - 1];
            }
            if (backOnOldSide > allowance) {
                LocalDate fin = later(date.plusDays(allowance + onNewSide), beforeFinal);
                LocalDate flag = flagFinal[i] != null ? flagFinal[i] : fin;
                return new Outcome(before, beforeFinal, before, fin, false, flag, m, flagFinal[i], markedBy[i]);
            }
            if (onNewSide >= t) {
                LocalDate fin = later(date.plusDays(t + backOnOldSide), beforeFinal);
                return new Outcome(before, beforeFinal, flip(before), fin, true, fin, m, flagFinal[i], markedBy[i]);
            }
            if (newSide && m < n && epochDays[m] < instantReturnCut && flagFinal[m] == null) {
                flagFinal[m] = later(dates[m], beforeFinal);
                markedBy[m] = i;
            }
            newSide = !newSide;
        }
        // Unreachable: the spells from crossing i to the first one past the window add up to more than W = T + N.
        throw new IllegalStateException("12/16 review of crossing " + i + " ended undecided");
    }

    static ResidenceStatus flip(ResidenceStatus status) {
        return status == ResidenceStatus.RESIDENT ? ResidenceStatus.NON_RESIDENT : ResidenceStatus.RESIDENT;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return a.isAfter(b) ? a : b;
    }
}
