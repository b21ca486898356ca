package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.borderflows.schema.ResidenceStatus.NON_RESIDENT;
import static org.borderflows.schema.ResidenceStatus.RESIDENT;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.borderflows.schema.ResidenceStatus;
import org.junit.jupiter.api.Test;

/**
 * Non-resident scenarios 7 to 10 of the reference implementation's tests (StatisticsNZ/migrbc,
 * tests/testthat/test-RBC_algorithm_non_residence_rcpp.R), to check this reading of RULES.md §5 against it. Final
 * dates are written there as days after the first crossing, 1 January 2017; so they are here.
 */
class MigrbcScenariosTest {

    private static final LocalDate FIRST = LocalDate.of(2017, 1, 1);
    private final Traveller t = Traveller.foreigner();

    private static Tuple outcome(ResidenceStatus before, ResidenceStatus after, boolean ltm, int finalDay) {
        return tuple(before, after, ltm, FIRST.plusDays(finalDay));
    }

    private static List<Tuple> outcomes(CrossingFact... crossings) {
        return Traveller.evaluate(LocalDate.of(2019, 1, 1), crossings).outcomes().stream()
                .map(o -> tuple(o.getStatusBefore(), o.getStatusAfter(), o.getLongTermMigration(), o.getFinalDate()))
                .toList();
    }

    @Test
    void scenario7NonResidentMigratesAfterAShortTrip() {
        assertThat(outcomes(
                        t.entry("j1", FIRST),
                        t.exit("j2", LocalDate.of(2017, 1, 11)),
                        t.entry("j3", LocalDate.of(2017, 3, 12))))
                .containsExactly(
                        outcome(NON_RESIDENT, RESIDENT, true, 425),
                        outcome(RESIDENT, RESIDENT, false, 10),
                        outcome(RESIDENT, RESIDENT, false, 425));
    }

    @Test
    void scenario8NonResidentMigratesThenLeavesAgain() {
        assertThat(outcomes(t.entry("j1", FIRST), t.exit("j2", LocalDate.of(2018, 1, 6))))
                .containsExactly(
                        outcome(NON_RESIDENT, RESIDENT, true, 365), outcome(RESIDENT, NON_RESIDENT, true, 735));
    }

    @Test
    void scenario9NonResidentMigratesDuringASuccessionOfTrips() {
        assertThat(outcomes(
                        t.entry("j1", FIRST),
                        t.exit("j2", LocalDate.of(2017, 12, 17)),
                        t.entry("j3", LocalDate.of(2018, 1, 6)),
                        t.exit("j4", LocalDate.of(2018, 1, 26)),
                        t.entry("j5", LocalDate.of(2018, 1, 27))))
                .containsExactly(
                        outcome(NON_RESIDENT, RESIDENT, true, 385),
                        outcome(RESIDENT, RESIDENT, false, 493),
                        outcome(RESIDENT, RESIDENT, false, 385),
                        outcome(RESIDENT, RESIDENT, false, 513),
                        outcome(RESIDENT, RESIDENT, false, 391));
    }

    @Test
    void scenario10NonResidentWithTwoTripsALongTimeApart() {
        assertThat(outcomes(
                        t.entry("j1", FIRST),
                        t.exit("j2", LocalDate.of(2017, 1, 11)),
                        t.entry("j3", LocalDate.of(2018, 1, 6)),
                        t.exit("j4", LocalDate.of(2018, 1, 16))))
                .containsExactly(
                        outcome(NON_RESIDENT, NON_RESIDENT, false, 132),
                        outcome(NON_RESIDENT, NON_RESIDENT, false, 10),
                        outcome(NON_RESIDENT, NON_RESIDENT, false, 502),
                        outcome(NON_RESIDENT, NON_RESIDENT, false, 380));
    }
}
