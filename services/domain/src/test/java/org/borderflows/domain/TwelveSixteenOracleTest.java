package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.borderflows.schema.Direction;
import org.borderflows.schema.ResidenceStatus;
import org.junit.jupiter.api.Test;

/** The prefix-sum review gives exactly what the spell-by-spell reading of §5 gives. */
class TwelveSixteenOracleTest {

    @Test
    void reviewAgreesWithTheStepByStepWalkOnRandomItineraries() {
        Random random = new Random(3L);
        for (int n = 0; n < 3000; n++) {
            Traveller t = random.nextBoolean() ? Traveller.citizen() : Traveller.foreigner();
            Direction direction = random.nextBoolean() ? Direction.ENTRY : Direction.EXIT;
            LocalDate date = LocalDate.of(2020, 1, 1);
            List<CrossingFact> walk = new ArrayList<>();
            int count = 1 + random.nextInt(random.nextInt(10) == 0 ? 300 : 20);
            int maxGap = random.nextBoolean() ? 3 : 200;
            for (int i = 0; i < count; i++) {
                walk.add(t.crossing("c" + i, direction, date));
                direction = direction == Direction.ENTRY ? Direction.EXIT : Direction.ENTRY;
                date = date.plusDays(random.nextInt(maxGap));
            }
            ResidenceStatus initial = random.nextBoolean() ? ResidenceStatus.RESIDENT : ResidenceStatus.NON_RESIDENT;
            LocalDate initialFinal =
                    random.nextBoolean() ? null : LocalDate.of(2020, 1, 1).plusDays(random.nextInt(300));
            Map<String, LocalDate> carried = random.nextInt(4) == 0 && count > 1
                    ? Map.of("c1", walk.get(1).date().plusDays(random.nextInt(50)))
                    : Map.of();

            assertThat(TwelveSixteenRule.walk(walk, initial, initialFinal, carried, Traveller.KAZ))
                    .as("itinerary " + n + ": " + walk)
                    .isEqualTo(StepByStepTwelveSixteen.walk(walk, initial, initialFinal, carried, Traveller.KAZ));
        }
    }
}
