package org.borderflows.query.sdmx;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borderflows.query.sdmx.Structure.Component;
import org.borderflows.query.tables.Query;
import org.borderflows.query.tables.Table;
import org.borderflows.query.tables.TableQueries;

/**
 * The observations answering a data request, taken from the query API's own answer to the same question
 * ({@link TableQueries#run} with the same protect flag), so a public SDMX figure is the same protected figure as in
 * the JSON API.
 *
 * <p>Observation status: for a count, A (final) or P for the month of the clock (the month is not over); for a 12/16
 * estimate, A when every outcome in the cell is final (the estimate is the final count and the interval has no
 * width), else E. The status comes from the exact figures, also for the public, whose figures are rounded.
 * Confidentiality status: C when the figure is suppressed (§10), else F.
 *
 * @param observations in the order of the table rows (sorted by month and dimension values)
 */
public record DataSet(DataRequest request, LocalDate asOf, boolean isProtected, List<Observation> observations) {
    /**
     * One observation.
     *
     * @param key the codes of the DSD's dimensions in order, then the time period
     * @param value OBS_VALUE (a Long or Double), null when suppressed
     * @param attributes attribute id to value (a code or a number); absent when it has no value
     */
    public record Observation(List<String> key, Object value, Map<String, Object> attributes) {}

    public Structure structure() {
        return request.structure();
    }

    public static DataSet answer(DataRequest request, TableQueries queries, boolean protect) {
        Structure structure = request.structure();
        Query query = Query.parse(structure.dataset().name(), request.tableParameters());
        Table table = queries.run(query, protect);
        List<Map<String, Object>> exactRows =
                protect ? queries.run(query, false).rows() : table.rows();
        Map<List<Object>, Map<String, Object>> exactByKey = new LinkedHashMap<>();
        for (Map<String, Object> row : exactRows) {
            exactByKey.put(key(row, query.by()), row);
        }
        YearMonth clockMonth = table.asOf() == null ? null : YearMonth.from(table.asOf());
        List<Observation> observations = new ArrayList<>(table.rows().size());
        for (Map<String, Object> row : table.rows()) {
            List<String> codes = new ArrayList<>(structure.dimensions().size() + 1);
            for (int i = 0; i < structure.dimensions().size(); i++) {
                Set<String> selection = request.selections().get(i);
                Component dim = structure.dimensions().get(i);
                codes.add(
                        selection != null && selection.isEmpty()
                                ? Codes.TOTAL
                                : Codes.id(String.valueOf(row.get(dim.source()))));
            }
            String month = String.valueOf(row.get("month"));
            codes.add(month);
            Object value = row.get(structure.measure().source());
            Map<String, Object> attributes = new LinkedHashMap<>();
            Map<String, Object> exact = exactByKey.getOrDefault(key(row, query.by()), row);
            attributes.put(Structure.OBS_STATUS, status(structure, exact, month, clockMonth));
            attributes.put(Structure.CONF_STATUS, value == null ? Codes.CONFIDENTIAL : Codes.FREE);
            for (Component attribute : structure.attributes()) {
                if (attribute.source() != null && row.get(attribute.source()) != null) {
                    attributes.put(attribute.id(), row.get(attribute.source()));
                }
            }
            observations.add(new Observation(List.copyOf(codes), value, attributes));
        }
        return new DataSet(request, table.asOf(), table.isProtected(), List.copyOf(observations));
    }

    private static List<Object> key(Map<String, Object> row, List<String> by) {
        List<Object> key = new ArrayList<>(by.size());
        for (String dim : by) {
            key.add(row.get(dim));
        }
        return key;
    }

    private static String status(Structure structure, Map<String, Object> exact, String month, YearMonth clockMonth) {
        if (structure.measure().source().equals("estimate")) {
            Object estimate = exact.get("estimate");
            boolean settled = estimate != null
                    && estimate.equals(exact.get("lower"))
                    && estimate.equals(exact.get("upper"))
                    && ((Number) estimate).doubleValue() == ((Number) exact.get("finalCount")).doubleValue();
            return settled ? Codes.NORMAL : Codes.ESTIMATED;
        }
        return clockMonth != null && month.equals(clockMonth.toString()) ? Codes.PROVISIONAL : Codes.NORMAL;
    }

    /** The ids of the dimensions at the observation level, in key order. */
    public List<String> observationDimensions() {
        List<String> all = allDimensionIds();
        String at = request.dimensionAtObservation();
        return at.equals(DataRequest.ALL_DIMENSIONS) ? all : List.of(at);
    }

    /** Every dimension id in key order, the time period last. */
    public List<String> allDimensionIds() {
        List<String> ids = new ArrayList<>();
        structure().dimensions().forEach(d -> ids.add(d.id()));
        ids.add(Structure.TIME_PERIOD);
        return ids;
    }

    /** The observations grouped into series by the dimensions not at the observation level (one series if none). */
    public Map<List<String>, List<Observation>> series() {
        List<String> all = allDimensionIds();
        List<String> atObs = observationDimensions();
        Map<List<String>, List<Observation>> out = new java.util.TreeMap<>(DataSet::compareKeys);
        for (Observation o : observations) {
            List<String> seriesKey = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (!atObs.contains(all.get(i))) {
                    seriesKey.add(o.key().get(i));
                }
            }
            out.computeIfAbsent(seriesKey, k -> new ArrayList<>()).add(o);
        }
        return out;
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
