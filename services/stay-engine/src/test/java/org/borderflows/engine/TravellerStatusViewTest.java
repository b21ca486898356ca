package org.borderflows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.borderflows.domain.CrossingFact;
import org.borderflows.domain.RuleSettings;
import org.borderflows.domain.TravellerTimeline;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
import org.borderflows.schema.Sex;
import org.junit.jupiter.api.Test;

/** RULES.md §4-§5: the status answer says what is provisional, until when, in words a guard reads correctly. */
class TravellerStatusViewTest {
    private static final RuleSettings KAZ = RuleSettings.defaults("KAZ");
    private static final LocalDate MARCH_1 = LocalDate.of(2025, 3, 1);

    private static CrossingFact tourist(String eventId, Direction direction, LocalDate date) {
        Instant at =
                date.atTime(LocalTime.of(9, 0)).atZone(ZoneId.of("Asia/Almaty")).toInstant();
        return new CrossingFact(
                eventId,
                "t1",
                "AB 1",
                direction,
                at,
                date,
                "KZ-ALA-AIR",
                "UZB",
                Sex.F,
                LocalDate.of(1990, 1, 1),
                Purpose.TOURISM,
                null);
    }

    private static TravellerStatusView view(LocalDate clock, CrossingFact... crossings) {
        return TravellerStatusView.of(TravellerTimeline.evaluate(null, List.of(crossings), clock, KAZ), clock, KAZ);
    }

    @Test
    void aTouristWhoEnteredTodayIsProvisionallyResidentUntilAYearFromNowAndTheAnswerSaysSo() {
        TravellerStatusView v = view(MARCH_1, tourist("e1", Direction.ENTRY, MARCH_1));

        assertThat(v.status()).isEqualTo("RESIDENT");
        assertThat(v.statusFinal()).isFalse();
        assertThat(v.statusFinalAfter()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(v.statusMeaning())
                .contains("provisional")
                .contains("2026-03-01")
                .contains("not a permit");
        assertThat(v.openSpell().classFinalFrom()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void aVisitorWhoLeftIsFinallyNonResidentOnceTheClockIsPastTheFinalDate() {
        CrossingFact in = tourist("e1", Direction.ENTRY, MARCH_1);
        CrossingFact out = tourist("x1", Direction.EXIT, LocalDate.of(2025, 3, 10));

        TravellerStatusView v = view(LocalDate.of(2026, 1, 1), in, out);

        assertThat(v.status()).isEqualTo("NON_RESIDENT");
        assertThat(v.statusFinal()).isTrue();
        assertThat(v.statusMeaning()).contains("final").doesNotContain("provisional");
        assertThat(v.openSpell()).isNull();
    }

    /** RULES.md §8: while an archive load with the traveller's crossings runs, the answer says it is incomplete. */
    @Test
    void anAnswerDuringAnArchiveLoadSaysTheHistoryIsIncomplete() {
        // the archive's entry of Saturday 1 March 2025 is in, its exit not yet: read on 5 December 2026
        LocalDate clock = LocalDate.of(2026, 12, 5);
        TravellerStatusView v = TravellerStatusView.of(
                TravellerTimeline.evaluate(null, List.of(tourist("e1", Direction.ENTRY, MARCH_1)), clock, KAZ),
                clock,
                KAZ,
                "archive-2025");

        assertThat(v.archiveLoadInProgress()).isEqualTo("archive-2025");
        assertThat(v.statusFinal()).isFalse();
        assertThat(v.statusMeaning())
                .startsWith("incomplete: the archive load 'archive-2025'")
                .contains("may be closed by an archived exit still to come");
        assertThat(view(clock, tourist("e1", Direction.ENTRY, MARCH_1)).archiveLoadInProgress())
                .isNull();
    }
}
