package org.borderflows.query.sdmx;

import java.util.List;
import org.borderflows.query.tables.Datasets.Dataset;
import org.borderflows.query.tables.Labels;

/**
 * The SDMX view of one published dataset: a dataflow and its data structure definition (DSD), derived from the
 * {@link org.borderflows.query.tables.Datasets} catalogue by {@link Structures}.
 *
 * @param dimensions the DSD's dimensions in key order: FREQ, TRANSFORMATION (flow datasets), then the dataset's,
 *     without the time dimension TIME_PERIOD (a month, a quarter or a year)
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
    /** The first dimension of every DSD: the frequency of the observations (CL_FREQ: M, Q, A). */
    public static final String FREQ = "FREQ";
    /**
     * The second dimension of the flow datasets' DSDs: N, the period's own figure, or YE, the year-ended total of the
     * 12 months ending with the period (CL_FREQ has no code for a moving sum; see {@link Codes#TRANSFORMATION}).
     */
    public static final String TRANSFORMATION = "TRANSFORMATION";
    /** The concept scheme holding every concept of every structure. */
    public static final String CONCEPT_SCHEME = "CS_BORDER_FLOWS";

    /**
     * A dimension, measure or attribute.
     *
     * @param source the dataset dimension or measure it shows (null for FREQ, TRANSFORMATION, OBS_STATUS and
     *     CONF_STATUS)
     * @param codelist its codes, or null when it is a number (measures shown as attributes) or the time period
     */
    public record Component(String id, String name, String source, Codelist codelist) {}

    public String dsdId() {
        return "DSD_" + flowId;
    }

    public String flowName() {
        return dataset.name();
    }

    /** True for FREQ and TRANSFORMATION, which choose the table's frequency rather than a dataset dimension. */
    public static boolean isTimeGrain(Component dimension) {
        return dimension.source() == null;
    }

    /**
     * The name of a code of a dimension or coded attribute: from its codelist, or for an open dimension (whose data
     * structures for data queries list no values) the name of the value ({@link Labels}).
     */
    public static String codeName(Component component, String code) {
        for (Codelist.Code c : component.codelist().codes()) {
            if (c.id().equals(code)) {
                return c.name();
            }
        }
        return component.source() == null ? code : Labels.of(component.source(), code);
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
