package org.borderflows.query.sdmx;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.borderflows.query.tables.BadQueryException;
import org.borderflows.query.tables.Datasets;
import org.borderflows.query.tables.Datasets.Dataset;
import org.borderflows.query.tables.Query;
import org.borderflows.query.tables.Reading;
import org.borderflows.query.tables.Table;
import org.borderflows.query.tables.TableQueries;

/**
 * SDMX REST answers over the table queries: structure queries (dataflow, datastructure, codelist, conceptscheme)
 * and data queries, rendered in the requested format. No framework: the controller only passes parameters.
 */
public final class SdmxService {
    /** A rendered answer: body, media type, file name for Content-Disposition, clock and protection flag. */
    public record Answer(String body, String mediaType, String fileName, String asOf, boolean isProtected) {}

    private final TableQueries queries;
    private final String agency;
    /**
     * The structures without the values of open dimensions, for data queries: a key is checked against a
     * dimension's values or pattern, not against the data, so a data query never lists the data's codes.
     */
    private final Structures catalogue;

    private volatile Cached cached;

    private record Cached(long cubeVersion, Structures structures) {}

    public SdmxService(TableQueries queries, String agency) {
        this.queries = queries;
        this.agency = agency;
        this.catalogue = new Structures(agency, dimension -> Set.of());
    }

    /** The structures as of the cube's current content (open codelists hold the values the data holds). */
    public Structures structures() {
        long version = queries.cube().version();
        Cached c = cached;
        if (c == null || c.cubeVersion() != version) {
            c = new Cached(version, new Structures(agency, this::observed));
            cached = c;
        }
        return c.structures();
    }

    /**
     * The values of an open dimension in the data: the groups of an exact table by that dimension, over every
     * dataset holding it (the 12/16 revisions only when no other dataset has the dimension: their other values are
     * those of migration-12-16).
     */
    private Set<String> observed(String dimension) {
        List<Dataset> holding = Datasets.all().stream()
                .filter(d -> d.dimension(dimension) != null)
                .toList();
        Set<String> values = new TreeSet<>();
        for (Dataset d : holding) {
            if (d.reading() == Reading.REVISIONS && holding.size() > 1) {
                continue;
            }
            Table table = queries.run(Query.parse(d.name(), Map.of("by", dimension)), false);
            table.rows().forEach(row -> values.add(String.valueOf(row.get(dimension))));
        }
        return values;
    }

    /**
     * A structure query.
     *
     * @param resource dataflow, datastructure, codelist or conceptscheme
     * @param references none (default), parents, parentsandsiblings, children, descendants or all: the last three
     *     add the DSDs, codelists and concept scheme the answer uses
     */
    public Answer structure(
            String resource, String agencyId, String id, String version, String references, SdmxFormat format) {
        Structures all = structures();
        if (!matches(agencyId, agency)) {
            throw new SdmxNotFoundException("agencyID", "unknown agency '" + agencyId + "'; this service is " + agency);
        }
        if (!matches(version, Structure.VERSION)) {
            throw new SdmxNotFoundException(
                    "version", "unknown version '" + version + "'; every structure here is " + Structure.VERSION);
        }
        boolean children = references(references);
        List<Structure> flows = new ArrayList<>();
        List<Codelist> codelists = new ArrayList<>();
        Map<String, String> concepts = Map.of();
        boolean dsds = false;
        switch (resource) {
            case "dataflow", "datastructure" -> {
                for (Structure s : all.all()) {
                    if (matches(id, resource.equals("dataflow") ? s.flowId() : s.dsdId())) {
                        flows.add(s);
                    }
                }
                dsds = resource.equals("datastructure") || children;
                if (children) {
                    for (Structure s : flows) {
                        s.codelists().stream()
                                .filter(c -> !codelists.contains(c))
                                .forEach(codelists::add);
                    }
                    concepts = all.concepts();
                }
                if (flows.isEmpty()) {
                    throw new SdmxNotFoundException("resourceID", "no " + resource + " '" + id + "'");
                }
            }
            case "codelist" -> {
                all.codelists().stream().filter(c -> matches(id, c.id())).forEach(codelists::add);
                if (codelists.isEmpty()) {
                    throw new SdmxNotFoundException("resourceID", "no codelist '" + id + "'");
                }
            }
            case "conceptscheme" -> {
                if (!matches(id, Structure.CONCEPT_SCHEME)) {
                    throw new SdmxNotFoundException("resourceID", "no conceptscheme '" + id + "'");
                }
                concepts = all.concepts();
            }
            default ->
                throw new SdmxNotFoundException(
                        "resource",
                        "unknown structure resource '" + resource + "'; served: dataflow, datastructure,"
                                + " codelist, conceptscheme");
        }
        String body =
                switch (format) {
                    case STRUCTURE_JSON ->
                        StructureJson.message(agency, Instant.now(), flows, dsds, codelists, concepts);
                    case STRUCTURE_ML_3_0 ->
                        StructureXml.message(MlVersion.V3_0, agency, Instant.now(), flows, dsds, codelists, concepts);
                    default ->
                        StructureXml.message(MlVersion.V2_1, agency, Instant.now(), flows, dsds, codelists, concepts);
                };
        return new Answer(body, format.mediaType(), resource + "." + format.extension(), asOf(), false);
    }

    /**
     * A data query: flow is {@code ID}, {@code AGENCY,ID} or {@code AGENCY,ID,VERSION}; the figures are those of
     * the query API for the same question and the same protect flag.
     */
    public Answer data(
            String flow,
            String key,
            String startPeriod,
            String endPeriod,
            String dimensionAtObservation,
            SdmxFormat format,
            boolean protect) {
        return data(
                flow,
                key,
                new DataOptions(startPeriod, endPeriod, dimensionAtObservation, null, false),
                format,
                protect);
    }

    /**
     * The SDMX data resource (path under the SDMX REST 2.1 root, without a format) asking the same question as a
     * query API table question ({@link DataLink}).
     */
    public String dataPath(Query query) {
        return DataLink.path(catalogue.flow(Codes.upperSnake(query.dataset().name())), query);
    }

    /**
     * The optional parameters of a data query.
     *
     * @param updatedAfter only the observations changed after this ISO 8601 date-time (null: all)
     * @param labels SDMX-CSV with {@code labels=both}: codes and names
     */
    public record DataOptions(
            String startPeriod, String endPeriod, String dimensionAtObservation, String updatedAfter, boolean labels) {}

    /** A data query with every option; the figures are those of the query API for the same question and role. */
    public Answer data(String flow, String key, DataOptions options, SdmxFormat format, boolean protect) {
        Structure structure = flow(flow);
        DataRequest request = DataRequest.parse(
                structure,
                key,
                options.startPeriod(),
                options.endPeriod(),
                options.dimensionAtObservation(),
                options.updatedAfter());
        DataSet data = DataSet.answer(request, queries, protect);
        Instant now = Instant.now();
        String body =
                switch (format) {
                    case DATA_ML_2_1 -> DataXml.message(MlVersion.V2_1, data, now);
                    case DATA_ML_3_0 -> DataXml.message(MlVersion.V3_0, data, now);
                    case DATA_JSON -> DataJson.message(data, now);
                    case DATA_CSV -> DataCsv.message(data, options.labels());
                    default -> throw new IllegalArgumentException("not a data format: " + format);
                };
        return new Answer(
                body,
                format.mediaType(),
                structure.flowId() + "." + format.extension(),
                data.asOf() == null ? "" : data.asOf().toString(),
                data.isProtected());
    }

    /** A data query of SDMX REST 3.0 (see {@link Rest30}); the figures are those of {@link #data}. */
    public Answer data30(
            String context,
            String agencyId,
            String id,
            String version,
            String key,
            Map<String, String> parameters,
            SdmxFormat format,
            boolean labels,
            boolean protect) {
        Rest30 q = Rest30.of(catalogue, context, agencyId, id, version, key, parameters);
        return data(
                q.flow(),
                q.key(),
                new DataOptions(
                        q.startPeriod(),
                        q.endPeriod(),
                        parameters.get("dimensionAtObservation"),
                        parameters.get(DataRequest.UPDATED_AFTER),
                        labels),
                format,
                protect);
    }

    /**
     * Whether a data query asks for codes and names ({@code labels=both}), by the {@code labels} parameter or a
     * parameter of the Accept header (the SDMX-CSV field guide's way); {@code id} (default) for codes only.
     */
    public static boolean labels(String parameter, String accept) {
        String value = parameter;
        if ((value == null || value.isBlank()) && accept != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("labels=([a-z]+)")
                    .matcher(accept.toLowerCase(java.util.Locale.ROOT));
            value = m.find() ? m.group(1) : null;
        }
        if (value == null || value.isBlank() || value.equals("id")) {
            return false;
        }
        if (!value.equals("both")) {
            throw new BadQueryException("labels", "labels must be id or both, got '" + value + "'");
        }
        return true;
    }

    /** The DSD-specific schema (SDMX-ML 3.0) of a dataflow's or data structure's data at an observation level. */
    public Answer schema(String context, String agencyId, String id, String version, String dimensionAtObservation) {
        if (!context.equals("dataflow") && !context.equals("datastructure")) {
            throw new SdmxNotFoundException(
                    "context", "schema context must be dataflow or datastructure, got '" + context + "'");
        }
        if (!agency.equals(agencyId) || !matches(version, Structure.VERSION)) {
            throw new SdmxNotFoundException(
                    "agencyID", "no " + context + " " + agencyId + ":" + id + "(" + version + ")");
        }
        Structure structure = structures().all().stream()
                .filter(s -> id.equals(context.equals("dataflow") ? s.flowId() : s.dsdId()))
                .findFirst()
                .orElseThrow(() -> new SdmxNotFoundException("resourceID", "no " + context + " '" + id + "'"));
        String at = DataRequest.parse(structure, null, null, null, dimensionAtObservation)
                .dimensionAtObservation();
        return new Answer(DataSchema.xsd(structure, at), "application/xml", structure.dsdId() + ".xsd", asOf(), false);
    }

    private Structure flow(String flow) {
        String[] parts = flow.split(",", -1);
        String id = parts.length == 1 ? parts[0] : parts[1];
        if (parts.length > 3
                || (parts.length >= 2 && !matches(parts[0], agency))
                || (parts.length == 3 && !matches(parts[2], Structure.VERSION))) {
            throw new SdmxNotFoundException(
                    "flow",
                    "unknown dataflow '" + flow + "'; use ID, " + agency + ",ID or " + agency + ",ID,"
                            + Structure.VERSION);
        }
        Structure structure = catalogue.flow(id);
        if (structure == null) {
            throw new SdmxNotFoundException(
                    "flow",
                    "unknown dataflow '" + id + "'; known: "
                            + String.join(
                                    ", ",
                                    catalogue.all().stream()
                                            .map(Structure::flowId)
                                            .toList()));
        }
        return structure;
    }

    private static boolean references(String references) {
        if (references == null || references.isBlank()) {
            return false;
        }
        return switch (references) {
            case "none", "parents", "parentsandsiblings" -> false;
            case "children", "descendants", "all" -> true;
            default ->
                throw new BadQueryException(
                        "references",
                        "references must be none, parents, parentsandsiblings, children, descendants or all, got '"
                                + references + "'");
        };
    }

    /** SDMX REST matching: absent, {@code all}, {@code *}, {@code latest} and {@code ~} (3.0) match anything. */
    private static boolean matches(String requested, String actual) {
        return requested == null
                || requested.isEmpty()
                || requested.equals("all")
                || requested.equals("*")
                || requested.equals("latest")
                || requested.equals("~")
                || requested.equals(actual);
    }

    private String asOf() {
        return queries.cube().asOf() == null ? "" : queries.cube().asOf().toString();
    }
}
