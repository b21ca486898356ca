package org.borderflows.query.tables;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.borderflows.query.tables.Datasets.Dataset;
import org.borderflows.query.tables.Datasets.Dimension;

/**
 * A validated table question: dataset, period (null = default), group-by dimensions, filters (dimension to
 * accepted values), the time grain of the rows ({@link Frequency}: month, quarter, year, or the year-ended total of
 * the 12 months ending with each month, RULES.md §6, §9) and whether the answer adds the names of the codes
 * ({@code labels=both}). Parsing names the offending parameter in every error.
 */
public record Query(
        Dataset dataset,
        YearMonth from,
        YearMonth to,
        List<String> by,
        Map<String, Set<String>> filters,
        Frequency frequency,
        boolean labels) {
    /** {@code frequency=month} (default), {@code quarter}, {@code year} or {@code year-ended}, see {@link Frequency}. */
    /** The period dimension of every dataset (YYYY-MM; a quarter, a year with those frequencies). */
    public static final String MONTH = "month";

    /** The dimension of the revisions table: months after the crossing month at which an estimate was made. */
    public static final String STAGE = "stage";

    public static final String FREQUENCY = "frequency";

    /** {@code labels=id} (default: codes only) or {@code labels=both} (codes and their names). */
    public static final String LABELS = "labels";

    /** Query parameters that are not dimension filters. */
    public static final Set<String> RESERVED = Set.of("from", "to", "by", "format", FREQUENCY, LABELS);

    public static final String YEAR_ENDED = "year-ended";

    /** True for year-ended totals. */
    public boolean yearEnded() {
        return frequency == Frequency.YEAR_ENDED;
    }

    public static Query parse(String datasetName, Map<String, String> parameters) {
        Dataset dataset = Datasets.get(datasetName);
        if (dataset == null) {
            throw new BadQueryException(
                    "dataset",
                    "unknown dataset '" + datasetName + "'; known: "
                            + String.join(
                                    ", ",
                                    Datasets.all().stream().map(Dataset::name).toList()));
        }
        YearMonth from = month("from", parameters.get("from"), true);
        YearMonth to = month("to", parameters.get("to"), false);
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadQueryException("from", "from (" + from + ") is after to (" + to + ")");
        }
        List<String> by = new ArrayList<>();
        String byValue = parameters.get("by");
        if (byValue != null && !byValue.isBlank()) {
            for (String name : byValue.split(",")) {
                String dim = name.trim();
                if (dataset.dimension(dim) == null) {
                    throw new BadQueryException("by", unknownDimension(dataset, dim));
                }
                if (!by.contains(dim)) {
                    by.add(dim);
                }
            }
        }
        Map<String, Set<String>> filters = new TreeMap<>();
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (RESERVED.contains(p.getKey())) {
                continue;
            }
            Dimension dim = dataset.dimension(p.getKey());
            if (dim == null) {
                throw new BadQueryException(p.getKey(), unknownDimension(dataset, p.getKey()));
            }
            Set<String> values = new TreeSet<>();
            for (String raw : p.getValue().split(",")) {
                String value = raw.trim();
                if (!dim.accepts(value)) {
                    throw new BadQueryException(
                            dim.name(),
                            "unknown value '" + value + "' for dimension " + dim.name() + "; allowed: "
                                    + dim.allowed());
                }
                values.add(value);
            }
            filters.put(dim.name(), values);
        }
        return new Query(
                dataset,
                from,
                to,
                List.copyOf(by),
                filters,
                frequency(dataset, by, parameters.get(FREQUENCY)),
                labels(parameters.get(LABELS)));
    }

    private static Frequency frequency(Dataset dataset, List<String> by, String value) {
        Frequency frequency = Frequency.parse(value);
        String refusal = frequency.refusal(dataset);
        if (refusal != null) {
            throw new BadQueryException(FREQUENCY, refusal + "; " + dataset.name() + " is by month");
        }
        if (frequency == Frequency.YEAR_ENDED && !by.contains(MONTH)) {
            throw new BadQueryException(
                    FREQUENCY, "year-ended totals need month in by (the month each total ends with)");
        }
        return frequency;
    }

    private static boolean labels(String value) {
        if (value == null || value.isBlank() || value.equals("id")) {
            return false;
        }
        if (!value.equals("both")) {
            throw new BadQueryException(
                    LABELS, "labels must be id (codes) or both (codes and names), got '" + value + "'");
        }
        return true;
    }

    private static String unknownDimension(Dataset dataset, String name) {
        return "unknown dimension '" + name + "' for dataset " + dataset.name() + "; known: "
                + String.join(
                        ", ", dataset.dimensions().stream().map(Dimension::name).toList());
    }

    /**
     * A period bound: a month {@code YYYY-MM}, or a quarter {@code YYYY-Qn} or a year {@code YYYY}, which stand for
     * their first month (from) or last month (to).
     */
    private static YearMonth month(String parameter, String value, boolean start) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.matches("\\d{4}")) {
                return YearMonth.of(Integer.parseInt(value), start ? 1 : 12);
            }
            if (value.matches("\\d{4}-Q[1-4]")) {
                int quarter = value.charAt(6) - '0';
                return YearMonth.of(Integer.parseInt(value.substring(0, 4)), start ? 3 * quarter - 2 : 3 * quarter);
            }
            if (!value.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM", value, 0);
            }
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadQueryException(
                    parameter,
                    parameter + " must be a month YYYY-MM (or a quarter YYYY-Qn, a year YYYY), got '" + value + "'");
        }
    }

    /** A canonical text of the question, for caching (same question, same key). */
    public String canonical() {
        return dataset.name() + "?from=" + from + "&to=" + to + "&by=" + by + "&" + filters + "&frequency="
                + frequency.parameter() + (labels ? "&labels=both" : "");
    }

    /** Helper for callers holding multi-valued parameters. */
    public static Set<String> csv(String value) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : value.split(",")) {
            out.add(v.trim());
        }
        return out;
    }
}
