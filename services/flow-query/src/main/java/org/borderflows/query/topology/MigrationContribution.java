package org.borderflows.query.topology;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.Direction;
import org.borderflows.schema.ResidenceStatus;

/**
 * The 12/16 dataset (RULES.md §5): a crossing in the migrating direction with its outcome and final date, from which
 * the query side counts final outcomes and estimates provisional ones from the cohort 12 months earlier at the same
 * stage (§6), and the days to its first time back, in bins, for that cohort's situation.
 */
public final class MigrationContribution implements Contribution {
    /** The width of a {@link CellDimension#DAYS_TO_TIME_BACK} bin. */
    public static final int TIME_BACK_BIN_DAYS = 15;

    @Override
    public void outcome(CrossingOutcome o, Sink cells) {
        if (!isMigratingDirection(o)) {
            return;
        }
        Map<String, String> dims = Contributions.crossing(o);
        dims.put(CellDimension.LTM.key(), String.valueOf(o.getLongTermMigration()));
        dims.put(CellDimension.FINAL_MONTH.key(), Cells.month(o.getFinalDate()));
        dims.put(CellDimension.FINAL_DAY.key(), Contributions.day(o.getFinalDate()));
        dims.put(CellDimension.DAYS_TO_TIME_BACK.key(), daysToTimeBack(o));
        cells.add(o.getCrossingDate(), dims, 1, o.getAsOf());
    }

    /** Reads a {@link CellDimension#DAYS_TO_TIME_BACK} value: the bin's first day, -1 when there was no time back. */
    public static int daysToTimeBack(String value) {
        return value == null || value.equals(Contributions.CLOSED) ? -1 : Integer.parseInt(value);
    }

    private static String daysToTimeBack(CrossingOutcome o) {
        if (o.getFirstTimeBackDate() == null) {
            return Contributions.CLOSED;
        }
        long days = ChronoUnit.DAYS.between(o.getCrossingDate(), o.getFirstTimeBackDate());
        return String.valueOf(days / TIME_BACK_BIN_DAYS * TIME_BACK_BIN_DAYS);
    }

    /** RULES.md §5: a non-resident arriving or a resident leaving opens a 12/16 review. */
    static boolean isMigratingDirection(CrossingOutcome o) {
        return (o.getDirection() == Direction.ENTRY && o.getStatusBefore() == ResidenceStatus.NON_RESIDENT)
                || (o.getDirection() == Direction.EXIT && o.getStatusBefore() == ResidenceStatus.RESIDENT);
    }
}
