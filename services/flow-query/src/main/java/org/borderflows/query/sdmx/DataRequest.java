package org.borderflows.query.sdmx;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
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
import org.borderflows.query.tables.Frequency;
import org.borderflows.query.tables.Query;
import org.borderflows.query.topology.CellDimension;

/**
 * An SDMX REST data query turned into a table question of the query API: the key selects, per dimension in DSD
 * order, all values (empty: one series per value), some values ({@code A+B}) or the total ({@code _T}: the
 * dimension is summed, not split); the period selects months. Every error names its parameter.
 *
 * @param selections per DSD dimension: null for all values, the set of values, or empty for the total
 * @param dimensionAtObservation TIME_PERIOD, a dimension id, or AllDimensions
 * @param updatedAfter only the observations changed after this instant (null: all)
 */
public record DataRequest(
        Structure structure,
        List<Set<String>> selections,
        YearMonth start,
        YearMonth end,
        String dimensionAtObservation,
        Instant updatedAfter) {
    public static final String ALL_DIMENSIONS = "AllDimensions";
    public static final String UPDATED_AFTER = "updatedAfter";
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-(\\d{2})|-Q([1-4]))?");

    public static DataRequest parse(
            Structure structure, String key, String startPeriod, String endPeriod, String dimensionAtObservation) {
        return parse(structure, key, startPeriod, endPeriod, dimensionAtObservation, null);
    }

    /**
     * @param updatedAfter an ISO 8601 date-time with offset ({@code 2026-03-01T00:00:00Z}, {@code
     *     2026-03-01T06:00:00+06:00}), or null
     */
    public static DataRequest parse(
            Structure structure,
            String key,
            String startPeriod,
            String endPeriod,
            String dimensionAtObservation,
            String updatedAfter) {
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
        return new DataRequest(structure, selections, start, end, atObservation, instant(updatedAfter));
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim().replace(' ', '+'); // a '+' of the offset may arrive decoded as a space
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadQueryException(
                    UPDATED_AFTER,
                    "updatedAfter must be an ISO 8601 date-time with a zone offset, e.g. 2026-03-01T00:00:00Z or"
                            + " 2026-03-01T06:00:00+06:00, got '" + value + "'");
        }
    }

    private static Set<String> selection(Structure structure, Component dim, String position) {
        if (position.isEmpty()) {
            return null;
        }
        if (Structure.isTimeGrain(dim)) {
            Set<String> codes = new LinkedHashSet<>();
            for (String code : position.split("\\+", -1)) {
                if (dim.codelist().value(code) == null) {
                    throw new BadQueryException(
                            "key",
                            "unknown code '" + code + "' for dimension " + dim.id() + " (it has no total); allowed: "
                                    + String.join(
                                            ", ",
                                            dim.codelist().codes().stream()
                                                    .map(Codelist.Code::id)
                                                    .toList()));
                }
                codes.add(code);
            }
            return codes;
        }
        if (position.equals(Codes.TOTAL)) {
            return Set.of();
        }
        Dimension source = structure.dataset().dimension(dim.source());
        Set<String> values = new LinkedHashSet<>();
        for (String code : position.split("\\+", -1)) {
            String value = source.values() != null ? dim.codelist().value(code) : code;
            if (code.equals(Codes.NET) && source.name().equals(CellDimension.DIRECTION.key())) {
                values.add(Codes.NET); // the net rows of year-ended 12/16 totals: kept from the rows by direction
                continue;
            }
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
     * A FREQ and TRANSFORMATION pair of the answer and the table frequency it stands for.
     *
     * @param transformation null when the DSD has no TRANSFORMATION (a stock, the revisions, quality)
     */
    public record Grain(String freq, String transformation, Frequency frequency) {}

    /**
     * The FREQ and TRANSFORMATION pairs the key asks for, in code list order: an empty position is every code whose
     * table is published (a quarter of a stock, not a year-ended total of it); a code chosen explicitly whose table is
     * not published is a 400 naming the key.
     */
    public List<Grain> grains() {
        Set<String> freqs = null;
        Set<String> transformations = null;
        Component transformation = null;
        for (int i = 0; i < selections.size(); i++) {
            Component dim = structure.dimensions().get(i);
            if (dim.id().equals(Structure.FREQ)) {
                freqs = selections.get(i);
            } else if (dim.id().equals(Structure.TRANSFORMATION)) {
                transformation = dim;
                transformations = selections.get(i);
            }
        }
        List<Grain> out = new ArrayList<>();
        for (Codelist.Code freq : Codes.FREQ.codes()) {
            List<String> candidates = transformation == null
                    ? java.util.Collections.singletonList(null)
                    : Codes.TRANSFORMATION.codes().stream()
                            .map(Codelist.Code::id)
                            .toList();
            for (String t : candidates) {
                boolean chosen = (freqs == null || freqs.contains(freq.id()))
                        && (t == null || transformations == null || transformations.contains(t));
                if (!chosen) {
                    continue;
                }
                Frequency frequency = Codes.frequency(freq.id(), t == null ? Codes.NOT_TRANSFORMED : t);
                String refusal = frequency == null
                        ? "a year-ended total is monthly (FREQ M)"
                        : frequency.refusal(structure.dataset());
                if (refusal == null) {
                    out.add(new Grain(freq.id(), t, frequency));
                } else if (freqs != null && (t == null || transformations != null)) {
                    throw new BadQueryException(
                            "key",
                            "FREQ " + freq.id() + (t == null ? "" : " with TRANSFORMATION " + t)
                                    + " is not published for " + structure.flowId() + ": " + refusal);
                }
            }
        }
        return out;
    }

    /**
     * The query API parameters of the same question at a frequency: {@code by} = month and every split dimension, a
     * filter for every dimension with chosen values (none for a direction chosen with NET: the net rows come from
     * both directions), {@code from}/{@code to} = the period.
     */
    public Map<String, String> tableParameters(Frequency frequency) {
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> by = new ArrayList<>(List.of(Query.MONTH));
        for (int i = 0; i < selections.size(); i++) {
            Set<String> selection = selections.get(i);
            Component dim = structure.dimensions().get(i);
            if (Structure.isTimeGrain(dim)) {
                continue;
            }
            String name = dim.source();
            if (selection == null || !selection.isEmpty()) {
                by.add(name);
            }
            if (selection != null && !selection.isEmpty() && !selection.contains(Codes.NET)) {
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
        parameters.put(Query.FREQUENCY, frequency.parameter());
        return parameters;
    }
}
