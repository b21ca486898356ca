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
 * accepted values) and, for migration-12-16, whether each month's row is the year-ended total (the 12 months
 * ending with it, RULES.md §6, §9). Parsing names the offending parameter in every error.
 */
public record Query(
        Dataset dataset,
        YearMonth from,
        YearMonth to,
        List<String> by,
        Map<String, Set<String>> filters,
        boolean yearEnded) {
    /** {@code frequency=month} (default) or {@code frequency=year-ended} (migration-12-16, with month in by). */
    public static final String FREQUENCY = "frequency";

    /** Query parameters that are not dimension filters. */
    public static final Set<String> RESERVED = Set.of("from", "to", "by", "format", FREQUENCY);

    public static final String YEAR_ENDED = "year-ended";

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
        YearMonth from = month("from", parameters.get("from"));
        YearMonth to = month("to", parameters.get("to"));
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
                dataset, from, to, List.copyOf(by), filters, yearEnded(dataset, by, parameters.get(FREQUENCY)));
    }

    private static boolean yearEnded(Dataset dataset, List<String> by, String frequency) {
        if (frequency == null || frequency.isBlank() || frequency.equals("month")) {
            return false;
        }
        if (!frequency.equals(YEAR_ENDED)) {
            throw new BadQueryException(FREQUENCY, "frequency must be month or year-ended, got '" + frequency + "'");
        }
        if (!dataset.name().equals(org.borderflows.query.topology.Contributions.MIGRATION)) {
            throw new BadQueryException(FREQUENCY, "year-ended totals are published for migration-12-16 only");
        }
        if (!by.contains("month")) {
            throw new BadQueryException(
                    FREQUENCY, "year-ended totals need month in by (the month each total ends with)");
        }
        return true;
    }

    private static String unknownDimension(Dataset dataset, String name) {
        return "unknown dimension '" + name + "' for dataset " + dataset.name() + "; known: "
                + String.join(
                        ", ", dataset.dimensions().stream().map(Dimension::name).toList());
    }

    private static YearMonth month(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (!value.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not YYYY-MM", value, 0);
            }
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadQueryException(parameter, parameter + " must be a month YYYY-MM, got '" + value + "'");
        }
    }

    /** A canonical text of the question, for caching (same question, same key). */
    public String canonical() {
        return dataset.name() + "?from=" + from + "&to=" + to + "&by=" + by + "&" + filters
                + (yearEnded ? "&frequency=" + YEAR_ENDED : "");
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
