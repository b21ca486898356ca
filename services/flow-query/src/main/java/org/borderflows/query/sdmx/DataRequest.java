package org.borderflows.query.sdmx;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borderflows.query.sdmx.Structure.Component;
import org.borderflows.query.tables.BadQueryException;
import org.borderflows.query.tables.Datasets.Dimension;

/**
 * An SDMX REST data query turned into a table question of the query API: the key selects, per dimension in DSD
 * order, all values (empty: one series per value), some values ({@code A+B}) or the total ({@code _T}: the
 * dimension is summed, not split); the period selects months. Every error names its parameter.
 *
 * @param selections per DSD dimension: null for all values, the set of values, or empty for the total
 * @param dimensionAtObservation TIME_PERIOD, a dimension id, or AllDimensions
 */
public record DataRequest(
        Structure structure,
        List<Set<String>> selections,
        YearMonth start,
        YearMonth end,
        String dimensionAtObservation) {
    public static final String ALL_DIMENSIONS = "AllDimensions";
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-(\\d{2})|-Q([1-4]))?");

    public static DataRequest parse(
            Structure structure, String key, String startPeriod, String endPeriod, String dimensionAtObservation) {
        List<Component> dims = structure.dimensions();
        List<Set<String>> selections = new ArrayList<>();
        if (key == null || key.isEmpty() || key.equals("all")) {
            dims.forEach(d -> selections.add(null));
        } else {
            String[] positions = key.split("\\.", -1);
            if (positions.length != dims.size()) {
                throw new BadQueryException(
                        "key",
                        "key '" + key + "' has " + positions.length + " dimension positions, " + structure.dsdId()
                                + " has " + dims.size() + ": " + String.join(".", ids(dims)));
            }
            for (int i = 0; i < positions.length; i++) {
                selections.add(selection(structure, dims.get(i), positions[i]));
            }
        }
        YearMonth start = period("startPeriod", startPeriod, true);
        YearMonth end = period("endPeriod", endPeriod, false);
        if (start != null && end != null && start.isAfter(end)) {
            throw new BadQueryException("startPeriod", "startPeriod (" + start + ") is after endPeriod (" + end + ")");
        }
        String atObservation = dimensionAtObservation == null || dimensionAtObservation.isBlank()
                ? Structure.TIME_PERIOD
                : dimensionAtObservation;
        if (!atObservation.equals(Structure.TIME_PERIOD)
                && !atObservation.equals(ALL_DIMENSIONS)
                && structure.dimension(atObservation) == null) {
            throw new BadQueryException(
                    "dimensionAtObservation",
                    "dimensionAtObservation must be TIME_PERIOD, AllDimensions or a dimension of "
                            + structure.dsdId() + " (" + String.join(", ", ids(dims)) + "), got '" + atObservation
                            + "'");
        }
        return new DataRequest(structure, selections, start, end, atObservation);
    }

    private static Set<String> selection(Structure structure, Component dim, String position) {
        if (position.isEmpty()) {
            return null;
        }
        if (position.equals(Codes.TOTAL)) {
            return Set.of();
        }
        Dimension source = structure.dataset().dimension(dim.source());
        Set<String> values = new LinkedHashSet<>();
        for (String code : position.split("\\+", -1)) {
            String value = source.values() != null ? dim.codelist().value(code) : code;
            if (code.equals(Codes.TOTAL)) {
                throw new BadQueryException(
                        "key",
                        "the total _T of " + dim.id() + " cannot be combined with other codes: '" + position + "'");
            }
            if (value == null || !source.accepts(value)) {
                throw new BadQueryException(
                        "key",
                        "unknown code '" + code + "' for dimension " + dim.id() + "; allowed: "
                                + (source.values() != null
                                        ? String.join(
                                                ", ",
                                                dim.codelist().codes().stream()
                                                        .map(Codelist.Code::id)
                                                        .toList())
                                        : "codes matching " + source.pattern().pattern() + ", or _T"));
            }
            values.add(value);
        }
        return values;
    }

    private static YearMonth period(String parameter, String value, boolean start) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = PERIOD.matcher(value);
        if (!m.matches()) {
            throw new BadQueryException(
                    parameter,
                    parameter + " must be a year (2026), month (2026-03) or quarter (2026-Q1), got '" + value + "'");
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw new BadQueryException(parameter, parameter + " has no month " + month + ": '" + value + "'");
            }
            return YearMonth.of(year, month);
        }
        if (m.group(3) != null) {
            int quarter = Integer.parseInt(m.group(3));
            return YearMonth.of(year, start ? 3 * quarter - 2 : 3 * quarter);
        }
        return YearMonth.of(year, start ? 1 : 12);
    }

    private static List<String> ids(List<Component> dims) {
        return dims.stream().map(Component::id).toList();
    }

    /**
     * The query API parameters of the same question: {@code by} = month and every split dimension, a filter for
     * every dimension with chosen values, {@code from}/{@code to} = the period.
     */
    public Map<String, String> tableParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> by = new ArrayList<>(List.of("month"));
        for (int i = 0; i < selections.size(); i++) {
            Set<String> selection = selections.get(i);
            String name = structure.dimensions().get(i).source();
            if (selection == null || !selection.isEmpty()) {
                by.add(name);
            }
            if (selection != null && !selection.isEmpty()) {
                parameters.put(name, String.join(",", selection));
            }
        }
        parameters.put("by", String.join(",", by));
        if (start != null) {
            parameters.put("from", start.toString());
        }
        if (end != null) {
            parameters.put("to", end.toString());
        }
        return parameters;
    }
}
