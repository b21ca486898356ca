package org.borderflows.query.sdmx;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.borderflows.query.sdmx.Structure.Component;
import org.borderflows.query.tables.Query;
import org.borderflows.query.tables.Table;
import org.borderflows.query.tables.TableQueries;

/**
 * The observations answering a data request, taken from the query API's own answer to the same question
 * ({@link TableQueries#run} with the same protect flag), so a public SDMX figure is the same protected figure as in
 * the JSON API.
 *
 * <p>Observation status, from the query API's status of the exact figure (RULES.md §9; also for the public, whose
 * figures are rounded): A (final), P (the period holds the clock's month, which is not over: a month, a quarter, a
 * year or a year-ended total) or E (a 12/16 estimate holding provisional outcomes).
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

    /**
     * The observations of every FREQ and TRANSFORMATION pair the key asks for ({@link DataRequest#grains}), each from
     * the query API's table at that frequency.
     */
    public static DataSet answer(DataRequest request, TableQueries queries, boolean protect) {
        List<Observation> observations = new ArrayList<>();
        Table last = null;
        for (DataRequest.Grain grain : request.grains()) {
            last = observations(request, grain, queries, protect, observations);
        }
        return new DataSet(
                request, last == null ? queries.cube().asOf() : last.asOf(), protect, List.copyOf(observations));
    }

    private static Table observations(
            DataRequest request,
            DataRequest.Grain grain,
            TableQueries queries,
            boolean protect,
            List<Observation> observations) {
        Structure structure = request.structure();
        Query query = Query.parse(structure.dataset().name(), request.tableParameters(grain.frequency()));
        Table table = queries.run(query, protect);
        List<Map<String, Object>> exactRows =
                protect ? queries.run(query, false).rows() : table.rows();
        Map<List<Object>, Map<String, Object>> exactByKey = new LinkedHashMap<>();
        for (Map<String, Object> row : exactRows) {
            exactByKey.put(key(row, query.by()), row);
        }
        Predicate<Map<String, Object>> changed = request.updatedAfter() == null
                ? row -> true
                : queries.changedAfter(query, table, request.updatedAfter());
        rows:
        for (Map<String, Object> row : table.rows()) {
            Map<String, Object> exact = exactByKey.getOrDefault(key(row, query.by()), row);
            if (!changed.test(exact)) {
                continue;
            }
            List<String> codes = new ArrayList<>(structure.dimensions().size() + 1);
            for (int i = 0; i < structure.dimensions().size(); i++) {
                Set<String> selection = request.selections().get(i);
                Component dim = structure.dimensions().get(i);
                if (dim.id().equals(Structure.FREQ)) {
                    codes.add(grain.freq());
                } else if (dim.id().equals(Structure.TRANSFORMATION)) {
                    codes.add(grain.transformation());
                } else if (selection != null && selection.isEmpty()) {
                    codes.add(Codes.TOTAL);
                } else {
                    String value = String.valueOf(row.get(dim.source()));
                    if (selection != null && !selection.contains(value)) {
                        continue rows; // NET chosen: the other direction came along only to compute it
                    }
                    codes.add(Codes.id(value));
                }
            }
            codes.add(String.valueOf(row.get(Query.MONTH)));
            Object value = row.get(structure.measure().source());
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put(Structure.OBS_STATUS, status(exact));
            attributes.put(Structure.CONF_STATUS, value == null ? Codes.CONFIDENTIAL : Codes.FREE);
            for (Component attribute : structure.attributes()) {
                if (attribute.source() != null && row.get(attribute.source()) != null) {
                    attributes.put(attribute.id(), row.get(attribute.source()));
                }
            }
            observations.add(new Observation(List.copyOf(codes), value, attributes));
        }
        return table;
    }

    private static List<Object> key(Map<String, Object> row, List<String> by) {
        List<Object> key = new ArrayList<>(by.size());
        for (String dim : by) {
            key.add(row.get(dim));
        }
        return key;
    }

    /** OBS_STATUS from the status of the exact figure (the query API's, RULES.md §9). */
    private static String status(Map<String, Object> exact) {
        return switch (String.valueOf(exact.get(Table.STATUS))) {
            case Table.ESTIMATE -> Codes.ESTIMATED;
            case Table.PROVISIONAL -> Codes.PROVISIONAL;
            default -> Codes.NORMAL;
        };
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
