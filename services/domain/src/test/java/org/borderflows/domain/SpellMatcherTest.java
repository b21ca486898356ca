package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.borderflows.schema.SpellState;
import org.junit.jupiter.api.Test;

/** Which crossings the 12/16 walk sees: same-direction repeats removed per §3. */
class SpellMatcherTest {

    @Test
    void ofTwoEntriesTheWalkDropsTheEarlierWhoseStayIsBroken() {
        Traveller t = Traveller.foreigner();
        CrossingFact e1 = t.entry("e1", LocalDate.of(2025, 1, 1));
        CrossingFact e2 = t.entry("e2", LocalDate.of(2025, 2, 1));
        CrossingFact x2 = t.exit("x2", LocalDate.of(2025, 2, 10));

        SpellMatcher.Matching m = SpellMatcher.match(List.of(e1, e2, x2), false);

        assertThat(m.walk()).containsExactly(e2, x2);
        assertThat(m.spells())
                .extracting(SpellMatcher.Draft::state)
                .containsExactly(SpellState.BROKEN, SpellState.CLOSED);
    }

    @Test
    void ofTwoExitsTheWalkDropsTheLaterWhichEndsNoStay() {
        Traveller t = Traveller.foreigner();
        CrossingFact e1 = t.entry("e1", LocalDate.of(2025, 1, 1));
        CrossingFact x1 = t.exit("x1", LocalDate.of(2025, 1, 10));
        CrossingFact x2 = t.exit("x2", LocalDate.of(2025, 2, 1));

        assertThat(SpellMatcher.match(List.of(e1, x1, x2), false).walk()).containsExactly(e1, x1);
    }

    @Test
    void leadingOrphanExitStaysInTheWalk() {
        Traveller t = Traveller.foreigner();
        CrossingFact x1 = t.exit("x1", LocalDate.of(2025, 1, 10));
        CrossingFact e1 = t.entry("e1", LocalDate.of(2025, 2, 1));

        SpellMatcher.Matching m = SpellMatcher.match(List.of(x1, e1), false);

        assertThat(m.walk()).containsExactly(x1, e1);
        assertThat(m.spells()).extracting(SpellMatcher.Draft::start).containsExactly(e1);
    }

    @Test
    void residentsSpellsStartWithAnExit() {
        Traveller t = Traveller.citizen();
        CrossingFact e0 = t.entry("e0", LocalDate.of(2025, 1, 1));
        CrossingFact x1 = t.exit("x1", LocalDate.of(2025, 1, 10));
        CrossingFact e1 = t.entry("e1", LocalDate.of(2025, 2, 1));

        SpellMatcher.Matching m = SpellMatcher.match(List.of(e0, x1, e1), true);

        assertThat(m.spells()).singleElement().satisfies(absence -> {
            assertThat(absence.start()).isEqualTo(x1);
            assertThat(absence.end()).isEqualTo(e1);
        });
        assertThat(m.findings()).isEmpty();
        assertThat(m.walk()).containsExactly(e0, x1, e1);
    }
}
