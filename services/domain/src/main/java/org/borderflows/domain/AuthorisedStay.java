package org.borderflows.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.borderflows.domain.TravellerCarry.Presence;

/**
 * Authorised stay: 90 days in any 180-day period (RULES.md §7; Schengen Borders Code Art. 6, EES Regulation (EU)
 * 2017/2226 Arts. 11-12). A day D is authorised if the days present in D-179..D, entry and exit days included,
 * number at most 90.
 *
 * <p>Holds the days a traveller was present under the regime: only stays under the visa-free regime count (stays
 * on a work or study permit are not short stays, as Art. 6(2) of the Code excludes stays under a residence permit
 * or long-stay visa). Day arithmetic runs on epoch days: this is the engine's hottest loop.
 */
final class AuthorisedStay {

    private final List<Presence> presence;
    /** The merged presence periods as epoch days: from[i]..to[i], sorted, disjoint, not adjacent. */
    private final long[] from;

    private final long[] to;
    private final int windowDays;
    private final int maxDays;

    AuthorisedStay(Collection<Presence> periods, RuleSettings settings) {
        this.presence = merge(periods);
        this.from = new long[presence.size()];
        this.to = new long[presence.size()];
        for (int i = 0; i < presence.size(); i++) {
            from[i] = presence.get(i).from().toEpochDay();
            to[i] = presence.get(i).to().toEpochDay();
        }
        this.windowDays = settings.authorisedWindowDays();
        this.maxDays = settings.authorisedMaxDays();
    }

    List<Presence> presence() {
        return presence;
    }

    /** Days present from {@code first} to {@code last}, both included. */
    int daysPresent(LocalDate first, LocalDate last) {
        return daysPresent(first.toEpochDay(), last.toEpochDay());
    }

    private int daysPresent(long first, long last) {
        int days = 0;
        for (int i = firstEndingOnOrAfter(first); i < from.length && from[i] <= last; i++) {
            days += (int) (Math.min(to[i], last) - Math.max(from[i], first) + 1);
        }
        return days;
    }

    /** Days used in the window ending on {@code day}. */
    int daysUsed(LocalDate day) {
        long last = day.toEpochDay();
        return daysPresent(last - windowDays + 1, last);
    }

    int daysRemaining(LocalDate day) {
        return Math.max(0, maxDays - daysUsed(day));
    }

    /**
     * The last day L such that every day from {@code entry} to L is authorised when the traveller stays without a
     * break from entry on; presence on or after the entry day is ignored (that is the stay being assessed). The day
     * before entry when even the entry day is not authorised.
     *
     * <p>Staying s days (entry day = day 1) ends on day D = entry + s - 1, whose window starts at D - (window - 1);
     * the days present before entry inside that window shrink as the window slides, one day at a time.
     */
    LocalDate latestAuthorisedExit(LocalDate entry) {
        long e = entry.toEpochDay();
        long lookBack = e - windowDays + 1;
        boolean[] present = new boolean[windowDays - 1];
        int before = 0;
        for (int i = firstEndingOnOrAfter(lookBack); i < from.length && from[i] < e; i++) {
            for (long day = Math.max(from[i], lookBack); day <= Math.min(to[i], e - 1); day++) {
                present[(int) (day - lookBack)] = true;
                before++;
            }
        }
        for (int stayed = 1; ; stayed++) {
            if (before + stayed > maxDays) {
                return LocalDate.ofEpochDay(e + stayed - 2);
            }
            // the next day's window no longer holds day lookBack + stayed - 1
            if (stayed - 1 < present.length && present[stayed - 1]) {
                before--;
            }
        }
    }

    /** Days of an exit past the latest authorised exit: the out-of-country overstay (0 when in time). */
    static int overstayDays(LocalDate exit, LocalDate latestAuthorisedExit) {
        return (int) Math.max(0, exit.toEpochDay() - latestAuthorisedExit.toEpochDay());
    }

    private int firstEndingOnOrAfter(long day) {
        int low = 0;
        int high = to.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (to[mid] < day) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Sorted, with overlapping or adjacent periods joined. */
    static List<Presence> merge(Collection<Presence> periods) {
        List<Presence> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(Presence::from).thenComparing(Presence::to));
        List<Presence> merged = new ArrayList<>();
        for (Presence p : sorted) {
            if (!merged.isEmpty()) {
                Presence last = merged.get(merged.size() - 1);
                if (!p.from().isAfter(last.to().plusDays(1))) {
                    if (p.to().isAfter(last.to())) {
                        merged.set(merged.size() - 1, new Presence(last.from(), p.to()));
                    }
                    continue;
                }
            }
            merged.add(p);
        }
        return List.copyOf(merged);
    }
}
