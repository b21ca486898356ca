package org.borderflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.QualityIssue;
import org.junit.jupiter.api.Test;

/** The result depends neither on the order of the crossings nor on duplicates (RULES.md §3, §8). */
class OrderAndDuplicatesPropertyTest {

    private static final int ITINERARIES = 1000;

    @Test
    void shuffledCrossingsWithDuplicatesGiveTheSameEvaluation() {
        Random random = new Random(20261122L);
        for (int n = 0; n < ITINERARIES; n++) {
            List<CrossingFact> crossings = RandomItineraries.itinerary(random);
            LocalDate clock = RandomItineraries.lastDate(crossings).plusDays(random.nextInt(600));
            Evaluation expected = TravellerTimeline.evaluate(null, crossings, clock, Traveller.KAZ);

            List<CrossingFact> delivered = withDuplicates(crossings, random);
            Collections.shuffle(delivered, random);
            Evaluation actual = TravellerTimeline.evaluate(null, delivered, clock, Traveller.KAZ);

            String itinerary = "itinerary " + n + ": " + crossings;
            assertThat(actual.spells()).as(itinerary).isEqualTo(expected.spells());
            assertThat(actual.outcomes()).as(itinerary).isEqualTo(expected.outcomes());
            assertThat(actual.status()).as(itinerary).isEqualTo(expected.status());
            assertThat(withoutDuplicates(actual.findings()))
                    .as(itinerary)
                    .isEqualTo(withoutDuplicates(expected.findings()));
        }
    }

    @Test
    void everyInjectedCopyIsReportedOnce() {
        Traveller t = Traveller.foreigner();
        CrossingFact entry = t.entry("e1", LocalDate.of(2025, 3, 1));
        CrossingFact resent = copyWithEventId(entry, "e1-resent");
        Evaluation e = Traveller.evaluate(LocalDate.of(2025, 3, 2), resent, entry, entry, resent);

        assertThat(e.findings())
                .extracting(QualityEvent::getEventId, QualityEvent::getOccurrences)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("e1", 3));
    }

    private static List<CrossingFact> withDuplicates(List<CrossingFact> crossings, Random random) {
        List<CrossingFact> delivered = new ArrayList<>(crossings);
        for (CrossingFact c : crossings) {
            int kind = random.nextInt(6);
            if (kind == 0) {
                delivered.add(c);
            } else if (kind == 1) {
                delivered.add(copyWithEventId(c, c.eventId() + "-resent"));
            }
        }
        return delivered;
    }

    /** The same card half sent again under another event id: same traveller, direction, card and date. */
    static CrossingFact copyWithEventId(CrossingFact c, String eventId) {
        return new CrossingFact(
                eventId,
                c.travellerId(),
                c.cardNumber(),
                c.direction(),
                c.crossedAt(),
                c.date(),
                c.borderPost(),
                c.citizenship(),
                c.sex(),
                c.birthDate(),
                c.purpose(),
                c.intendedStayDays());
    }

    private static List<QualityEvent> withoutDuplicates(List<QualityEvent> findings) {
        return findings.stream()
                .filter(f -> f.getIssue() != QualityIssue.DUPLICATE)
                .toList();
    }
}
