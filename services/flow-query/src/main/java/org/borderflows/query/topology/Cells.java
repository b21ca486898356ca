package org.borderflows.query.topology;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.borderflows.schema.TableCell;

/**
 * Cell identity and arithmetic. A cell is one combination of a dataset, a month and dimension values; its key
 * is {@code dataset|YYYY-MM|dim=value;dim=value} with the dimensions sorted by name, so the same combination
 * always lands on the same key (and the same partition of the cell topic).
 */
public final class Cells {
    /** The measure every cell carries: how many records (crossings, spells, findings) fall into it. */
    public static final String COUNT = "count";
    /** Dimension value for "not applicable", e.g. the reason of a quality finding that is not a rejection. */
    public static final String NONE = "NONE";

    private Cells() {}

    public static String month(LocalDate date) {
        return YearMonth.from(date).toString();
    }

    /** A cell holding {@code count} records. */
    public static TableCell of(
            String dataset, LocalDate month, Map<String, String> dimensions, double count, LocalDate asOf) {
        return TableCell.newBuilder()
                .setDataset(dataset)
                .setMonth(month(month))
                .setDimensions(new TreeMap<>(dimensions))
                .setMeasures(new TreeMap<>(Map.of(COUNT, count)))
                .setAsOf(asOf)
                .build();
    }

    public static String key(TableCell cell) {
        StringBuilder key = new StringBuilder(cell.getDataset())
                .append('|')
                .append(cell.getMonth())
                .append('|');
        boolean first = true;
        Map<String, String> dimensions = cell.getDimensions();
        // Cells made by of() hold their dimensions sorted already: no copy on the aggregator's hot path.
        Map<String, String> sorted = dimensions instanceof SortedMap<String, String> s && s.comparator() == null
                ? dimensions
                : new TreeMap<>(dimensions);
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (!first) {
                key.append(';');
            }
            key.append(e.getKey()).append('=').append(e.getValue());
            first = false;
        }
        return key.toString();
    }

    /**
     * The cell of a key made by {@link #key} with a count and a clock: the inverse of {@link #key} (dimension
     * names and values never contain {@code |}, {@code ;} or {@code =}: they are codes, enums and months).
     */
    public static TableCell fromKey(String key, double count, LocalDate asOf) {
        int first = key.indexOf('|');
        int second = key.indexOf('|', first + 1);
        if (first < 0 || second < 0) {
            throw new IllegalArgumentException("not a cell key: " + key);
        }
        Map<String, String> dimensions = new TreeMap<>();
        String rest = key.substring(second + 1);
        if (!rest.isEmpty()) {
            for (String pair : rest.split(";", -1)) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("not a cell key: " + key);
                }
                dimensions.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return TableCell.newBuilder()
                .setDataset(key.substring(0, first))
                .setMonth(key.substring(first + 1, second))
                .setDimensions(dimensions)
                .setMeasures(new TreeMap<>(Map.of(COUNT, count)))
                .setAsOf(asOf)
                .build();
    }

    public static double count(TableCell cell) {
        Double count = cell.getMeasures().get(COUNT);
        return count == null ? 0 : count;
    }

    /**
     * Adds a delta to a running cell: counts add up, the clock is the later of the two. A cell whose count
     * falls back to zero is deleted (null), so the cube holds only cells with data.
     */
    public static TableCell add(TableCell total, TableCell delta) {
        double count = (total == null ? 0 : count(total)) + count(delta);
        if (Math.abs(count) < 1e-9) {
            return null;
        }
        LocalDate asOf = total == null || delta.getAsOf().isAfter(total.getAsOf()) ? delta.getAsOf() : total.getAsOf();
        return TableCell.newBuilder(delta)
                .setMeasures(new TreeMap<>(Map.of(COUNT, count)))
                .setAsOf(asOf)
                .build();
    }
}
