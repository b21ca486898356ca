package org.borderflows.query.sdmx;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.query.sdmx.DataSet.Observation;
import org.borderflows.query.sdmx.Structure.Component;
import org.borderflows.query.tables.Json;

/**
 * SDMX-JSON 2.0 data messages: the structure part lists, per dimension, the values present in the answer; series
 * and observation keys are indexes into those lists ({@code "0:1:0"}), and an observation is
 * {@code [OBS_VALUE, attribute value indexes...]} (null when absent; OBS_VALUE null when suppressed).
 */
public final class DataJson {
    private DataJson() {}

    public static String message(DataSet data, Instant prepared) {
        Structure s = data.structure();
        List<String> all = data.allDimensionIds();
        List<String> atObs = data.observationDimensions();
        // Values present per dimension, in order of first appearance (rows are sorted).
        List<List<String>> values = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            List<String> present = new ArrayList<>();
            for (Observation o : data.observations()) {
                if (!present.contains(o.key().get(i))) {
                    present.add(o.key().get(i));
                }
            }
            values.add(present);
        }
        List<List<Object>> attributeValues = new ArrayList<>();
        for (Component a : s.attributes()) {
            List<Object> present = new ArrayList<>();
            for (Observation o : data.observations()) {
                Object v = o.attributes().get(a.id());
                if (v != null && !present.contains(v)) {
                    present.add(v);
                }
            }
            attributeValues.add(present);
        }
        Map<String, Object> structure = new LinkedHashMap<>();
        structure.put("name", s.flowName());
        structure.put(
                "links",
                List.of(
                        Map.of("urn", s.flowUrn(), "rel", "dataflow"),
                        Map.of("urn", s.dsdUrn(), "rel", "datastructure")));
        List<Object> seriesDims = new ArrayList<>();
        List<Object> obsDims = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Map<String, Object> dim = new LinkedHashMap<>();
            dim.put("id", all.get(i));
            dim.put("name", name(s, all.get(i)));
            dim.put("keyPosition", i);
            if (all.get(i).equals(Structure.TIME_PERIOD)) {
                dim.put("roles", List.of("TIME_PERIOD"));
            }
            List<Object> vs = new ArrayList<>();
            for (String v : values.get(i)) {
                vs.add(Map.of("id", v, "name", codeName(s, all.get(i), v)));
            }
            dim.put("values", vs);
            (atObs.contains(all.get(i)) ? obsDims : seriesDims).add(dim);
        }
        structure.put("dimensions", Map.of("dataSet", List.of(), "series", seriesDims, "observation", obsDims));
        structure.put(
                "measures",
                Map.of(
                        "observation",
                        List.of(Map.of(
                                "id", Structure.OBS_VALUE, "name", s.measure().name()))));
        List<Object> attributes = new ArrayList<>();
        for (int a = 0; a < s.attributes().size(); a++) {
            Component c = s.attributes().get(a);
            Map<String, Object> attribute = new LinkedHashMap<>();
            attribute.put("id", c.id());
            attribute.put("name", c.name());
            attribute.put("relationship", Map.of("observation", Map.of()));
            List<Object> vs = new ArrayList<>();
            for (Object v : attributeValues.get(a)) {
                vs.add(
                        c.codelist() != null
                                ? Map.of("id", v, "name", codeName(c.codelist(), v.toString()))
                                : Map.of("value", v));
            }
            attribute.put("values", vs);
            attributes.add(attribute);
        }
        structure.put("attributes", Map.of("dataSet", List.of(), "series", List.of(), "observation", attributes));
        structure.put("dataSets", List.of(0));

        Map<String, Object> series = new LinkedHashMap<>();
        Map<String, Object> flatObservations = new LinkedHashMap<>();
        for (Map.Entry<List<String>, List<Observation>> one : data.series().entrySet()) {
            Map<String, Object> observations = new LinkedHashMap<>();
            for (Observation o : one.getValue()) {
                List<Object> obs = new ArrayList<>();
                obs.add(o.value());
                for (int a = 0; a < s.attributes().size(); a++) {
                    Object v = o.attributes().get(s.attributes().get(a).id());
                    obs.add(v == null ? null : attributeValues.get(a).indexOf(v));
                }
                observations.put(index(o, all, atObs, true, values), obs);
            }
            if (atObs.size() == all.size()) {
                flatObservations.putAll(observations);
            } else {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("attributes", List.of());
                entry.put("observations", observations);
                series.put(index(one.getValue().get(0), all, atObs, false, values), entry);
            }
        }
        Map<String, Object> dataSet = new LinkedHashMap<>();
        dataSet.put("structure", 0);
        dataSet.put("action", "Replace");
        if (atObs.size() == all.size()) {
            dataSet.put("observations", flatObservations);
        } else {
            dataSet.put("series", series);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("schema", "https://json.sdmx.org/2.0/sdmx-json-data-schema.json");
        meta.put("id", "DATA" + prepared.toEpochMilli());
        meta.put("test", false);
        meta.put("prepared", prepared.truncatedTo(ChronoUnit.SECONDS).toString());
        meta.put("contentLanguages", List.of("en"));
        meta.put("sender", Map.of("id", s.agency()));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("meta", meta);
        message.put("data", Map.of("structures", List.of(structure), "dataSets", List.of(dataSet)));
        return Json.value(message);
    }

    /** The key of an observation (observation dimensions) or its series (the others), as value indexes. */
    private static String index(
            Observation o, List<String> all, List<String> atObs, boolean observation, List<List<String>> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (atObs.contains(all.get(i)) == observation) {
                parts.add(String.valueOf(values.get(i).indexOf(o.key().get(i))));
            }
        }
        return String.join(":", parts);
    }

    private static String name(Structure s, String dimensionId) {
        Component dim = s.dimension(dimensionId);
        return dim == null ? "Time period (month)" : dim.name();
    }

    private static String codeName(Structure s, String dimensionId, String code) {
        Component dim = s.dimension(dimensionId);
        return dim == null ? code : Structure.codeName(dim, code);
    }

    private static String codeName(Codelist codelist, String code) {
        for (Codelist.Code c : codelist.codes()) {
            if (c.id().equals(code)) {
                return c.name();
            }
        }
        return code;
    }
}
