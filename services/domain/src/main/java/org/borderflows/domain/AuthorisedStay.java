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
 * or long-stay visa).
 */
final class AuthorisedStay {

    private final List<Presence> presence;
    private final int windowDays;
    private final int maxDays;

    AuthorisedStay(Collection<Presence> presence, RuleSettings settings) {
        this.presence = merge(presence);
        this.windowDays = settings.authorisedWindowDays();
        this.maxDays = settings.authorisedMaxDays();
    }

    List<Presence> presence() {
        return presence;
    }

    /** Days present from {@code from} to {@code to}, both included. */
    int daysPresent(LocalDate from, LocalDate to) {
        int days = 0;
        for (Presence p : presence) {
            LocalDate a = p.from().isAfter(from) ? p.from() : from;
            LocalDate b = p.to().isBefore(to) ? p.to() : to;
            if (!a.isAfter(b)) {
                days += DurationClassifier.days(a, b) + 1;
            }
        }
        return days;
    }

    /** Days used in the window ending on {@code day}. */
    int daysUsed(LocalDate day) {
        return daysPresent(day.minusDays(windowDays - 1L), day);
    }

    int daysRemaining(LocalDate day) {
        return Math.max(0, maxDays - daysUsed(day));
    }

    /**
     * The last day L such that every day from {@code entry} to L is authorised when the traveller stays without a
     * break from entry on; presence on or after the entry day is ignored (that is the stay being assessed). The day
     * before entry when even the entry day is not authorised.
     */
    LocalDate latestAuthorisedExit(LocalDate entry) {
        LocalDate lastBefore = entry.minusDays(1);
        for (int stayed = 1; ; stayed++) {
            LocalDate day = entry.plusDays(stayed - 1L);
            LocalDate windowStart = day.minusDays(windowDays - 1L);
            int before = windowStart.isAfter(lastBefore) ? 0 : daysPresent(windowStart, lastBefore);
            if (before + stayed > maxDays) {
                return day.minusDays(1);
            }
        }
    }

    /** Days of an exit past the latest authorised exit: the out-of-country overstay (0 when in time). */
    static int overstayDays(LocalDate exit, LocalDate latestAuthorisedExit) {
        return Math.max(0, DurationClassifier.days(latestAuthorisedExit, exit));
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
