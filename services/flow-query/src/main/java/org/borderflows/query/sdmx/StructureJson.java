package org.borderflows.query.sdmx;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.query.sdmx.Structure.Component;
import org.borderflows.query.tables.Json;

/** SDMX-JSON 2.0 structure messages: the same artefacts as {@link StructureXml}, referenced by URN. */
public final class StructureJson {
    private StructureJson() {}

    public static String message(
            String agency,
            Instant prepared,
            List<Structure> flows,
            boolean withDsds,
            List<Codelist> codelists,
            Map<String, String> concepts) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (!flows.isEmpty()) {
            data.put("dataflows", flows.stream().map(StructureJson::dataflow).toList());
            if (withDsds) {
                data.put(
                        "dataStructures", flows.stream().map(StructureJson::dsd).toList());
            }
        }
        if (!codelists.isEmpty()) {
            List<Object> out = new ArrayList<>();
            for (Codelist codelist : codelists) {
                Map<String, Object> c = maintainable(agency, codelist.id(), codelist.name());
                c.put(
                        "codes",
                        codelist.codes().stream()
                                .map(code -> Map.of("id", code.id(), "name", code.name()))
                                .toList());
                out.add(c);
            }
            data.put("codelists", out);
        }
        if (!concepts.isEmpty()) {
            Map<String, Object> scheme =
                    maintainable(agency, Structure.CONCEPT_SCHEME, "Concepts of the border-flows datasets");
            scheme.put(
                    "concepts",
                    concepts.entrySet().stream()
                            .map(e -> Map.of("id", e.getKey(), "name", e.getValue()))
                            .toList());
            data.put("conceptSchemes", List.of(scheme));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("schema", "https://json.sdmx.org/2.0/sdmx-json-structure-schema.json");
        meta.put("id", "STR" + prepared.toEpochMilli());
        meta.put("test", false);
        meta.put("prepared", prepared.truncatedTo(ChronoUnit.SECONDS).toString());
        meta.put("contentLanguages", List.of("en"));
        meta.put("sender", Map.of("id", agency));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("meta", meta);
        message.put("data", data);
        return Json.value(message);
    }

    private static Map<String, Object> maintainable(String agency, String id, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("agencyID", agency);
        m.put("version", Structure.VERSION);
        m.put("name", name);
        return m;
    }

    private static Object dataflow(Structure s) {
        Map<String, Object> flow = maintainable(s.agency(), s.flowId(), s.flowName());
        flow.put("description", s.dataset().description());
        flow.put("structure", s.dsdUrn());
        return flow;
    }

    private static Object dsd(Structure s) {
        List<Object> dimensions = new ArrayList<>();
        int position = 0;
        for (Component dim : s.dimensions()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", dim.id());
            d.put("position", position++);
            d.put("conceptIdentity", s.conceptUrn(dim.id()));
            d.put("localRepresentation", Map.of("enumeration", s.codelistUrn(dim.codelist())));
            dimensions.add(d);
        }
        Map<String, Object> time = new LinkedHashMap<>();
        time.put("id", Structure.TIME_PERIOD);
        time.put("conceptIdentity", s.conceptUrn(Structure.TIME_PERIOD));
        time.put("localRepresentation", Map.of("format", Map.of("dataType", "ObservationalTimePeriod")));
        Map<String, Object> dimensionList = new LinkedHashMap<>();
        dimensionList.put("id", "DimensionDescriptor");
        dimensionList.put("dimensions", dimensions);
        dimensionList.put("timeDimension", time);
        List<Object> attributes = new ArrayList<>();
        for (Component attribute : s.attributes()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", attribute.id());
            a.put("usage", "optional");
            a.put("attributeRelationship", Map.of("observation", Map.of()));
            a.put("conceptIdentity", s.conceptUrn(attribute.id()));
            a.put(
                    "localRepresentation",
                    attribute.codelist() != null
                            ? Map.of("enumeration", s.codelistUrn(attribute.codelist()))
                            : Map.of("format", Map.of("dataType", "Decimal")));
            attributes.add(a);
        }
        Map<String, Object> measure = new LinkedHashMap<>();
        measure.put("id", Structure.OBS_VALUE);
        measure.put("usage", "optional");
        measure.put("conceptIdentity", s.conceptUrn(Structure.OBS_VALUE));
        measure.put("localRepresentation", Map.of("format", Map.of("dataType", "Decimal")));
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("dimensionList", dimensionList);
        components.put("attributeList", Map.of("id", "AttributeDescriptor", "attributes", attributes));
        components.put("measureList", Map.of("id", "MeasureDescriptor", "measures", List.of(measure)));
        Map<String, Object> dsd = maintainable(s.agency(), s.dsdId(), s.flowName());
        dsd.put("dataStructureComponents", components);
        return dsd;
    }
}
