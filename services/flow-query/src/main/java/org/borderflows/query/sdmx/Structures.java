package org.borderflows.query.sdmx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.borderflows.query.sdmx.Structure.Component;
import org.borderflows.query.tables.Datasets;
import org.borderflows.query.tables.Datasets.Dataset;
import org.borderflows.query.tables.Datasets.Dimension;
import org.borderflows.query.tables.Datasets.Measure;
import org.borderflows.query.tables.Frequency;
import org.borderflows.query.tables.Labels;
import org.borderflows.query.tables.Query;
import org.borderflows.query.topology.CellDimension;

/**
 * Every SDMX structure, derived from the {@link Datasets} catalogue (the one definition of datasets, dimensions,
 * values and measures): per dataset a dataflow and a DSD; per dimension a concept and a codelist CL_&lt;ID&gt;.
 *
 * <p>A dimension with a closed value set gets those values as codes; an open one (border post, citizenship, rejection
 * reason, revision stage) gets the values the data holds, given by {@code observed}. Every codelist also holds the
 * total {@code _T}. The month is the time dimension TIME_PERIOD. The measure {@code count} (or {@code estimate} for
 * the 12/16 datasets) is the primary measure OBS_VALUE; the other measures of a dataset (final count, the 95% bounds,
 * revision) are observation attributes: SDMX 2.1 has a single primary measure, and a bound qualifies the estimate
 * it belongs to rather than being a figure of its own (bounds do not add up over cells).
 */
public final class Structures {
    private final String agency;
    private final Map<String, Structure> byFlow = new LinkedHashMap<>();
    private final Map<String, Codelist> codelists = new LinkedHashMap<>();
    private final Map<String, String> concepts = new LinkedHashMap<>();

    /**
     * @param observed the values the data holds for an open dimension (by dimension name)
     */
    public Structures(String agency, Function<String, Set<String>> observed) {
        this.agency = agency;
        concepts.put(Structure.TIME_PERIOD, "Time period (month YYYY-MM, quarter YYYY-Qn or year YYYY, by FREQ)");
        concepts.put(Structure.FREQ, "Frequency");
        concepts.put(Structure.TRANSFORMATION, "Transformation (the period's own figure or the year-ended total)");
        codelists.put(Codes.FREQ.id(), Codes.FREQ);
        codelists.put(Codes.TRANSFORMATION.id(), Codes.TRANSFORMATION);
        concepts.put(Structure.OBS_VALUE, "Observation value");
        concepts.put(Structure.OBS_STATUS, "Observation status");
        concepts.put(Structure.CONF_STATUS, "Confidentiality status");
        codelists.put(Codes.OBS_STATUS.id(), Codes.OBS_STATUS);
        codelists.put(Codes.CONF_STATUS.id(), Codes.CONF_STATUS);
        for (Dataset dataset : Datasets.all()) {
            List<Component> dimensions = new ArrayList<>();
            dimensions.add(new Component(Structure.FREQ, concepts.get(Structure.FREQ), null, Codes.FREQ));
            if (Frequency.YEAR_ENDED.refusal(dataset) == null) {
                dimensions.add(new Component(
                        Structure.TRANSFORMATION, concepts.get(Structure.TRANSFORMATION), null, Codes.TRANSFORMATION));
            }
            for (Dimension dim : dataset.dimensions()) {
                if (dim.name().equals(Query.MONTH)) {
                    continue;
                }
                String id = Codes.upperSnake(dim.name());
                concepts.putIfAbsent(id, dim.description());
                Codelist codelist = codelists.computeIfAbsent(
                        "CL_" + id,
                        cl -> codelist(cl, dim, dim.values() != null ? dim.values() : observed.apply(dim.name())));
                dimensions.add(new Component(id, dim.description(), dim.name(), codelist));
            }
            Component measure = null;
            List<Component> attributes = new ArrayList<>();
            attributes.add(
                    new Component(Structure.OBS_STATUS, concepts.get(Structure.OBS_STATUS), null, Codes.OBS_STATUS));
            attributes.add(
                    new Component(Structure.CONF_STATUS, concepts.get(Structure.CONF_STATUS), null, Codes.CONF_STATUS));
            for (Measure m : dataset.measures()) {
                if (m.name().equals(dataset.primaryMeasure())) {
                    measure = new Component(Structure.OBS_VALUE, m.description(), m.name(), null);
                } else {
                    String id = Codes.upperSnake(m.name());
                    concepts.putIfAbsent(id, m.description());
                    attributes.add(new Component(id, m.description(), m.name(), null));
                }
            }
            String flowId = Codes.upperSnake(dataset.name());
            byFlow.put(flowId, new Structure(agency, flowId, dataset, dimensions, measure, attributes));
        }
    }

    private static Codelist codelist(String id, Dimension dim, Set<String> values) {
        Set<String> ordered = values instanceof LinkedHashSet<String> || values instanceof TreeSet<String>
                ? values
                : new TreeSet<>(values);
        List<Codelist.Code> codes = new ArrayList<>();
        for (String value : ordered) {
            codes.add(new Codelist.Code(Codes.id(value), Labels.of(dim.name(), value), value));
        }
        if (dim.name()
                .equals(
                        CellDimension.DIRECTION
                                .key())) { // year-ended 12/16 totals by direction also have the net figure
            codes.add(new Codelist.Code(Codes.NET, Labels.of(dim.name(), Codes.NET), Codes.NET));
        }
        codes.add(new Codelist.Code(Codes.TOTAL, "Total", Codes.TOTAL));
        return new Codelist(id, dim.description(), List.copyOf(codes));
    }

    public String agency() {
        return agency;
    }

    public List<Structure> all() {
        return List.copyOf(byFlow.values());
    }

    /** The structure of a dataflow id (e.g. MIGRATION_12_16), or null. */
    public Structure flow(String flowId) {
        return byFlow.get(flowId);
    }

    public Codelist codelist(String id) {
        return codelists.get(id);
    }

    public List<Codelist> codelists() {
        return List.copyOf(codelists.values());
    }

    /** Every concept id with its name, in first-use order. */
    public Map<String, String> concepts() {
        return java.util.Collections.unmodifiableMap(concepts);
    }
}
