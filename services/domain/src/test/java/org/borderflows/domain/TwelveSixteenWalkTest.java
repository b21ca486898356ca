package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.borderflows.schema.ResidenceStatus;
import org.junit.jupiter.api.Test;

/** The walk's bookkeeping that pruning relies on: which spell decided a review, which review marked a return. */
class TwelveSixteenWalkTest {

    private final Traveller t = Traveller.foreigner();

    @Test
    void reviewRecordsTheCrossingEndingTheDecidingSpell() {
        List<CrossingFact> walk = List.of(
                t.entry("e1", LocalDate.of(2017, 1, 1)),
                t.exit("x1", LocalDate.of(2017, 1, 11)),
                t.entry("e2", LocalDate.of(2017, 3, 12)),
                t.exit("x2", LocalDate.of(2017, 4, 1)));

        List<TwelveSixteenRule.Outcome> outcomes =
                TwelveSixteenRule.walk(walk, ResidenceStatus.NON_RESIDENT, null, Map.of(), Traveller.KAZ);

        // e1: 10 in, 60 out, 20 in, then the open spell out (487) passes N: decided by the trailing spell
        assertThat(outcomes.get(0).decidedBy()).isEqualTo(4);
        assertThat(outcomes.get(1).decidedBy()).isEqualTo(-1);
        assertThat(outcomes.get(1).markedBy()).isZero();
        assertThat(outcomes.get(1).returnFinalDate()).isEqualTo(LocalDate.of(2017, 1, 11));
        assertThat(outcomes.get(3).markedBy()).isZero();
    }

    @Test
    void carriedReturnFinalDateIsKeptByTheWalk() {
        List<CrossingFact> walk = List.of(t.exit("x1", LocalDate.of(2017, 1, 11)));

        List<TwelveSixteenRule.Outcome> outcomes = TwelveSixteenRule.walk(
                walk,
                ResidenceStatus.NON_RESIDENT,
                LocalDate.of(2017, 5, 13),
                Map.of("x1", LocalDate.of(2017, 1, 11)),
                Traveller.KAZ);

        assertThat(outcomes.get(0).finalDate()).isEqualTo(LocalDate.of(2017, 1, 11));
        assertThat(outcomes.get(0).statusAfterFinal()).isEqualTo(LocalDate.of(2017, 5, 13));
        assertThat(outcomes.get(0).markedBy()).isEqualTo(TwelveSixteenRule.CARRIED);
    }
}
