package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review dates of travellers (RULES.md §8: re-evaluated when the clock passes them), polled in a fixed order. */
class DueIndexTest {
    private static final LocalDate MARCH_1 = LocalDate.of(2025, 3, 1);
    private static final LocalDate MARCH_2 = LocalDate.of(2025, 3, 2);
    private static final LocalDate MARCH_3 = LocalDate.of(2025, 3, 3);

    @Test
    void pollsTravellersDueByTodayInDateThenIdOrder() {
        TravellerProcessor.DueIndex due = new TravellerProcessor.DueIndex();
        due.file(MARCH_2, "c");
        due.file(MARCH_1, "z");
        due.file(MARCH_2, "a");
        due.file(MARCH_1, "b");
        due.file(MARCH_3, "d");

        assertThat(drain(due, MARCH_2)).containsExactly("b", "z", "a", "c");
        assertThat(drain(due, MARCH_2)).isEmpty();
        assertThat(drain(due, MARCH_3)).containsExactly("d");
    }

    @Test
    void aTravellerMovedToAnotherDateIsPolledOnlyThere() {
        TravellerProcessor.DueIndex due = new TravellerProcessor.DueIndex();
        due.file(MARCH_1, "a");
        due.file(MARCH_1, "b");
        due.remove(MARCH_1, "a");
        due.file(MARCH_3, "a");

        assertThat(drain(due, MARCH_2)).containsExactly("b");
        assertThat(drain(due, MARCH_3)).containsExactly("a");
    }

    @Test
    void aTravellerFiledUnderALaterDateWhileADateIsReviewedWaitsForIt() {
        TravellerProcessor.DueIndex due = new TravellerProcessor.DueIndex();
        due.file(MARCH_1, "a");
        due.file(MARCH_1, "b");

        assertThat(due.pollDue(MARCH_1)).isEqualTo("a");
        due.file(MARCH_2, "a"); // what a review does: the next review date is after today
        assertThat(due.pollDue(MARCH_1)).isEqualTo("b");
        assertThat(due.pollDue(MARCH_1)).isNull();
        assertThat(due.pollDue(MARCH_2)).isEqualTo("a");
    }

    private static List<String> drain(TravellerProcessor.DueIndex due, LocalDate today) {
        List<String> out = new ArrayList<>();
        for (String id = due.pollDue(today); id != null; id = due.pollDue(today)) {
            out.add(id);
        }
        return out;
    }
}
