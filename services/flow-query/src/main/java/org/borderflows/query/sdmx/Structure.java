package org.borderflows.query.sdmx;

import java.util.List;
import org.borderflows.query.tables.Datasets.Dataset;

/**
 * The SDMX view of one published dataset: a dataflow and its data structure definition (DSD), derived from the
 * {@link org.borderflows.query.tables.Datasets} catalogue by {@link Structures}.
 *
 * @param dimensions the DSD's dimensions in key order, without the time dimension TIME_PERIOD (the month)
 * @param measure the primary measure OBS_VALUE and the dataset measure it carries
 * @param attributes observation attributes: OBS_STATUS, CONF_STATUS, then the dataset's other measures
 */
public record Structure(
        String agency,
        String flowId,
        Dataset dataset,
        List<Component> dimensions,
        Component measure,
        List<Component> attributes) {
    public static final String VERSION = "1.0";
    public static final String TIME_PERIOD = "TIME_PERIOD";
    public static final String OBS_VALUE = "OBS_VALUE";
    public static final String OBS_STATUS = "OBS_STATUS";
    public static final String CONF_STATUS = "CONF_STATUS";
    /** The concept scheme holding every concept of every structure. */
    public static final String CONCEPT_SCHEME = "CS_BORDER_FLOWS";

    /**
     * A dimension, measure or attribute.
     *
     * @param source the dataset dimension or measure it shows (null for OBS_STATUS and CONF_STATUS)
     * @param codelist its codes, or null when it is a number (measures shown as attributes) or the time period
     */
    public record Component(String id, String name, String source, Codelist codelist) {}

    public String dsdId() {
        return "DSD_" + flowId;
    }

    public String flowName() {
        return dataset.name();
    }

    public Component dimension(String id) {
        return dimensions.stream().filter(d -> d.id().equals(id)).findFirst().orElse(null);
    }

    public String dsdUrn() {
        return "urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=" + agency + ":" + dsdId() + "(" + VERSION
                + ")";
    }

    public String flowUrn() {
        return "urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=" + agency + ":" + flowId + "(" + VERSION + ")";
    }

    public String conceptUrn(String conceptId) {
        return "urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=" + agency + ":" + CONCEPT_SCHEME + "(" + VERSION
                + ")." + conceptId;
    }

    public String codelistUrn(Codelist codelist) {
        return "urn:sdmx:org.sdmx.infomodel.codelist.Codelist=" + agency + ":" + codelist.id() + "(" + VERSION + ")";
    }

    /** The codelists this structure uses, each once, in component order. */
    public List<Codelist> codelists() {
        java.util.Map<String, Codelist> out = new java.util.LinkedHashMap<>();
        for (Component c : dimensions) {
            out.putIfAbsent(c.codelist().id(), c.codelist());
        }
        for (Component c : attributes) {
            if (c.codelist() != null) {
                out.putIfAbsent(c.codelist().id(), c.codelist());
            }
        }
        return List.copyOf(out.values());
    }
}
