package org.borderflows.query.tables;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The time grain of a table's rows (RULES.md §9: "every table is also available by quarter and year, and as
 * year-ended totals for migration flows"). The cells are monthly; a quarter or a year is the sum of its months (a
 * stock: its value at the period's end), a year-ended row the sum of the 12 months ending with its month. The sums
 * are made of exact counts; the public figure is then protected as a cell of its own (§10).
 *
 * <p>Row periods: {@code 2025-03} (month, and the month a year-ended total ends with), {@code 2025-Q1}, {@code 2025}.
 */
public enum Frequency {
    MONTH("month", 1),
    QUARTER("quarter", 3),
    YEAR("year", 12),
    YEAR_ENDED("year-ended", 1);

    private final String parameter;
    private final int months;

    Frequency(String parameter, int months) {
        this.parameter = parameter;
        this.months = months;
    }

    /** The value of the {@code frequency} query parameter. */
    public String parameter() {
        return parameter;
    }

    /** The accepted values of {@code frequency}, in order. */
    public static String values(String separator) {
        return Arrays.stream(values()).map(Frequency::parameter).collect(Collectors.joining(separator));
    }

    /** The frequency named by a {@code frequency} parameter (absent: month); a 400 naming it otherwise. */
    public static Frequency parse(String value) {
        if (value == null || value.isBlank()) {
            return MONTH;
        }
        for (Frequency f : values()) {
            if (f.parameter.equals(value)) {
                return f;
            }
        }
        throw new BadQueryException(
                Query.FREQUENCY, "frequency must be one of " + values(", ") + ", got '" + value + "'");
    }

    /** Why this frequency is not published for a dataset, or null when it is. */
    public String refusal(Datasets.Dataset dataset) {
        if (this == MONTH) {
            return null;
        }
        if (dataset.reading() == Reading.REVISIONS) {
            return "the revisions table compares estimates by crossing month only (frequency=month)";
        }
        if (this == YEAR_ENDED && !dataset.flow()) {
            return "year-ended totals are published for the flow datasets only (" + String.join(", ", flows()) + ")";
        }
        return null;
    }

    /** The flow datasets, sorted. */
    public static java.util.List<String> flows() {
        return Datasets.all().stream()
                .filter(Datasets.Dataset::flow)
                .map(Datasets.Dataset::name)
                .sorted()
                .toList();
    }

    /** The first month index (see {@link Cube#monthIndex}) of the period holding a month. */
    public int periodStart(int month) {
        YearMonth m = Cube.yearMonth(month);
        return switch (this) {
            case MONTH, YEAR_ENDED -> month;
            case QUARTER -> month - (m.getMonthValue() - 1) % 3;
            case YEAR -> month - (m.getMonthValue() - 1);
        };
    }

    /** The last month index of the period holding a month. */
    public int periodEnd(int month) {
        return periodStart(month) + months - 1;
    }

    /** The first month whose cells a row of a period ending with {@code periodEnd} sums (11 before, year-ended). */
    public int firstSummed(int periodEnd) {
        return this == YEAR_ENDED ? periodEnd - 11 : periodEnd - months + 1;
    }

    /** The label of the period holding a month: 2025-03, 2025-Q1 or 2025. */
    public String label(int month) {
        YearMonth m = Cube.yearMonth(month);
        return switch (this) {
            case MONTH, YEAR_ENDED -> m.toString();
            case QUARTER -> m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.valueOf(m.getYear());
        };
    }

    /** The last month index of a period label of this frequency (the inverse of {@link #label}). */
    public int endOf(String label) {
        return switch (this) {
            case MONTH, YEAR_ENDED -> Cube.monthIndex(YearMonth.parse(label));
            case QUARTER ->
                Cube.monthIndex(YearMonth.of(
                        Integer.parseInt(label.substring(0, 4)), 3 * Integer.parseInt(label.substring(6))));
            case YEAR -> Cube.monthIndex(YearMonth.of(Integer.parseInt(label), 12));
        };
    }
}
