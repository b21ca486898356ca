package org.borderflows.engine.topology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.borderflows.domain.AtClock;
import org.borderflows.domain.Evaluation;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.QualityIssue;

/**
 * RULES.md §5: once the clock is past an outcome's final date, only a record delivered late can change it, and such
 * a change is a data-quality figure. Compares the traveller's outcomes before and after a late crossing: every
 * outcome that was final at the clock and whose facts (status before and after, the long-term flag, the final date)
 * changed gives a REVISED_AFTER_FINAL finding, keyed by the outcome's crossing.
 */
final class RevisedAfterFinal {
    private RevisedAfterFinal() {}

    static List<QualityEvent> findings(Evaluation before, Evaluation after, LocalDate clock) {
        Map<String, CrossingOutcome> was = new HashMap<>();
        for (CrossingOutcome o : before.outcomes()) {
            if (!AtClock.provisional(o.getFinalDate(), clock)) {
                was.put(o.getEventId(), o);
            }
        }
        List<QualityEvent> findings = new ArrayList<>();
        if (was.isEmpty()) {
            return findings;
        }
        for (CrossingOutcome now : after.outcomes()) {
            CrossingOutcome then = was.get(now.getEventId());
            if (then != null && !sameFacts(then, now)) {
                findings.add(QualityEvent.newBuilder()
                        .setIssue(QualityIssue.REVISED_AFTER_FINAL)
                        .setEventId(now.getEventId())
                        .setTravellerId(now.getTravellerId())
                        .setCrossingDate(now.getCrossingDate())
                        .setBorderPost(now.getBorderPost())
                        .setOccurrences(1)
                        .setAsOf(clock)
                        .build());
            }
        }
        return findings;
    }

    private static boolean sameFacts(CrossingOutcome a, CrossingOutcome b) {
        return a.getStatusBefore() == b.getStatusBefore()
                && a.getStatusAfter() == b.getStatusAfter()
                && a.getLongTermMigration() == b.getLongTermMigration()
                && Objects.equals(a.getFinalDate(), b.getFinalDate());
    }
}
