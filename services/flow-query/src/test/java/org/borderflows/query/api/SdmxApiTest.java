package org.borderflows.query.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.borderflows.query.sdmx.SdmxSchemas;
import org.borderflows.query.tables.Cube;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The SDMX REST resources over a small cube (no Kafka): every SDMX-ML 3.0 message validates against the official
 * XSDs, every SDMX-JSON message against the official JSON schema, SDMX-CSV has the field guide's columns, and the
 * figures equal the JSON API's for the same question and role.
 */
@MicronautTest(environments = "no-kafka")
class SdmxApiTest {
    static final String ML30_DATA = "application/vnd.sdmx.structurespecificdata+xml;version=3.0.0";
    static final String ML30_STRUCTURE = "application/vnd.sdmx.structure+xml;version=3.0.0";
    /** 12/16 arrivals and departures by month, direction and citizenship (other dimensions summed). */
    static final String KEY = "M.N._T.ENTRY+EXIT._T.TJK+UZB._T._T._T";

    static final String JSON_QUESTION =
            "/api/v1/datasets/migration-12-16?by=month,direction,citizenship&direction=ENTRY,EXIT&citizenship=TJK,UZB";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Cube cube;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void load() {
        SdmxExample.load(cube);
    }

    private HttpResponse<String> get(String uri, String accept, boolean statistician) {
        MutableHttpRequest<?> request = HttpRequest.GET(uri);
        if (accept != null) {
            request.accept(accept);
        }
        if (statistician) {
            request.basicAuth("statistician", "statistician-dev-password");
        }
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            throw new AssertionError(
                    uri + ": " + e.getStatus() + " "
                            + e.getResponse().getBody(String.class).orElse(""),
                    e);
        }
    }

    @Test
    void structuresOfEveryDataflowValidateAsSdmxMl30() throws Exception {
        for (String uri : List.of(
                "/sdmx/2.1/dataflow/all/all/latest?references=all",
                "/sdmx/2.1/datastructure/BORDER_FLOWS/DSD_MIGRATION_12_16/1.0",
                "/sdmx/2.1/dataflow/BORDER_FLOWS/MIGRATION_12_16/1.0",
                "/sdmx/2.1/codelist/BORDER_FLOWS/CL_CITIZENSHIP/1.0",
                "/sdmx/2.1/conceptscheme")) {
            HttpResponse<String> response = get(uri, ML30_STRUCTURE, false);
            assertThat(response.getContentType().orElseThrow().toString())
                    .startsWith("application/vnd.sdmx.structure+xml");
            SdmxSchemas.validateMl30(response.body(), null);
        }
        String dsd = get(
                        "/sdmx/2.1/datastructure/BORDER_FLOWS/DSD_MIGRATION_12_16/1.0?references=children",
                        ML30_STRUCTURE,
                        false)
                .body();
        SdmxSchemas.validateMl30(dsd, null);
        assertThat(dsd)
                .contains("<str:Code id=\"TJK\">", "<str:Code id=\"UZB\">", "<str:Code id=\"85_PLUS\">")
                .contains("<str:TimeDimension id=\"TIME_PERIOD\"")
                .contains(
                        "<str:Attribute id=\"LOWER\"",
                        "<str:Attribute id=\"UPPER\"",
                        "<str:Attribute id=\"CONF_STATUS\"");
    }

    @Test
    void structuresInSdmxJsonValidate() throws Exception {
        for (String uri : List.of(
                "/sdmx/2.1/dataflow/all/all/latest?references=all",
                "/sdmx/2.1/datastructure/BORDER_FLOWS/DSD_MIGRATION_12_16/1.0",
                "/sdmx/2.1/codelist/BORDER_FLOWS/CL_AGE_GROUP/1.0",
                "/sdmx/2.1/conceptscheme")) {
            String body = get(uri, "application/vnd.sdmx.structure+json;version=2.0.0", false)
                    .body();
            assertThat(SdmxSchemas.validateJson(body, "sdmx-json-structure-schema.json"))
                    .as(uri)
                    .isEmpty();
        }
        JsonNode dsd = json.readTree(get(
                                "/sdmx/2.1/datastructure/BORDER_FLOWS/DSD_MIGRATION_12_16/1.0?format=structure-json",
                                null,
                                false)
                        .body())
                .at("/data/dataStructures/0/dataStructureComponents");
        assertThat(dsd.at("/dimensionList/dimensions/0/id").asText()).isEqualTo("FREQ");
        assertThat(dsd.at("/dimensionList/dimensions/1/id").asText()).isEqualTo("TRANSFORMATION");
        assertThat(dsd.at("/dimensionList/dimensions/5/id").asText()).isEqualTo("CITIZENSHIP");
        assertThat(dsd.at("/dimensionList/timeDimension/id").asText()).isEqualTo("TIME_PERIOD");
        assertThat(dsd.at("/attributeList/attributes/3/id").asText()).isEqualTo("LOWER");
    }

    @Test
    void structuresAreSdmxMl21ByDefault() {
        HttpResponse<String> response = get("/sdmx/2.1/datastructure/BORDER_FLOWS/DSD_CROSSINGS/1.0", null, false);
        assertThat(response.getContentType().orElseThrow().toString()).contains("version=2.1");
        assertThat(response.body())
                .contains("xmlns:str=\"http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure\"")
                .contains("<str:PrimaryMeasure id=\"OBS_VALUE\">");
    }

    @Test
    void sdmxMl30DataValidatesAndEqualsTheJsonApiForEachRole() throws Exception {
        for (boolean statistician : List.of(false, true)) {
            String schema = get("/sdmx/2.1/schema/dataflow/BORDER_FLOWS/MIGRATION_12_16/1.0", null, false)
                    .body();
            HttpResponse<String> response = get("/sdmx/2.1/data/MIGRATION_12_16/" + KEY, ML30_DATA, statistician);
            SdmxSchemas.validateMl30(response.body(), schema);
            assertThat(response.header("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"MIGRATION_12_16.xml\"");
            assertThat(response.header("X-Protected")).isEqualTo(String.valueOf(!statistician));
            assertThat(observationsOfXml(response.body())).isEqualTo(jsonApiRows(statistician));
        }
    }

    @Test
    void everyObservationLevelValidates() throws Exception {
        for (String at : List.of("TIME_PERIOD", "AllDimensions", "CITIZENSHIP")) {
            String schema = get(
                            "/sdmx/2.1/schema/dataflow/BORDER_FLOWS/MIGRATION_12_16/1.0?dimensionAtObservation=" + at,
                            null,
                            false)
                    .body();
            String data = get(
                            "/sdmx/2.1/data/BORDER_FLOWS,MIGRATION_12_16,1.0/all?dimensionAtObservation=" + at,
                            ML30_DATA,
                            false)
                    .body();
            SdmxSchemas.validateMl30(data, schema);
            assertThat(data).contains("dimensionAtObservation=\"" + at + "\"").contains("<Obs ");
        }
        String crossings = get("/sdmx/2.1/data/SPELLS", ML30_DATA, true).body();
        SdmxSchemas.validateMl30(
                crossings,
                get("/sdmx/2.1/schema/dataflow/BORDER_FLOWS/SPELLS/1.0", null, false)
                        .body());
        assertThat(crossings).contains("TIME_PERIOD=\"2026-02\" OBS_VALUE=\"7\" OBS_STATUS=\"A\" CONF_STATUS=\"F\"");
    }

    @Test
    void sdmxJsonValidatesAndEqualsTheJsonApiForEachRole() throws Exception {
        for (boolean statistician : List.of(false, true)) {
            String body = get(
                            "/sdmx/2.1/data/MIGRATION_12_16/" + KEY,
                            "application/vnd.sdmx.data+json;version=2.0.0",
                            statistician)
                    .body();
            assertThat(SdmxSchemas.validateJson(body, "sdmx-json-data-schema.json"))
                    .isEmpty();
            assertThat(observationsOfJson(body)).isEqualTo(jsonApiRows(statistician));
        }
    }

    @Test
    void sdmxCsvHasTheFieldGuideColumnsAndTheJsonApiFigures() throws Exception {
        for (boolean statistician : List.of(false, true)) {
            HttpResponse<String> response =
                    get("/sdmx/2.1/data/MIGRATION_12_16/" + KEY + "?format=csvdata", null, statistician);
            assertThat(response.header("Content-Disposition"))
                    .isEqualTo("attachment; filename=\"MIGRATION_12_16.csv\"");
            String[] lines = response.body().split("\r\n");
            assertThat(lines[0])
                    .isEqualTo(
                            "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,TRANSFORMATION,BORDER_POST,DIRECTION,RESIDENCE_STATUS,CITIZENSHIP,SEX,"
                                    + "AGE_GROUP,PURPOSE,TIME_PERIOD,OBS_VALUE,OBS_STATUS,CONF_STATUS,FINAL_COUNT,LOWER,UPPER");
            Map<String, Map<String, String>> rows = new TreeMap<>();
            List<String> header = List.of(lines[0].split(","));
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(",", -1);
                assertThat(f[0]).isEqualTo("dataflow");
                assertThat(f[1]).isEqualTo("BORDER_FLOWS:MIGRATION_12_16(1.0)");
                Map<String, String> obs = new LinkedHashMap<>();
                for (int c = 0; c < f.length; c++) {
                    obs.put(header.get(c), f[c]);
                }
                rows.put(
                        obs.get("TIME_PERIOD") + "|" + obs.get("DIRECTION") + "|" + obs.get("CITIZENSHIP"),
                        figures(obs));
            }
            assertThat(rows).isEqualTo(jsonApiRows(statistician));
        }
    }

    @Test
    void aSuppressedFigureIsConfidentialForThePublic() {
        String csv = get(
                        "/sdmx/2.1/data/MIGRATION_12_16/M.N._T.ENTRY._T.UZB._T._T._T?startPeriod=2025-11&endPeriod=2025-11"
                                + "&format=csv",
                        null,
                        false)
                .body();
        // 2 provisional UZB arrivals: estimate 1-5, suppressed.
        assertThat(csv.split("\r\n")[1]).contains(",2025-11,NaN,E,C,");
    }

    @Test
    void badRequestsNameTheParameter() {
        assertStatus("/sdmx/2.1/data/MIGRATION_12_16/ENTRY", 400, "\"parameter\":\"key\"", "has 1 dimension positions");
        assertStatus(
                "/sdmx/2.1/data/MIGRATION_12_16/M.N._T.SIDEWAYS._T._T._T._T._T",
                400,
                "\"parameter\":\"key\"",
                "unknown code 'SIDEWAYS' for dimension DIRECTION");
        assertStatus(
                "/sdmx/2.1/data/MIGRATION_12_16?startPeriod=March",
                400,
                "\"parameter\":\"startPeriod\"",
                "got 'March'");
        assertStatus(
                "/sdmx/2.1/data/MIGRATION_12_16?dimensionAtObservation=COLOUR",
                400,
                "\"parameter\":\"dimensionAtObservation\"",
                "COLOUR");
        assertStatus("/sdmx/2.1/data/MIGRATION_12_16?format=pdf", 400, "\"parameter\":\"format\"", "pdf");
        assertStatus("/sdmx/2.1/data/NO_SUCH_FLOW", 404, "\"parameter\":\"flow\"", "known: CROSSINGS");
        assertStatus("/sdmx/2.1/codelist/OTHER_AGENCY/CL_SEX/1.0", 404, "\"parameter\":\"agencyID\"", "BORDER_FLOWS");
    }

    @Test
    void sdmxRest30PathsAnswerTheSameAs21() throws Exception {
        String structure = get("/sdmx/3.0/structure/datastructure/BORDER_FLOWS/DSD_MIGRATION_12_16/1.0", null, false)
                .body();
        assertThat(structure).contains("schemas/v3_0/structure");
        SdmxSchemas.validateMl30(structure, null);
        for (boolean statistician : List.of(false, true)) {
            String v30 = get(
                            "/sdmx/3.0/data/dataflow/BORDER_FLOWS/MIGRATION_12_16/1.0/M.N._T.*._T.*._T._T._T"
                                    + "?c[DIRECTION]=ENTRY,EXIT&c[CITIZENSHIP]=TJK,UZB"
                                    + "&c[TIME_PERIOD]=ge:2024-01%2Ble:2025-12&format=csvdata",
                            null, statistician)
                    .body();
            String v21 = get(
                            "/sdmx/2.1/data/MIGRATION_12_16/" + KEY
                                    + "?startPeriod=2024-01&endPeriod=2025-12&format=csvdata",
                            null,
                            statistician)
                    .body();
            assertThat(v30).isEqualTo(v21).contains(",2024-11,", ",2025-12,");
        }
        String data = get("/sdmx/3.0/data/dataflow/BORDER_FLOWS/SPELLS/~", null, false)
                .body();
        SdmxSchemas.validateMl30(
                data,
                get("/sdmx/2.1/schema/dataflow/BORDER_FLOWS/SPELLS/1.0", null, false)
                        .body());
    }

    @Test
    void anAcceptHeaderMatchingNoFormatIsNotAcceptable() {
        assertThatThrownBy(() -> http.toBlocking()
                        .exchange(HttpRequest.GET("/sdmx/2.1/data/CROSSINGS").accept("image/png"), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(406);
                    assertThat(e.getResponse().getBody(String.class).orElseThrow())
                            .contains("\"parameter\":\"Accept\"")
                            .contains("application/vnd.sdmx.data+csv;version=2.0.0");
                });
    }

    @Test
    void wrongCredentialsAreRefused() {
        assertThatThrownBy(() -> http.toBlocking()
                        .exchange(HttpRequest.GET("/sdmx/2.1/data/CROSSINGS").basicAuth("statistician", "wrong")))
                .isInstanceOfSatisfying(
                        HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(401));
    }

    private void assertStatus(String uri, int status, String... contents) {
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.GET(uri), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(status);
                    assertThat(e.getResponse().getBody(String.class).orElseThrow())
                            .contains(contents);
                });
    }

    /** The JSON API's rows for the same question: month|direction|citizenship to the figures as text. */
    private Map<String, Map<String, String>> jsonApiRows(boolean statistician) throws Exception {
        JsonNode table = json.readTree(get(JSON_QUESTION, null, statistician).body());
        assertThat(table.get("protected").asBoolean()).isEqualTo(!statistician);
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (JsonNode row : table.get("rows")) {
            Map<String, String> figures = new LinkedHashMap<>();
            for (String measure : List.of("estimate", "finalCount", "lower", "upper")) {
                figures.put(
                        measure,
                        row.get(measure).isNull()
                                ? null
                                : number(row.get(measure).asDouble()));
            }
            figures.put("status", row.get("status").asText());
            rows.put(
                    row.get("month").asText() + "|" + row.get("direction").asText() + "|"
                            + row.get("citizenship").asText(),
                    figures);
        }
        assertThat(rows).isNotEmpty();
        return rows;
    }

    private static String number(double v) {
        return String.valueOf(v);
    }

    /** OBS_VALUE and the measure attributes of an observation, as the JSON API names them. */
    private static Map<String, String> figures(Map<String, String> obs) {
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("estimate", numberOrNull(obs.get("OBS_VALUE")));
        figures.put("finalCount", numberOrNull(obs.get("FINAL_COUNT")));
        figures.put("lower", numberOrNull(obs.get("LOWER")));
        figures.put("upper", numberOrNull(obs.get("UPPER")));
        assertThat(obs.get("CONF_STATUS")).isEqualTo(figures.get("estimate") == null ? "C" : "F");
        figures.put(
                "status",
                obs.get("CONF_STATUS").equals("C")
                        ? "suppressed"
                        : Map.of("A", "final", "P", "provisional", "E", "estimate")
                                .get(obs.get("OBS_STATUS")));
        return figures;
    }

    private static String numberOrNull(String v) {
        return v == null || v.isEmpty() || v.equals("NaN") ? null : String.valueOf(Double.parseDouble(v));
    }

    private static Map<String, Map<String, String>> observationsOfXml(String xml) throws Exception {
        Element root = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)))
                .getDocumentElement();
        NodeList list = root.getElementsByTagName("Obs");
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (int i = 0; i < list.getLength(); i++) {
            Element obs = (Element) list.item(i);
            Map<String, String> all = attributes((Element) obs.getParentNode());
            all.putAll(attributes(obs));
            rows.put(all.get("TIME_PERIOD") + "|" + all.get("DIRECTION") + "|" + all.get("CITIZENSHIP"), figures(all));
        }
        return rows;
    }

    private static Map<String, String> attributes(Element e) {
        Map<String, String> out = new LinkedHashMap<>();
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            out.put(attributes.item(i).getNodeName(), attributes.item(i).getNodeValue());
        }
        return out;
    }

    /** SDMX-JSON observations decoded through the structure's value lists. */
    private Map<String, Map<String, String>> observationsOfJson(String body) throws Exception {
        JsonNode data = json.readTree(body).get("data");
        JsonNode structure = data.get("structures").get(0);
        List<JsonNode> seriesDims = list(structure.get("dimensions").get("series"));
        List<JsonNode> obsDims = list(structure.get("dimensions").get("observation"));
        List<JsonNode> attributes = list(structure.get("attributes").get("observation"));
        Map<String, Map<String, String>> rows = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> s =
                        data.get("dataSets").get(0).get("series").fields();
                s.hasNext(); ) {
            Map.Entry<String, JsonNode> series = s.next();
            Map<String, String> key = decode(series.getKey(), seriesDims);
            for (Iterator<Map.Entry<String, JsonNode>> o =
                            series.getValue().get("observations").fields();
                    o.hasNext(); ) {
                Map.Entry<String, JsonNode> observation = o.next();
                Map<String, String> obs = new LinkedHashMap<>(key);
                obs.putAll(decode(observation.getKey(), obsDims));
                JsonNode values = observation.getValue();
                obs.put(
                        "OBS_VALUE",
                        values.get(0).isNull() ? null : values.get(0).asText());
                for (int a = 0; a < attributes.size(); a++) {
                    JsonNode index = values.get(a + 1);
                    if (index != null && !index.isNull()) {
                        JsonNode value = attributes.get(a).get("values").get(index.asInt());
                        obs.put(
                                attributes.get(a).get("id").asText(),
                                value.has("id")
                                        ? value.get("id").asText()
                                        : value.get("value").asText());
                    }
                }
                rows.put(
                        obs.get("TIME_PERIOD") + "|" + obs.get("DIRECTION") + "|" + obs.get("CITIZENSHIP"),
                        figures(obs));
            }
        }
        return rows;
    }

    private static Map<String, String> decode(String key, List<JsonNode> dims) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] indexes = key.split(":");
        for (int i = 0; i < dims.size(); i++) {
            out.put(
                    dims.get(i).get("id").asText(),
                    dims.get(i)
                            .get("values")
                            .get(Integer.parseInt(indexes[i]))
                            .get("id")
                            .asText());
        }
        return out;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
