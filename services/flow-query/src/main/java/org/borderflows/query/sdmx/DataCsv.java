package org.borderflows.query.sdmx;

import java.util.ArrayList;
import java.util.List;
import org.borderflows.query.sdmx.DataSet.Observation;
import org.borderflows.query.sdmx.Structure.Component;
import org.borderflows.query.tables.Json;

/**
 * SDMX-CSV 2.0 data: header STRUCTURE, STRUCTURE_ID, ACTION, the dimensions in DSD order with TIME_PERIOD last,
 * OBS_VALUE, then the attributes; one row per observation, action R (replace, as the field guide recommends for
 * answers to GET data queries). A suppressed value is {@code NaN} (intentionally missing).
 */
public final class DataCsv {
    private DataCsv() {}

    public static String message(DataSet data) {
        Structure s = data.structure();
        List<String> header = new ArrayList<>(List.of("STRUCTURE", "STRUCTURE_ID", "ACTION"));
        header.addAll(data.allDimensionIds());
        header.add(Structure.OBS_VALUE);
        s.attributes().forEach(a -> header.add(a.id()));
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", header)).append("\r\n");
        String structureId = s.agency() + ":" + s.flowId() + "(" + Structure.VERSION + ")";
        for (Observation o : data.observations()) {
            List<String> fields = new ArrayList<>(List.of("dataflow", structureId, "R"));
            fields.addAll(o.key());
            fields.add(o.value() == null ? "NaN" : Json.plain(o.value()));
            for (Component a : s.attributes()) {
                Object v = o.attributes().get(a.id());
                fields.add(v == null ? "" : v instanceof Number ? Json.plain(v) : v.toString());
            }
            out.append(String.join(",", fields)).append("\r\n");
        }
        return out.toString();
    }
}
