package org.borderflows.query.topology;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.TableCell;

/**
 * A cell delta or running cell total inside the aggregator: a count and a clock, nothing else. The cell's
 * identity (dataset, month, dimensions) is the record key ({@link Cells#key}), so the repartition topic and the
 * sum store need not carry it again: encoding the full {@link TableCell} (dimension maps of strings) into them
 * and back was a third of the aggregator's CPU. The published {@code table-cells} records stay full TableCells.
 *
 * <p>Encoding: 13 bytes, a format byte {@code 1}, the count (double), the clock (epoch day, int). A full
 * TableCell in Avro single-object encoding (header {@code C3 01}), the format of earlier versions still in a
 * repartition topic or a sum-store changelog when the service is upgraded, is read as its count and clock.
 */
public record CellSum(double count, LocalDate asOf) {
    private static final byte FORMAT = 1;
    private static final int SIZE = 13;

    /** The serde of the repartition topic and the sum store. */
    public static final Serde<CellSum> SERDE = Serdes.serdeFrom(new Encoder(), new Decoder());

    public static CellSum of(TableCell delta) {
        return delta == null ? null : new CellSum(Cells.count(delta), delta.getAsOf());
    }

    /** Two deltas of one cell as one: counts add up (a zero sum is kept: it carries its clock), the later clock. */
    public CellSum plus(CellSum other) {
        return new CellSum(count + other.count, other.asOf.isAfter(asOf) ? other.asOf : asOf);
    }

    /** Whether the count is zero (to rounding). */
    public boolean isZero() {
        return Math.abs(count) < 1e-9;
    }

    /** Adds a delta: counts add up, the clock is the later one; a count back to zero deletes the cell (null). */
    public static CellSum add(CellSum total, CellSum delta) {
        CellSum sum = total == null ? delta : total.plus(delta);
        return sum.isZero() ? null : sum;
    }

    private static final class Encoder implements Serializer<CellSum> {
        @Override
        public byte[] serialize(String topic, CellSum value) {
            if (value == null) {
                return null;
            }
            return ByteBuffer.allocate(SIZE)
                    .put(FORMAT)
                    .putDouble(value.count)
                    .putInt(Math.toIntExact(value.asOf.toEpochDay()))
                    .array();
        }
    }

    private static final class Decoder implements Deserializer<CellSum> {
        private final AvroSerde<TableCell> legacy = AvroSerde.of(TableCell.class);

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {}

        @Override
        public CellSum deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            if (data.length == SIZE && data[0] == FORMAT) {
                ByteBuffer b = ByteBuffer.wrap(data, 1, SIZE - 1);
                return new CellSum(b.getDouble(), LocalDate.ofEpochDay(b.getInt()));
            }
            if (data.length >= 2 && data[0] == (byte) 0xC3 && data[1] == 0x01) {
                return of(legacy.deserialize(topic, data));
            }
            throw new SerializationException("not a cell sum (" + data.length + " bytes) in " + topic);
        }
    }
}
