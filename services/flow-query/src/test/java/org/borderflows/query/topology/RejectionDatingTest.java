package org.borderflows.query.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.borderflows.query.Fixtures;
import org.borderflows.query.tables.Datasets;
import org.borderflows.schema.RejectedRecord;
import org.borderflows.schema.TableCell;
import org.junit.jupiter.api.Test;

/** RULES.md §9: a rejected record is dated by its crossing date when valid, else by the day it was received. */
class RejectionDatingTest {
    private static final Contributions CONTRIBUTIONS = Datasets.contributions();

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private static List<String> cells(RejectedRecord r) {
        return CONTRIBUTIONS.of(r, ALMATY).stream()
                .map(c -> c.getMonth() + "|" + c.getDimensions().get("issue") + "|"
                        + c.getDimensions().get("reason"))
                .toList();
    }

    @Test
    void aBackfillRecordCrossedOn14March2025RejectedOn5December2026CountsIn2025March() {
        // a bad sex code: crossed_at is valid, so the intake kept its crossing date
        RejectedRecord r = Fixtures.rejected(1, Instant.parse("2026-12-05T06:00:00Z"), "UNKNOWN_CODE");
        r.setCrossingDate(LocalDate.of(2025, 3, 14));

        assertThat(cells(r)).containsExactly("2025-03|RECEIVED|NONE", "2025-03|REJECTED|UNKNOWN_CODE");
    }

    @Test
    void aRecordWithoutAValidCrossingDateCountsOnTheDayItWasReceivedInTheReportingZone() {
        // 2026-11-30T20:00Z is already 1 December 2026 in Almaty (UTC+5)
        RejectedRecord r = Fixtures.rejected(1, Instant.parse("2026-11-30T20:00:00Z"), "BAD_FORMAT");

        assertThat(cells(r)).containsExactly("2026-12|RECEIVED|NONE", "2026-12|REJECTED|BAD_FORMAT");
    }

    @Test
    void rejectionsDoNotMoveTheClock() {
        RejectedRecord r = Fixtures.rejected(1, Instant.parse("2026-12-05T06:00:00Z"), "UNKNOWN_CODE");
        r.setCrossingDate(LocalDate.of(2025, 3, 14));

        assertThat(CONTRIBUTIONS.of(r, ALMATY)).extracting(TableCell::getAsOf).containsOnly(Contributions.NO_CLOCK);
    }
}
