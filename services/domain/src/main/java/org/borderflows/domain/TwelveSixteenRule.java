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
     * @param firstTimeBack for a long-term migration whose review counted time back on the old side, the date of the
     *     crossing that began it (the first trip back); null otherwise
     * @param decisiveTimeBack for a crossing its review decided is not a long-term migration, the date of the
     *     crossing that began the spell back in which the time back passed N; null otherwise
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
            int markedBy,
            LocalDate firstTimeBack,
            LocalDate decisiveTimeBack) {

        /**
         * A crossing outside the migrating direction: no review, the status carries on with its final date; the flag
         * is final on {@code flagFinal} (the S = 2N rule's date, when one marked it).
         */
        static Outcome unreviewed(
                ResidenceStatus status,
                LocalDate statusFinal,
                LocalDate flagFinal,
                LocalDate returnFinalDate,
                int markedBy) {
            return new Outcome(
                    status,
                    statusFinal,
                    status,
                    statusFinal,
                    false,
                    flagFinal,
                    -1,
                    returnFinalDate,
                    markedBy,
                    null,
                    null);
        }
    }

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
        Sides sides = new Sides(spellDays);
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
                outcomes.add(Outcome.unreviewed(before, beforeFinal, flag, flagFinal[i], markedBy[i]));
            } else {
                outcomes.add(
                        review(i, dates, epochDays, sides, before, beforeFinal, flagFinal, markedBy, w, t, allowance));
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

    /**
     * Reviews crossing i. Step s (0, 1, 2, ...) adds the spell starting at walk crossing i + s: even steps to the
     * time on the new side, odd steps to the time back on the old side. Steps run while that crossing is dated up to
     * date + W. Both sums only grow with s, so the first step deciding each way is found by binary search on prefix
     * sums; only the S = 2N marks walk the steps, and only up to the cut date.
     */
    private static Outcome review(
            int i,
            LocalDate[] dates,
            long[] epochDays,
            Sides sides,
            ResidenceStatus before,
            LocalDate beforeFinal,
            LocalDate[] flagFinal,
            int[] markedBy,
            int w,
            int t,
            int allowance) {
        int n = dates.length;
        LocalDate date = dates[i];
        int lastStep = lastCrossingUpTo(epochDays, epochDays[i] + w) - i;
        int backStep = firstStep(sides, i, lastStep, false, allowance + 1);
        int newStep = firstStep(sides, i, lastStep, true, t);
        int decided = Math.min(backStep, newStep);
        if (decided > lastStep) {
            // Unreachable: the spells from crossing i to the first one past the window add up to more than W.
            throw new IllegalStateException("12/16 review of crossing " + i + " ended undecided");
        }
        long instantReturnCut = beforeFinal.toEpochDay() + 2L * allowance;
        for (int step = 0; step < decided; step += 2) {
            int m = i + step + 1;
            if (m >= n || epochDays[m] >= instantReturnCut) {
                break;
            }
            if (flagFinal[m] == null) {
                flagFinal[m] = later(dates[m], beforeFinal);
                markedBy[m] = i;
            }
        }
        int onNewSide = sides.sum(i, i + decided, true);
        int backOnOldSide = sides.sum(i, i + decided, false);
        int m = i + decided + 1;
        if (decided == backStep) {
            LocalDate fin = later(date.plusDays(allowance + onNewSide), beforeFinal);
            LocalDate flag = flagFinal[i] != null ? flagFinal[i] : fin;
            LocalDate decisiveTimeBack = dates[i + decided]; // odd step: a spell back
            return new Outcome(
                    before,
                    beforeFinal,
                    before,
                    fin,
                    false,
                    flag,
                    m,
                    flagFinal[i],
                    markedBy[i],
                    null,
                    decisiveTimeBack);
        }
        LocalDate fin = later(date.plusDays(t + backOnOldSide), beforeFinal);
        LocalDate firstTimeBack = decided > 0 ? dates[i + 1] : null; // step 1 is the first spell back
        return new Outcome(
                before, beforeFinal, flip(before), fin, true, fin, m, flagFinal[i], markedBy[i], firstTimeBack, null);
    }

    /** The last walk index whose date is on or before {@code day} (dates are sorted). */
    private static int lastCrossingUpTo(long[] epochDays, long day) {
        int low = 0;
        int high = epochDays.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (epochDays[mid] <= day) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low - 1;
    }

    /** The first step in 0..lastStep after which one side's time reaches {@code atLeast}; lastStep + 1 if none. */
    private static int firstStep(Sides sides, int i, int lastStep, boolean newSide, int atLeast) {
        int low = 0;
        int high = lastStep + 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sides.sum(i, i + mid, newSide) >= atLeast) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** Prefix sums of spell days by the parity of the spell's index in the walk. */
    private static final class Sides {
        private final int[][] prefix = new int[2][];

        Sides(int[] spellDays) {
            prefix[0] = new int[spellDays.length + 1];
            prefix[1] = new int[spellDays.length + 1];
            for (int x = 0; x < spellDays.length; x++) {
                prefix[0][x + 1] = prefix[0][x] + (x % 2 == 0 ? spellDays[x] : 0);
                prefix[1][x + 1] = prefix[1][x] + (x % 2 == 1 ? spellDays[x] : 0);
            }
        }

        /** Days of the spells i..last on the new side of review i (same parity as i) or on the old side. */
        int sum(int i, int last, boolean newSide) {
            int parity = newSide ? i % 2 : (i + 1) % 2;
            return prefix[parity][last + 1] - prefix[parity][i];
        }
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
