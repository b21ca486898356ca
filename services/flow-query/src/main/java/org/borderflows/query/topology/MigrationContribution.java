package org.borderflows.query.topology;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Direction;
import org.borderflows.schema.ResidenceStatus;

/**
 * The 12/16 dataset (RULES.md §5): a crossing in the migrating direction with its outcome and final date, from which
 * the query side counts final outcomes and estimates provisional ones from the cohort 12 months earlier at the same
 * stage (§6), and, in bins, the time back that dates that cohort's situation ({@link CellDimension#TIME_BACK}).
 */
public final class MigrationContribution implements Contribution {
    /** The width of a {@link CellDimension#TIME_BACK} bin. */
    public static final int TIME_BACK_BIN_DAYS = 15;

    /**
     * Days counted in the last bin and beyond: past the longest first trip back of a migration (under T days) and
     * the longest span from a decisive time back to its final date (N days), so the bins stay within the dimension's
     * bits.
     */
    private static final int TIME_BACK_CAP_DAYS = 360;

    /** The last {@link CellDimension#STATUS_YEARS} value: that many whole years or more. */
    public static final int STATUS_YEARS_CAP = 2;

    @Override
    public void outcome(CrossingOutcome o, Sink cells) {
        if (!isMigratingDirection(o)) {
            return;
        }
        Map<String, String> dims = Contributions.crossing(o);
        dims.put(CellDimension.LTM.key(), String.valueOf(o.getLongTermMigration()));
        dims.put(CellDimension.FINAL_MONTH.key(), Cells.month(o.getFinalDate()));
        dims.put(CellDimension.FINAL_DAY.key(), Contributions.day(o.getFinalDate()));
        dims.put(CellDimension.TIME_BACK.key(), timeBack(o));
        dims.put(CellDimension.STATUS_YEARS.key(), statusYears(o));
        cells.add(o.getCrossingDate(), dims, 1, o.getAsOf());
    }

    /** Reads a {@link CellDimension#TIME_BACK} value: the bin's first day, -1 when none. */
    public static int timeBack(String value) {
        return value == null || value.equals(Contributions.CLOSED) ? -1 : Integer.parseInt(value);
    }

    /**
     * A migration: the days from the crossing to its first time back. Not a migration: the days from its decisive
     * time back to its final date. "-" when the outcome has no such date.
     */
    private static String timeBack(CrossingOutcome o) {
        if (o.getLongTermMigration()) {
            return o.getFirstTimeBackDate() == null
                    ? Contributions.CLOSED
                    : bin(o.getCrossingDate(), o.getFirstTimeBackDate());
        }
        return o.getDecisiveTimeBackDate() == null
                ? Contributions.CLOSED
                : bin(o.getDecisiveTimeBackDate(), o.getFinalDate());
    }

    /** Whole years since the migration that gave the status before the crossing, capped; "-" when none did. */
    private static String statusYears(CrossingOutcome o) {
        LocalDate since = o.getStatusSinceDate();
        return since == null
                ? Contributions.CLOSED
                : String.valueOf(Math.min(STATUS_YEARS_CAP, ChronoUnit.YEARS.between(since, o.getCrossingDate())));
    }

    private static String bin(LocalDate from, LocalDate to) {
        long days = Math.max(0, Math.min(TIME_BACK_CAP_DAYS, ChronoUnit.DAYS.between(from, to)));
        return String.valueOf(days / TIME_BACK_BIN_DAYS * TIME_BACK_BIN_DAYS);
    }

    /** RULES.md §5: a non-resident arriving or a resident leaving opens a 12/16 review. */
    static boolean isMigratingDirection(CrossingOutcome o) {
        return (o.getDirection() == Direction.ENTRY && o.getStatusBefore() == ResidenceStatus.NON_RESIDENT)
                || (o.getDirection() == Direction.EXIT && o.getStatusBefore() == ResidenceStatus.RESIDENT);
    }
}
