package org.borderflows.query.sdmx;

import org.borderflows.query.sdmx.Structure.Component;

/**
 * The DSD-specific schema of SDMX-ML 3.0 structure-specific data for one DSD and observation level, as the SDMX
 * standard derives it from the DSD: concrete DataSet, Series and Obs types restricting the abstract ones of
 * SDMXDataStructureSpecific.xsd, with the dimensions and attributes as XML attributes and each codelist as an
 * enumeration. It imports the official modules by relative location: keep it beside them.
 */
public final class DataSchema {
    private final Xml xml;
    private final Structure s;
    private final String atObservation;
    private final boolean flat;

    private DataSchema(Structure s, String atObservation) {
        MlVersion v = MlVersion.V3_0;
        this.s = s;
        this.atObservation = atObservation;
        this.flat = atObservation.equals(DataRequest.ALL_DIMENSIONS);
        this.xml = new Xml(
                "xs", "http://www.w3.org/2001/XMLSchema",
                "dsd", v.namespace("data/structurespecific"),
                "common", v.namespace("common"),
                "ns", DataXml.namespace(s, atObservation));
        xml.start(
                "xs:schema",
                "targetNamespace",
                DataXml.namespace(s, atObservation),
                "elementFormDefault",
                "qualified",
                "attributeFormDefault",
                "unqualified");
        xml.empty("xs:import", "namespace", v.namespace("common"), "schemaLocation", "SDMXCommon.xsd");
        xml.empty(
                "xs:import",
                "namespace",
                v.namespace("data/structurespecific"),
                "schemaLocation",
                "SDMXDataStructureSpecific.xsd");
    }

    public static String xsd(Structure s, String dimensionAtObservation) {
        DataSchema w = new DataSchema(s, dimensionAtObservation);
        w.codelists();
        w.dataSet();
        if (!w.flat) {
            w.series();
        }
        w.observation();
        return w.xml.end().toString();
    }

    private void codelists() {
        for (Codelist codelist : s.codelists()) {
            xml.start("xs:simpleType", "name", codelist.id()).start("xs:restriction", "base", "common:IDType");
            for (Codelist.Code code : codelist.codes()) {
                xml.empty("xs:enumeration", "value", code.id());
            }
            xml.end().end();
        }
    }

    private void open(String type) {
        xml.start("xs:complexType", "name", type)
                .start("xs:complexContent")
                .start("xs:restriction", "base", "dsd:" + type)
                .start("xs:sequence")
                .empty("xs:element", "ref", "common:Annotations", "minOccurs", "0");
    }

    private void close() {
        xml.end().end().end();
    }

    private void dataSet() {
        open("DataSetType");
        xml.empty(
                "xs:element",
                "name",
                "DataProvider",
                "type",
                "common:DataProviderReferenceType",
                "form",
                "unqualified",
                "minOccurs",
                "0");
        xml.start("xs:choice", "minOccurs", "0", "maxOccurs", "unbounded")
                .empty(
                        "xs:element",
                        "name",
                        flat ? "Obs" : "Series",
                        "type",
                        flat ? "ns:ObsType" : "ns:SeriesType",
                        "form",
                        "unqualified")
                .end();
        xml.end(); // sequence
        close();
    }

    private void series() {
        open("SeriesType");
        xml.empty(
                "xs:element",
                "name",
                "Obs",
                "type",
                "ns:ObsType",
                "form",
                "unqualified",
                "minOccurs",
                "0",
                "maxOccurs",
                "unbounded");
        xml.end(); // sequence
        for (Component dim : s.dimensions()) {
            if (!dim.id().equals(atObservation)) {
                dimension(dim);
            }
        }
        timePeriod(!atObservation.equals(Structure.TIME_PERIOD));
        close();
    }

    private void observation() {
        open("ObsType");
        xml.end(); // sequence
        for (Component dim : s.dimensions()) {
            if (flat || dim.id().equals(atObservation)) {
                dimension(dim);
            }
        }
        timePeriod(flat || atObservation.equals(Structure.TIME_PERIOD));
        xml.empty("xs:attribute", "name", Structure.OBS_VALUE, "type", "xs:double", "use", "optional");
        for (Component attribute : s.attributes()) {
            xml.empty(
                    "xs:attribute",
                    "name",
                    attribute.id(),
                    "type",
                    attribute.codelist() != null ? "ns:" + attribute.codelist().id() : "xs:double",
                    "use",
                    "optional");
        }
        close();
    }

    private void dimension(Component dim) {
        xml.empty(
                "xs:attribute", "name", dim.id(), "type", "ns:" + dim.codelist().id(), "use", "required");
    }

    private void timePeriod(boolean here) {
        xml.empty(
                "xs:attribute",
                "name",
                Structure.TIME_PERIOD,
                "type",
                "common:ObservationalTimePeriodType",
                "use",
                here ? "required" : "prohibited");
    }
}
