package org.borderflows.query.sdmx;

import java.util.ArrayList;
import java.util.List;
import org.borderflows.platform.Csv;
import org.borderflows.query.sdmx.DataSet.Observation;
import org.borderflows.query.sdmx.Structure.Component;
import org.borderflows.query.tables.Json;

/**
 * SDMX-CSV 2.0 data: header STRUCTURE, STRUCTURE_ID, ACTION, the dimensions in DSD order with TIME_PERIOD last,
 * OBS_VALUE, then the attributes; one row per observation, action R (replace, as the field guide recommends for
 * answers to GET data queries). A suppressed value is {@code NaN} (intentionally missing). With {@code labels=both}
 * (the field guide's option): every column header is {@code ID: Name}, the structure id is followed by {@code ": "}
 * and the dataflow's name, and every coded value is {@code CODE: Name} (the time period and numbers stay as they
 * are). Fields holding a comma, a quote or a line break are quoted (RFC 4180).
 */
public final class DataCsv {
    private DataCsv() {}

    public static String message(DataSet data) {
        return message(data, false);
    }

    public static String message(DataSet data, boolean labels) {
        Structure s = data.structure();
        List<String> header = new ArrayList<>(List.of("STRUCTURE", "STRUCTURE_ID", "ACTION"));
        for (String id : data.allDimensionIds()) {
            Component dim = s.dimension(id);
            header.add(labels ? id + ": " + (dim == null ? "Time period" : dim.name()) : id);
        }
        header.add(labels ? Structure.OBS_VALUE + ": " + s.measure().name() : Structure.OBS_VALUE);
        s.attributes().forEach(a -> header.add(labels ? a.id() + ": " + a.name() : a.id()));
        StringBuilder out = new StringBuilder();
        out.append(Csv.record(header.toArray())).append("\r\n");
        String structureId =
                s.agency() + ":" + s.flowId() + "(" + Structure.VERSION + ")" + (labels ? ": " + s.flowName() : "");
        int dimensions = s.dimensions().size();
        for (Observation o : data.observations()) {
            List<String> fields = new ArrayList<>(List.of("dataflow", structureId, "R"));
            for (int i = 0; i < o.key().size(); i++) {
                String code = o.key().get(i);
                fields.add(
                        labels && i < dimensions
                                ? code + ": "
                                        + Structure.codeName(s.dimensions().get(i), code)
                                : code);
            }
            fields.add(o.value() == null ? "NaN" : Json.plain(o.value()));
            for (Component a : s.attributes()) {
                Object v = o.attributes().get(a.id());
                fields.add(
                        v == null
                                ? ""
                                : v instanceof Number
                                        ? Json.plain(v)
                                        : labels && a.codelist() != null
                                                ? v + ": " + Structure.codeName(a, v.toString())
                                                : v.toString());
            }
            out.append(Csv.record(fields.toArray())).append("\r\n");
        }
        return out.toString();
    }
}
