package org.borderflows.query.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.TableCell;
import org.junit.jupiter.api.Test;

class CellSumTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 14);

    @Test
    void roundTripsInThirteenBytes() {
        CellSum sum = new CellSum(-3.5, DAY);
        byte[] bytes = CellSum.SERDE.serializer().serialize("t", sum);
        assertThat(bytes).hasSize(13);
        assertThat(CellSum.SERDE.deserializer().deserialize("t", bytes)).isEqualTo(sum);
        assertThat(CellSum.SERDE.serializer().serialize("t", null)).isNull();
        assertThat(CellSum.SERDE.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void readsTheFullTableCellOfEarlierVersions() {
        TableCell cell = Cells.of("crossings", DAY, Map.of("direction", "ENTRY"), 7, DAY);
        byte[] legacy = AvroSerde.of(TableCell.class).serialize("t", cell);
        assertThat(CellSum.SERDE.deserializer().deserialize("t", legacy)).isEqualTo(new CellSum(7, DAY));
        assertThatThrownBy(() -> CellSum.SERDE.deserializer().deserialize("t", new byte[] {9, 9}))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void addsCountsKeepsTheLaterClockAndDeletesAtZero() {
        CellSum total = CellSum.add(null, new CellSum(2, DAY));
        assertThat(CellSum.add(total, new CellSum(1, DAY.minusDays(3)))).isEqualTo(new CellSum(3, DAY));
        assertThat(CellSum.add(total, new CellSum(0, DAY.plusDays(1)))).isEqualTo(new CellSum(2, DAY.plusDays(1)));
        assertThat(CellSum.add(total, new CellSum(-2, DAY))).isNull();
    }

    @Test
    void aCellIsRebuiltFromItsKey() {
        TableCell cell = Cells.of(
                "migration-12-16",
                DAY,
                Map.of("ageGroup", "85+", "finalMonth", "2027-06", "borderPost", "KZ-ALA-AIR", "ltm", "true"),
                4,
                DAY);
        assertThat(Cells.fromKey(Cells.key(cell), 4, DAY)).isEqualTo(cell);
        TableCell total = Cells.of("quality", DAY, Map.of(), 1, DAY);
        assertThat(Cells.fromKey(Cells.key(total), 1, DAY)).isEqualTo(total);
    }
}
