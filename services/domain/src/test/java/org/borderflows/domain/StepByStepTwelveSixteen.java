package org.borderflows.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.borderflows.schema.ResidenceStatus;

/**
 * The 12/16 walk written the plain way, one spell at a time as RULES.md §5 reads: the oracle that
 * {@link TwelveSixteenRule}'s prefix-sum review is checked against.
 */
final class StepByStepTwelveSixteen {

    private StepByStepTwelveSixteen() {}

    static List<TwelveSixteenRule.Outcome> walk(
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
            markedBy[i] = flagFinal[i] == null ? -1 : TwelveSixteenRule.CARRIED;
        }
        List<TwelveSixteenRule.Outcome> outcomes = new ArrayList<>(n);
        ResidenceStatus before = initial;
        LocalDate beforeFinalSource = initialFinal;
        for (int i = 0; i < n; i++) {
            LocalDate date = dates[i];
            LocalDate beforeFinal = later(beforeFinalSource, date);
            if (!TwelveSixteenRule.isMigrating(walk.get(i).direction(), before)) {
                LocalDate flag = flagFinal[i] != null ? flagFinal[i] : beforeFinal;
                outcomes.add(
                        TwelveSixteenRule.Outcome.unreviewed(before, beforeFinal, flag, flagFinal[i], markedBy[i]));
            } else {
                outcomes.add(review(
                        i, dates, epochDays, spellDays, before, beforeFinal, flagFinal, markedBy, w, t, allowance));
            }
            TwelveSixteenRule.Outcome decided = outcomes.get(i);
            before = decided.statusAfter();
            beforeFinalSource = decided.statusAfterFinal();
        }
        return outcomes;
    }

    private static TwelveSixteenRule.Outcome review(
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
                return new TwelveSixteenRule.Outcome(
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
                        dates[m - 1]); // the spell just added, back on the old side, decided it
            }
            if (onNewSide >= t) {
                LocalDate fin = later(date.plusDays(t + backOnOldSide), beforeFinal);
                return new TwelveSixteenRule.Outcome(
                        before,
                        beforeFinal,
                        TwelveSixteenRule.flip(before),
                        fin,
                        true,
                        fin,
                        m,
                        flagFinal[i],
                        markedBy[i],
                        m > i + 1 ? dates[i + 1] : null, // the spells so far include the first one back
                        null);
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

    private static LocalDate later(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return a.isAfter(b) ? a : b;
    }
}
