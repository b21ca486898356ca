package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeduplicationTest {

    private final Traveller t = Traveller.foreigner();

    @Test
    void crossingsAreOrderedByDateThenInstant() {
        CrossingFact later = t.entry("b", LocalDate.of(2025, 3, 2));
        CrossingFact earlier = t.exit("z", LocalDate.of(2025, 3, 1));

        assertThat(Deduplication.of(List.of(later, earlier), "KAZ").crossings()).containsExactly(earlier, later);
    }

    @Test
    void firstCopyInCrossingOrderIsKeptWhateverTheInputOrder() {
        CrossingFact original = t.entry("e1", LocalDate.of(2025, 3, 1));
        CrossingFact resent = OrderAndDuplicatesPropertyTest.copyWithEventId(original, "e2");

        assertThat(Deduplication.of(List.of(resent, original), "KAZ").crossings())
                .containsExactly(original);
        assertThat(Deduplication.of(List.of(original, resent), "KAZ").crossings())
                .containsExactly(original);
    }

    @Test
    void everyCopyMapsToItsFirstCopy() {
        CrossingFact original = t.entry("e1", LocalDate.of(2025, 3, 1));
        CrossingFact resent = OrderAndDuplicatesPropertyTest.copyWithEventId(original, "e2");
        Deduplication.Distinct distinct = Deduplication.of(List.of(resent, original, original), "KAZ");

        assertThat(distinct.firstCopy().get(resent)).isSameAs(original);
        assertThat(distinct.extraCopies()).containsEntry("e1", 2);
    }

    @Test
    void missingCardNumbersOnTheSameDayAndDirectionAreDuplicates() {
        Traveller noCard = Traveller.foreigner().card(null);
        CrossingFact first = noCard.entry("e1", LocalDate.of(2025, 3, 1));
        CrossingFact second = noCard.entry("e2", LocalDate.of(2025, 3, 1));

        assertThat(Deduplication.of(List.of(first, second), "KAZ").crossings()).containsExactly(first);
    }
}
