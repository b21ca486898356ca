package org.borderflows.query.topology;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.FieldError;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.RejectedRecord;

/**
 * Data quality (RULES.md §3, §9): records received (accepted crossings, duplicates included, and rejected records),
 * rejections by reason, and the engine's findings (duplicates, orphan exits, broken spells, late records).
 */
public final class QualityContribution implements Contribution {
    /** The {@link CellDimension#ISSUE} of every record received. */
    public static final String RECEIVED = "RECEIVED";
    /** The {@link CellDimension#ISSUE} of a rejection, once per distinct reason code of a record. */
    public static final String REJECTED = "REJECTED";

    @Override
    public void finding(QualityEvent q, Sink cells) {
        add(
                cells,
                q.getCrossingDate(),
                q.getIssue().name(),
                Cells.NONE,
                q.getBorderPost(),
                q.getOccurrences(),
                q.getAsOf());
    }

    /**
     * Received once, and rejected once under each distinct reason code (§1). Dated by its crossing date when
     * crossed_at was valid, else by the day it was received in the reporting zone (§9), so a backfill's rejections
     * fall in the months they belong to; it does not move the clock.
     */
    @Override
    public void rejected(RejectedRecord r, ZoneId zone, Sink cells) {
        LocalDate day = r.getCrossingDate() != null
                ? r.getCrossingDate()
                : r.getRejectedAt().atZone(zone).toLocalDate();
        add(cells, day, RECEIVED, Cells.NONE, r.getSubmitter(), 1, Contributions.NO_CLOCK);
        Set<String> codes = new LinkedHashSet<>();
        for (FieldError e : r.getErrors()) {
            codes.add(e.getCode());
        }
        for (String code : codes) {
            add(cells, day, REJECTED, code, r.getSubmitter(), 1, Contributions.NO_CLOCK);
        }
    }

    /** Its date is the processing clock (§8). */
    @Override
    public void received(Crossing c, Sink cells) {
        add(cells, c.getCrossingDate(), RECEIVED, Cells.NONE, c.getBorderPost(), 1, c.getCrossingDate());
    }

    private static void add(
            Sink cells, LocalDate day, String issue, String reason, String borderPost, double count, LocalDate asOf) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put(CellDimension.ISSUE.key(), issue);
        dims.put(CellDimension.REASON.key(), reason);
        dims.put(CellDimension.BORDER_POST.key(), borderPost);
        cells.add(day, dims, count, asOf);
    }
}
