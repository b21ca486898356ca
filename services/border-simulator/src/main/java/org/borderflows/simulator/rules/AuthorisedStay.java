package org.borderflows.simulator.rules;

import java.time.LocalDate;
import java.util.List;
import org.borderflows.schema.Purpose;

/**
 * Authorised stay under a visa-free regime, RULES.md §7 (Schengen Borders Code Art. 6; EES Regulation (EU)
 * 2017/2226 Arts. 11-12): a stay is authorised on day D only if the days present in the 180-day window
 * D−179..D, entry and exit days included, number at most 90.
 *
 * @param windowDays the window (180; {@code border-flows.rules.authorised-window-days})
 * @param maxDays the days present allowed in it (90; {@code border-flows.rules.authorised-max-days})
 */
public record AuthorisedStay(int windowDays, int maxDays) {

    /** Days present, both ends included. */
    public record Presence(LocalDate from, LocalDate to) {
        boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /** Default regime (RULES.md §7): every non-resident whose purpose is not WORK or STUDY. */
    public static boolean visaFree(boolean resident, Purpose purpose) {
        return !resident && purpose != Purpose.WORK && purpose != Purpose.STUDY;
    }

    /**
     * The latest authorised exit date for an entry on {@code entry} after the earlier presences: the last day L
     * such that every day from entry to L satisfies the rule with continuous presence. Returns entry − 1 when even
     * the entry day is over the limit.
     */
    public LocalDate latestExit(List<Presence> earlier, LocalDate entry) {
        int used = 0;
        for (LocalDate day = entry.minusDays(windowDays - 1); day.isBefore(entry); day = day.plusDays(1)) {
            if (presentEarlier(earlier, day)) {
                used++;
            }
        }
        LocalDate day = entry;
        used++; // the entry day itself
        while (used <= maxDays) {
            LocalDate next = day.plusDays(1);
            LocalDate leaving = next.minusDays(windowDays); // drops out of the window ending on next
            if (leaving.isBefore(entry) && presentEarlier(earlier, leaving)) {
                used--;
            } else if (!leaving.isBefore(entry)) {
                used--; // continuous presence since entry
            }
            used++; // next is a day present
            day = next;
        }
        return day.minusDays(1);
    }

    /** Days over the authorised stay for an exit on {@code exit}, 0 when within it. */
    public static int overstayDays(LocalDate latestExit, LocalDate exit) {
        return Math.max(0, (int) (exit.toEpochDay() - latestExit.toEpochDay()));
    }

    private static boolean presentEarlier(List<Presence> earlier, LocalDate day) {
        for (Presence p : earlier) {
            if (p.contains(day)) {
                return true;
            }
        }
        return false;
    }
}
