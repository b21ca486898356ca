package org.borderflows.query.sdmx;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.borderflows.query.sdmx.DataSet.Observation;
import org.borderflows.query.tables.Json;

/**
 * SDMX-ML structure-specific data messages (2.1 or 3.0): one data set of series (the dimensions not at the
 * observation level) holding observations; with AllDimensions, observations only. Dimensions and attributes are
 * XML attributes named by their ids; a suppressed value is {@code NaN} (SDMX's intentionally missing number) with
 * CONF_STATUS C. The data set's {@code xsi:type} names the DSD-specific schema ({@link DataSchema}).
 */
public final class DataXml {
    private DataXml() {}

    /** The namespace of the DSD-specific schema for a DSD and observation level (SDMX naming convention). */
    public static String namespace(Structure s, String dimensionAtObservation) {
        return s.dsdUrn() + ":ObsLevelDim:" + dimensionAtObservation;
    }

    public static String message(MlVersion version, DataSet data, Instant prepared) {
        Structure s = data.structure();
        String at = data.request().dimensionAtObservation();
        Xml xml = new Xml(
                "mes", version.namespace("message"),
                "ss", version.namespace("data/structurespecific"),
                "com", version.namespace("common"),
                "ns1", namespace(s, at),
                "xsi", "http://www.w3.org/2001/XMLSchema-instance");
        xml.start("mes:StructureSpecificData").start("mes:Header");
        xml.leaf("mes:ID", "DATA" + prepared.toEpochMilli())
                .leaf("mes:Test", "false")
                .leaf("mes:Prepared", prepared.truncatedTo(ChronoUnit.SECONDS).toString())
                .empty("mes:Sender", "id", s.agency());
        xml.start(
                "mes:Structure", "structureID", s.dsdId(), "namespace", namespace(s, at), "dimensionAtObservation", at);
        if (version == MlVersion.V2_1) {
            xml.start("com:Structure")
                    .empty("Ref", "agencyID", s.agency(), "id", s.dsdId(), "version", Structure.VERSION)
                    .end();
        } else {
            xml.leaf("com:Structure", s.dsdUrn());
        }
        xml.end().end();
        xml.start(
                "mes:DataSet",
                "ss:structureRef",
                s.dsdId(),
                "ss:dataScope",
                version == MlVersion.V2_1 ? "DataStructure" : null,
                "ss:action",
                "Replace",
                "xsi:type",
                "ns1:DataSetType");
        List<String> all = data.allDimensionIds();
        List<String> atObs = data.observationDimensions();
        for (Map.Entry<List<String>, List<Observation>> series : data.series().entrySet()) {
            boolean grouped = atObs.size() < all.size();
            if (grouped) {
                List<String> attributes = new ArrayList<>();
                int k = 0;
                for (String dim : all) {
                    if (!atObs.contains(dim)) {
                        attributes.add(dim);
                        attributes.add(series.getKey().get(k++));
                    }
                }
                xml.start("Series", attributes.toArray(String[]::new));
            }
            for (Observation o : series.getValue()) {
                List<String> attributes = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    if (atObs.contains(all.get(i))) {
                        attributes.add(all.get(i));
                        attributes.add(o.key().get(i));
                    }
                }
                attributes.add(Structure.OBS_VALUE);
                attributes.add(o.value() == null ? "NaN" : Json.plain(o.value()));
                for (Map.Entry<String, Object> a : o.attributes().entrySet()) {
                    attributes.add(a.getKey());
                    attributes.add(
                            a.getValue() instanceof Number
                                    ? Json.plain(a.getValue())
                                    : a.getValue().toString());
                }
                xml.empty("Obs", attributes.toArray(String[]::new));
            }
            if (grouped) {
                xml.end();
            }
        }
        return xml.end().end().toString();
    }
}
