package org.borderflows.query.tables;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.borderflows.query.topology.CellDimension;
import org.borderflows.query.topology.MigrationContribution;

/**
 * The estimator's view of packed migration cells ({@link PackedCells}): groups are the key's month and level bits,
 * no cell is decoded but its final date (once per distinct final date). The key's count is read beside it, so an
 * entry is a key and a count.
 */
final class PackedReader implements Estimator.Reader<PackedReader.Entry> {
    /** One packed cell: its key and count. */
    record Entry(long key, double count) {}

    private final PackedCells packed;
    private final long[] levelMasks = new long[Estimator.LEVELS.size()];
    private final long finalDateMask;
    private final long directionMask;
    private final long ltmMask;
    private final long ltmTrue;
    private final Map<Long, LocalDate> finalDates = new ConcurrentHashMap<>();
    private final long timeBackMask;
    private final long citizenshipMask;
    private final Map<String, Long> citizenBits = new ConcurrentHashMap<>();
    private final Map<Long, Integer> timeBack = new ConcurrentHashMap<>();

    PackedReader(PackedCells packed) {
        this.packed = packed;
        for (int level = 0; level < levelMasks.length; level++) {
            long mask = PackedCells.MONTH_MASK;
            for (String dim : Estimator.LEVELS.get(level)) {
                mask |= packed.mask(dim);
            }
            levelMasks[level] = mask;
        }
        this.finalDateMask = packed.mask("finalMonth") | packed.mask(CellDimension.FINAL_DAY.key());
        this.timeBackMask = packed.mask(CellDimension.TIME_BACK.key());
        this.citizenshipMask = packed.mask(CellDimension.CITIZENSHIP.key());
        this.ltmMask = packed.mask("ltm");
        this.directionMask = packed.mask("direction");
        this.ltmTrue = packed.bits("ltm", "true");
    }

    /** The packed cells as entries. */
    java.util.List<Entry> entries() {
        java.util.List<Entry> out = new java.util.ArrayList<>();
        for (Cube.Entries e = packed.entries; e.next(); ) {
            out.add(new Entry(e.key(), e.value()));
        }
        return out;
    }

    @Override
    public int month(Entry cell) {
        return packed.month(cell.key());
    }

    @Override
    public Object direction(Entry cell) {
        return cell.key() & directionMask;
    }

    @Override
    public Object group(Entry cell, int level, int months) {
        long key = months == 0 ? cell.key() : packed.shiftMonth(cell.key(), months);
        return key < 0 ? null : key & levelMasks[level];
    }

    @Override
    public boolean citizenOf(Entry cell, String country) {
        long bits = citizenBits.computeIfAbsent(country, c -> packed.bits(CellDimension.CITIZENSHIP.key(), c));
        return bits >= 0 && (cell.key() & citizenshipMask) == bits;
    }

    @Override
    public boolean ltm(Entry cell) {
        return (cell.key() & ltmMask) == ltmTrue;
    }

    @Override
    public LocalDate finalDate(Entry cell) {
        return finalDates.computeIfAbsent(
                cell.key() & finalDateMask,
                bits -> ClockView.finalDate(
                        packed.decode(cell.key(), "finalMonth"),
                        packed.decode(cell.key(), CellDimension.FINAL_DAY.key())));
    }

    @Override
    public int timeBack(Entry cell) {
        return timeBack.computeIfAbsent(
                cell.key() & timeBackMask,
                bits -> MigrationContribution.timeBack(packed.decode(cell.key(), CellDimension.TIME_BACK.key())));
    }

    @Override
    public double count(Entry cell) {
        return cell.count();
    }
}
