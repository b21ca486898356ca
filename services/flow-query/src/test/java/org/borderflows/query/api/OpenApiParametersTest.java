package org.borderflows.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.borderflows.query.tables.Cube;
import org.borderflows.query.tables.Datasets;
import org.borderflows.query.tables.Frequency;
import org.borderflows.query.tables.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The generated OpenAPI document of the query API: every parameter of {@code GET /api/v1/datasets/{name}} with the
 * value set of the catalogue ({@link Datasets}, {@link Frequency}), and a request made from the document for every
 * documented parameter and value gets an answer (200), never a server error; the documented response schema has
 * the fields of a real answer.
 */
@MicronautTest(environments = "no-kafka")
class OpenApiParametersTest {
    private static final String PATH = "/api/v1/datasets/{name}";
    /** A valid value of each parameter documented by a pattern. */
    private static final Map<String, String> EXAMPLES = Map.of(
            "from", "2024-01",
            "to", "2026-Q1",
            "month", "2025-11",
            "borderPost", "KZ-ALA-AIR",
            "citizenship", "TJK",
            "reason", "NONE",
            "stage", "3");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Cube cube;

    @BeforeEach
    void load() {
        SdmxExample.load(cube);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> document() {
        return new Yaml().load(http.toBlocking().retrieve("/swagger/flow-query-1.yml"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> parameters() {
        Map<String, Object> paths = (Map<String, Object>) document().get("paths");
        Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) paths.get(PATH)).get("get");
        return (List<Map<String, Object>>) get.get("parameters");
    }

    private Map<String, Object> parameter(String name) {
        return parameters().stream()
                .filter(p -> p.get("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("parameter " + name + " is not documented"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(Map<String, Object> parameter) {
        return (Map<String, Object>) parameter.get("schema");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> values(Map<String, Object> parameter) {
        List<Object> values = (List<Object>) schema(parameter).get("enum");
        return values == null
                ? null
                : values.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyDimensionAndOptionIsDocumentedWithTheCataloguesValueSet() {
        Set<String> dimensions = new LinkedHashSet<>();
        for (Datasets.Dataset dataset : Datasets.all()) {
            for (Datasets.Dimension dim : dataset.dimensions()) {
                dimensions.add(dim.name());
                Map<String, Object> documented = parameter(dim.name());
                assertThat(documented.get("in")).isEqualTo("query");
                if (dim.values() != null) {
                    assertThat(values(documented)).as(dim.name()).isEqualTo(new TreeSet<>(dim.values()));
                } else {
                    assertThat(schema(documented).get("pattern"))
                            .as(dim.name())
                            .isEqualTo(dim.pattern().pattern());
                }
            }
        }
        assertThat(values(parameter("by"))).isEqualTo(new TreeSet<>(dimensions));
        assertThat(values(parameter("frequency")))
                .isEqualTo(Arrays.stream(Frequency.values())
                        .map(Frequency::parameter)
                        .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(values(parameter("labels"))).containsExactlyInAnyOrder("id", "both");
        assertThat(values(parameter("format"))).containsExactlyInAnyOrder("json", "csv");
        assertThat(values(parameter("name")))
                .isEqualTo(Datasets.all().stream()
                        .map(Datasets.Dataset::name)
                        .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Every documented parameter, with every documented value (or an example of its pattern), answers 200. */
    @Test
    void aRequestForEveryDocumentedParameterAndValueIsAnswered() {
        List<String> asked = new ArrayList<>();
        for (Map<String, Object> parameter : parameters()) {
            String name = (String) parameter.get("name");
            Set<String> values = values(parameter);
            for (String value : values != null ? values : Set.of(EXAMPLES.get(name))) {
                UriBuilder uri = UriBuilder.of("/api/v1/datasets/{name}");
                String dataset = datasetFor(name, value);
                if (name.equals("name")) {
                    dataset = value;
                } else {
                    uri.queryParam(name, value);
                }
                if (name.equals("frequency")) {
                    uri.queryParam("by", "month");
                }
                String request = uri.expand(Map.of("name", dataset)).toString();
                asked.add(request);
                assertThat(status(request)).as(request).isEqualTo(200);
            }
        }
        assertThat(asked).hasSizeGreaterThan(80);
    }

    /** A dataset having the dimension a parameter filters or groups by (crossings for the others). */
    private static String datasetFor(String parameter, String value) {
        String dimension = parameter.equals("by") ? value : parameter;
        return Datasets.all().stream()
                .filter(d -> d.dimension(dimension) != null)
                .map(Datasets.Dataset::name)
                .findFirst()
                .orElse("crossings");
    }

    private int status(String uri) {
        try {
            HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET(uri), String.class);
            return response.code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentedResponseSchemaHasTheFieldsOfARealAnswer() throws Exception {
        Map<String, Object> schemas =
                (Map<String, Object>) ((Map<String, Object>) document().get("components")).get("schemas");
        Set<String> table =
                ((Map<String, Object>) ((Map<String, Object>) schemas.get("Table")).get("properties")).keySet();
        Map<String, Object> row =
                (Map<String, Object>) ((Map<String, Object>) schemas.get("TableRow")).get("properties");
        JsonNode answer = new ObjectMapper()
                .readTree(http.toBlocking().retrieve("/api/v1/datasets/migration-12-16?by=month&frequency=quarter"));
        List<String> fields = new ArrayList<>();
        answer.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrderElementsOf(table);
        for (JsonNode r : answer.get("rows")) {
            List<String> keys = new ArrayList<>();
            r.fieldNames().forEachRemaining(keys::add);
            assertThat(row.keySet()).containsAll(keys);
            assertThat((List<String>) ((Map<String, Object>) row.get("status")).get("enum"))
                    .containsExactlyInAnyOrder(Table.FINAL, Table.PROVISIONAL, Table.ESTIMATE, Table.SUPPRESSED)
                    .contains(r.get("status").asText());
        }
    }
}
