package org.borderflows.query.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Random;
import org.borderflows.query.CubeLoader;
import org.borderflows.query.Fixtures;
import org.borderflows.schema.Direction;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.QualityIssue;
import org.borderflows.schema.ResidenceStatus;

/**
 * Two years and a quarter of engine outputs (January 2024 to the clock, 31 March 2026), as the stay engine would
 * have written them, for the dashboard: non-resident arrivals (TJK, UZB and a handful of KGZ) with their stays and
 * 12/16 outcomes, their departures, residents leaving, overstays of tourists and a few quality findings. Outcomes
 * whose final date is after the clock are provisional (on the new side: a migration so far), so the recent months
 * of the 12/16 table are estimates from the cohort a year earlier.
 */
final class DashboardHistory {
    static final LocalDate CLOCK = LocalDate.of(2026, 3, 31);
    static final YearMonth FIRST = YearMonth.of(2024, 1);
    /** KGZ arrivals in all: 1-5, so the public sees the citizenship suppressed. */
    static final int KGZ_ARRIVALS = 4;

    int arrivals;
    int departures;
    int uzbArrivals;
    int uzbDepartures;

    DashboardHistory load(CubeLoader load) {
        Random random = new Random(42);
        int kgz = 0;
        int n = 0;
        for (YearMonth month = FIRST; !month.isAfter(YearMonth.from(CLOCK)); month = month.plusMonths(1)) {
            int perMonth = 40 + (month.getMonthValue() >= 5 && month.getMonthValue() <= 9 ? 15 : 0);
            for (int k = 0; k < perMonth; k++, n++) {
                LocalDate day = month.atDay(1 + k % month.lengthOfMonth());
                String citizenship = k % 3 == 0 ? "UZB" : "TJK";
                if (k == 7 && kgz < KGZ_ARRIVALS && month.getMonthValue() % 6 == 1) {
                    citizenship = "KGZ";
                    kgz++;
                }
                Purpose purpose = k % 4 == 0 ? Purpose.WORK : Purpose.TOURISM;
                arrival(load, "a" + n, day, citizenship, purpose, random);
            }
            for (int k = 0; k < 12; k++, n++) {
                residentLeaving(load, "r" + n, month.atDay(1 + (k * 2) % 28), random);
            }
            load.add(Fixtures.quality(QualityIssue.DUPLICATE, "dup" + month, month.atDay(3), CLOCK));
        }
        if (kgz != KGZ_ARRIVALS) {
            throw new IllegalStateException("KGZ arrivals: " + kgz);
        }
        return this;
    }

    /** A non-resident arriving: the crossing, its stay (open or closed) and its 12/16 outcome. */
    private void arrival(CubeLoader load, String id, LocalDate day, String citizenship, Purpose purpose, Random r) {
        arrivals++;
        if (citizenship.equals("UZB")) {
            uzbArrivals++;
        }
        boolean settles = r.nextDouble() < 0.4;
        int days = settles ? Integer.MAX_VALUE : 5 + r.nextInt(150);
        LocalDate leaves = settles ? null : day.plusDays(days);
        boolean gone = leaves != null && !leaves.isAfter(CLOCK);
        // 12/16 outcome: gone back -> not a migration, final N (122) days after the time on the new side; still here
        // -> a migration (provisional until a year after the crossing).
        boolean ltm = !gone;
        LocalDate finalDate = ltm ? day.plusDays(365) : day.plusDays(122 + days);
        load.add(Fixtures.arrival(id, day, ltm, finalDate, CLOCK)
                .setCitizenship(citizenship)
                .setPurpose(purpose)
                .build());
        load.add(Fixtures.crossing(id, day, Direction.ENTRY));
        boolean visaFree = purpose != Purpose.WORK;
        if (gone) {
            DurationClass cls = days < 90 ? DurationClass.VISIT : DurationClass.SHORT_TERM;
            load.add(Fixtures.closedStay("t-" + id, day, leaves, cls)
                    .setCitizenship(citizenship)
                    .setPurpose(purpose)
                    .setOverstayDays(visaFree && days > 90 ? days - 90 : null)
                    .build());
            departures++;
            if (citizenship.equals("UZB")) {
                uzbDepartures++;
            }
            load.add(Fixtures.arrival(id + "x", leaves, false, leaves, CLOCK)
                    .setTravellerId("t-" + id)
                    .setDirection(Direction.EXIT)
                    .setCitizenship(citizenship)
                    .setPurpose(purpose)
                    .build());
        } else {
            load.add(Fixtures.openStay("t-" + id, day, DurationClass.PENDING, CLOCK)
                    .setCitizenship(citizenship)
                    .setPurpose(purpose)
                    .setLatestAuthorisedExit(visaFree ? day.plusDays(89) : null)
                    .build());
        }
    }

    /** A resident leaving (the other migrating direction): long-term emigration when the absence lasts. */
    private void residentLeaving(CubeLoader load, String id, LocalDate day, Random r) {
        departures++;
        boolean emigrates = r.nextDouble() < 0.35;
        int days = 10 + r.nextInt(150);
        boolean back = !emigrates && !day.plusDays(days).isAfter(CLOCK);
        boolean ltm = !back;
        LocalDate finalDate = ltm ? day.plusDays(365) : day.plusDays(122 + days);
        load.add(Fixtures.arrival(id, day, ltm, finalDate, CLOCK)
                .setDirection(Direction.EXIT)
                .setStatusBefore(ResidenceStatus.RESIDENT)
                .setStatusAfter(ltm ? ResidenceStatus.NON_RESIDENT : ResidenceStatus.RESIDENT)
                .setCitizenship("KAZ")
                .setPurpose(Purpose.PRIVATE)
                .build());
    }
}
