package org.borderflows.query.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.borderflows.query.Fixtures;
import org.borderflows.query.tables.Datasets;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.CrossingOutcome;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.QualityIssue;
import org.junit.jupiter.api.Test;

class CountedCellsTest {
    private static final Contributions CONTRIBUTIONS = Datasets.contributions();

    /** An arrival of 3 February 2025 whose 12/16 outcome is provisional until 1 June 2026, as of 1 March 2025. */
    private static final CrossingOutcome ARRIVAL = Fixtures.arrival(
                    "e1", LocalDate.of(2025, 2, 3), true, LocalDate.of(2026, 6, 1), LocalDate.of(2025, 3, 1))
            .build();

    private final Serde<CountedCells> outcomes =
            CountedCells.serde(AvroSerde.of(CrossingOutcome.class), CONTRIBUTIONS::of, CrossingOutcome::getAsOf);

    @Test
    void keepsTheCellsAndCountsOfAValueAndItsClock() {
        CountedCells cells = CountedCells.of(CONTRIBUTIONS.of(ARRIVAL), ARRIVAL.getAsOf());

        assertThat(cells.asOf()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(counts(cells))
                .containsExactly(
                        Map.entry(
                                "crossings|2025-02|ageGroup=25-29;borderPost=KZ-ALA-AIR;citizenship=TJK;"
                                        + "direction=ENTRY;purpose=WORK;residenceStatus=NON_RESIDENT;sex=M",
                                1.0),
                        Map.entry(
                                "migration-12-16|2025-02|ageGroup=25-29;borderPost=KZ-ALA-AIR;citizenship=TJK;"
                                        + "direction=ENTRY;finalDay=01;finalMonth=2026-06;ltm=true;purpose=WORK;"
                                        + "residenceStatus=NON_RESIDENT;sex=M;statusYears=-;timeBack=-",
                                1.0));
    }

    @Test
    void roundTripsWithCountsOtherThanOne() {
        QualityEvent twice = QualityEvent.newBuilder(Fixtures.quality(
                        QualityIssue.DUPLICATE, "e7", LocalDate.of(2025, 4, 30), LocalDate.of(2025, 5, 2)))
                .setOccurrences(2)
                .build();
        CountedCells cells = CountedCells.of(CONTRIBUTIONS.of(twice), twice.getAsOf());
        Serde<CountedCells> serde =
                CountedCells.serde(AvroSerde.of(QualityEvent.class), CONTRIBUTIONS::of, QualityEvent::getAsOf);

        CountedCells back =
                serde.deserializer().deserialize("t", serde.serializer().serialize("t", cells));

        assertThat(back.asOf()).isEqualTo(LocalDate.of(2025, 5, 2));
        assertThat(counts(back)).isEqualTo(counts(cells)).containsValue(2.0);
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void readsTheWholeValueThatEarlierVersionsKept() {
        // Before, the store kept the engine's value itself (Avro single-object encoding): after an upgrade its
        // cells must still be retracted exactly when the value is next corrected.
        byte[] earlier = AvroSerde.of(CrossingOutcome.class).serialize("t", ARRIVAL);

        CountedCells cells = outcomes.deserializer().deserialize("t", earlier);

        assertThat(cells.asOf()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(counts(cells)).isEqualTo(counts(CountedCells.of(CONTRIBUTIONS.of(ARRIVAL), ARRIVAL.getAsOf())));
        assertThatThrownBy(() -> outcomes.deserializer().deserialize("t", new byte[] {9, 9}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("2 bytes");
    }

    private static Map<String, Double> counts(CountedCells cells) {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            counts.put(cells.key(i), cells.count(i));
        }
        return counts;
    }
}
