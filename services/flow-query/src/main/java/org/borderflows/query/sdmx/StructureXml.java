package org.borderflows.query.sdmx;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.borderflows.query.sdmx.Structure.Component;

/**
 * SDMX-ML structure messages (2.1 or 3.0): codelists, the concept scheme, dataflows and data structure definitions.
 * 3.0 references other artefacts by URN, 2.1 by {@code Ref} elements; 2.1 lists dataflows first, 3.0 codelists
 * first (each follows its schema's sequence).
 */
public final class StructureXml {
    private final MlVersion version;
    private final Xml xml;
    private final String agency;

    private StructureXml(MlVersion version, String agency) {
        this.version = version;
        this.agency = agency;
        this.xml = new Xml(
                "mes", version.namespace("message"),
                "str", version.namespace("structure"),
                "com", version.namespace("common"));
    }

    /**
     * A structure message.
     *
     * @param flows dataflows (with their DSDs when {@code withDsds})
     * @param codelists codelists to include
     * @param concepts concepts to include (id to name), none for no concept scheme
     */
    public static String message(
            MlVersion version,
            String agency,
            Instant prepared,
            List<Structure> flows,
            boolean withDsds,
            List<Codelist> codelists,
            Map<String, String> concepts) {
        StructureXml w = new StructureXml(version, agency);
        w.xml.start("mes:Structure");
        w.header(prepared);
        w.xml.start("mes:Structures");
        if (version == MlVersion.V2_1) {
            w.dataflows(flows);
            w.codelists(codelists);
            w.concepts(concepts);
            if (withDsds) {
                w.dsds(flows);
            }
        } else {
            w.codelists(codelists);
            w.concepts(concepts);
            w.dataflows(flows);
            if (withDsds) {
                w.dsds(flows);
            }
        }
        return w.xml.end().end().toString();
    }

    private void header(Instant prepared) {
        xml.start("mes:Header")
                .leaf("mes:ID", "STR" + prepared.toEpochMilli())
                .leaf("mes:Test", "false")
                .leaf("mes:Prepared", prepared.truncatedTo(ChronoUnit.SECONDS).toString())
                .empty("mes:Sender", "id", agency)
                .end();
    }

    private String[] maintainable(String id, String urn) {
        return new String[] {"id", id, "agencyID", agency, "version", Structure.VERSION, "urn", urn};
    }

    private void name(String name) {
        xml.leaf("com:Name", name, "xml:lang", "en");
    }

    private void codelists(List<Codelist> codelists) {
        if (codelists.isEmpty()) {
            return;
        }
        xml.start("str:Codelists");
        for (Codelist codelist : codelists) {
            xml.start(
                    "str:Codelist",
                    maintainable(
                            codelist.id(),
                            "urn:sdmx:org.sdmx.infomodel.codelist.Codelist=" + agency + ":" + codelist.id() + "("
                                    + Structure.VERSION + ")"));
            name(codelist.name());
            for (Codelist.Code code : codelist.codes()) {
                xml.start("str:Code", "id", code.id());
                name(code.name());
                xml.end();
            }
            xml.end();
        }
        xml.end();
    }

    private void concepts(Map<String, String> concepts) {
        if (concepts.isEmpty()) {
            return;
        }
        xml.start(version == MlVersion.V2_1 ? "str:Concepts" : "str:ConceptSchemes");
        xml.start(
                "str:ConceptScheme",
                maintainable(
                        Structure.CONCEPT_SCHEME,
                        "urn:sdmx:org.sdmx.infomodel.conceptscheme.ConceptScheme=" + agency + ":"
                                + Structure.CONCEPT_SCHEME + "(" + Structure.VERSION + ")"));
        name("Concepts of the border-flows datasets");
        for (Map.Entry<String, String> concept : concepts.entrySet()) {
            xml.start("str:Concept", "id", concept.getKey());
            name(concept.getValue());
            xml.end();
        }
        xml.end().end();
    }

    private void dataflows(List<Structure> flows) {
        if (flows.isEmpty()) {
            return;
        }
        xml.start("str:Dataflows");
        for (Structure s : flows) {
            xml.start("str:Dataflow", maintainable(s.flowId(), s.flowUrn()));
            name(s.flowName());
            xml.leaf("com:Description", s.dataset().description(), "xml:lang", "en");
            if (version == MlVersion.V2_1) {
                xml.start("str:Structure")
                        .empty(
                                "Ref",
                                "id",
                                s.dsdId(),
                                "agencyID",
                                agency,
                                "version",
                                Structure.VERSION,
                                "package",
                                "datastructure",
                                "class",
                                "DataStructure")
                        .end();
            } else {
                xml.leaf("str:Structure", s.dsdUrn());
            }
            xml.end();
        }
        xml.end();
    }

    private void dsds(List<Structure> flows) {
        if (flows.isEmpty()) {
            return;
        }
        xml.start("str:DataStructures");
        for (Structure s : flows) {
            xml.start("str:DataStructure", maintainable(s.dsdId(), s.dsdUrn()));
            name(s.flowName());
            xml.start("str:DataStructureComponents");
            xml.start("str:DimensionList", "id", "DimensionDescriptor");
            int position = 1;
            for (Component dim : s.dimensions()) {
                xml.start("str:Dimension", "id", dim.id(), "position", String.valueOf(position++));
                conceptIdentity(s, dim.id());
                representation(s, dim.codelist(), null);
                xml.end();
            }
            xml.start(
                    "str:TimeDimension",
                    "id",
                    Structure.TIME_PERIOD,
                    "position",
                    version == MlVersion.V2_1 ? String.valueOf(position) : null);
            conceptIdentity(s, Structure.TIME_PERIOD);
            representation(s, null, "ObservationalTimePeriod");
            xml.end().end();
            xml.start("str:AttributeList", "id", "AttributeDescriptor");
            for (Component attribute : s.attributes()) {
                if (version == MlVersion.V2_1) {
                    xml.start("str:Attribute", "id", attribute.id(), "assignmentStatus", "Conditional");
                } else {
                    xml.start("str:Attribute", "id", attribute.id(), "usage", "optional");
                }
                conceptIdentity(s, attribute.id());
                representation(s, attribute.codelist(), "Decimal");
                xml.start("str:AttributeRelationship");
                if (version == MlVersion.V2_1) {
                    xml.start("str:PrimaryMeasure")
                            .empty("Ref", "id", Structure.OBS_VALUE)
                            .end();
                } else {
                    xml.empty("str:Observation");
                }
                xml.end().end();
            }
            xml.end();
            xml.start("str:MeasureList", "id", "MeasureDescriptor");
            if (version == MlVersion.V2_1) {
                xml.start("str:PrimaryMeasure", "id", Structure.OBS_VALUE);
            } else {
                xml.start("str:Measure", "id", Structure.OBS_VALUE, "usage", "optional");
            }
            conceptIdentity(s, Structure.OBS_VALUE);
            representation(s, null, "Decimal");
            xml.end().end();
            xml.end().end();
        }
        xml.end();
    }

    private void conceptIdentity(Structure s, String conceptId) {
        if (version == MlVersion.V2_1) {
            xml.start("str:ConceptIdentity")
                    .empty(
                            "Ref",
                            "id",
                            conceptId,
                            "maintainableParentID",
                            Structure.CONCEPT_SCHEME,
                            "maintainableParentVersion",
                            Structure.VERSION,
                            "agencyID",
                            agency,
                            "package",
                            "conceptscheme",
                            "class",
                            "Concept")
                    .end();
        } else {
            xml.leaf("str:ConceptIdentity", s.conceptUrn(conceptId));
        }
    }

    private void representation(Structure s, Codelist codelist, String textType) {
        xml.start("str:LocalRepresentation");
        if (codelist != null) {
            xml.start("str:Enumeration");
            if (version == MlVersion.V2_1) {
                xml.empty(
                        "Ref",
                        "id",
                        codelist.id(),
                        "version",
                        Structure.VERSION,
                        "agencyID",
                        agency,
                        "package",
                        "codelist",
                        "class",
                        "Codelist");
            } else {
                xml.text(s.codelistUrn(codelist));
            }
            xml.end();
        } else {
            xml.empty("str:TextFormat", "textType", textType);
        }
        xml.end();
    }
}
