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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.borderflows.query.sdmx.SdmxSchemas;
import org.borderflows.query.tables.Cube;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Frequencies, labels, downloads and {@code updatedAfter} over HTTP, on the cube of {@link SdmxExample} (clock 15
 * March 2026): the SDMX FREQ (M, Q, A) and TRANSFORMATION (N, YE) dimensions give the JSON API's figures and statuses
 * at frequency month, quarter, year and year-ended, for each role.
 */
@MicronautTest(environments = "no-kafka")
class SdmxFrequenciesApiTest {
    private static final String SPLIT = "._T.ENTRY+EXIT._T.TJK+UZB._T._T._T";
    private static final String JSON_QUESTION = "/api/v1/datasets/migration-12-16?by=month,direction,citizenship"
            + "&direction=ENTRY,EXIT&citizenship=TJK,UZB&frequency=";

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

    /** SDMX-CSV rows as maps of column to value (fields quoted as RFC 4180 says). */
    private static List<Map<String, String>> csv(String body) {
        String[] lines = body.split("\r\n");
        List<String> header = fields(lines[0]);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            List<String> f = fields(lines[i]);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), f.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    /** period|direction|citizenship to estimate and status, from SDMX-CSV. */
    private static Map<String, String> sdmxFigures(String body) {
        Map<String, String> out = new TreeMap<>();
        for (Map<String, String> row : csv(body)) {
            String status = row.get("CONF_STATUS").equals("C")
                    ? "suppressed"
                    : Map.of("A", "final", "P", "provisional", "E", "estimate").get(row.get("OBS_STATUS"));
            String value = row.get("OBS_VALUE").equals("NaN")
                    ? "null"
                    : String.valueOf(Double.parseDouble(row.get("OBS_VALUE")));
            out.put(
                    row.get("TIME_PERIOD") + "|" + row.get("DIRECTION") + "|" + row.get("CITIZENSHIP"),
                    value + " " + status);
        }
        return out;
    }

    /** The same from the JSON API at a frequency. */
    private Map<String, String> jsonFigures(String frequency, boolean statistician) throws Exception {
        JsonNode table =
                json.readTree(get(JSON_QUESTION + frequency, null, statistician).body());
        Map<String, String> out = new TreeMap<>();
        for (JsonNode row : table.get("rows")) {
            String value = row.get("estimate").isNull()
                    ? "null"
                    : String.valueOf(row.get("estimate").asDouble());
            out.put(
                    row.get("month").asText() + "|" + row.get("direction").asText() + "|"
                            + row.get("citizenship").asText(),
                    value + " " + row.get("status").asText());
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    /**
     * Q4 2024 (October to December): 9 TJK and 7 UZB long-term arrivals, all final. Q4 2025: the 10 TJK and 2 UZB
     * arrivals of November 2025 under review, estimates. The SDMX figures are the JSON API's at every frequency.
     */
    @Test
    void everyFrequencyGivesTheJsonApisFiguresAndStatuses() throws Exception {
        for (boolean statistician : List.of(false, true)) {
            for (String[] grain : List.of(
                    new String[] {"M.N", "month"},
                    new String[] {"Q.N", "quarter"},
                    new String[] {"A.N", "year"},
                    new String[] {"M.YE", "year-ended"})) {
                String body = get(
                                "/sdmx/2.1/data/MIGRATION_12_16/" + grain[0]
                                        // year-ended totals by direction also have the net rows
                                        + (grain[0].equals("M.YE") ? SPLIT.replace("EXIT", "EXIT+NET") : SPLIT)
                                        + "?format=csvdata",
                                null,
                                statistician)
                        .body();
                assertThat(sdmxFigures(body)).as(grain[1]).isEqualTo(jsonFigures(grain[1], statistician));
            }
        }
        Map<String, String> quarters =
                sdmxFigures(get("/sdmx/2.1/data/MIGRATION_12_16/Q.N" + SPLIT + "?format=csvdata", null, true)
                        .body());
        assertThat(quarters)
                .containsEntry("2024-Q4|ENTRY|TJK", "9.0 final")
                .containsEntry("2024-Q4|ENTRY|UZB", "7.0 final");
        assertThat(quarters.get("2025-Q4|ENTRY|TJK")).endsWith(" estimate");
    }

    @Test
    void allFrequenciesInOneMessageValidateAsSdmxMl30() throws Exception {
        String schema = get("/sdmx/2.1/schema/dataflow/BORDER_FLOWS/MIGRATION_12_16/1.0", null, false)
                .body();
        String data = get(
                        "/sdmx/2.1/data/MIGRATION_12_16/." + SPLIT, // FREQ and TRANSFORMATION: every code
                        SdmxApiTest.ML30_DATA,
                        true)
                .body();
        SdmxSchemas.validateMl30(data, schema);
        assertThat(data)
                .contains("FREQ=\"M\" TRANSFORMATION=\"N\"")
                .contains("FREQ=\"Q\" TRANSFORMATION=\"N\"")
                .contains("FREQ=\"A\" TRANSFORMATION=\"N\"")
                .contains("FREQ=\"M\" TRANSFORMATION=\"YE\"")
                .doesNotContain("FREQ=\"Q\" TRANSFORMATION=\"YE\"")
                .contains("TIME_PERIOD=\"2024-Q4\"", "TIME_PERIOD=\"2024\"", "TIME_PERIOD=\"2025-11\"");
    }

    /** Year-ended net migration (ENTRY - EXIT), asked for by its own direction code NET. */
    @Test
    void yearEndedNetMigrationIsTheNetCodeOfDirection() throws Exception {
        String body = get("/sdmx/2.1/data/MIGRATION_12_16/M.YE._T.NET._T._T._T._T._T?format=csvdata", null, true)
                .body();
        JsonNode table = json.readTree(
                get("/api/v1/datasets/migration-12-16?by=month,direction&frequency=year-ended", null, true)
                        .body());
        Map<String, String> expected = new TreeMap<>();
        for (JsonNode row : table.get("rows")) {
            if (row.get("direction").asText().equals("NET")) {
                expected.put(
                        row.get("month").asText(),
                        String.valueOf(row.get("estimate").asDouble()));
            }
        }
        Map<String, String> read = new TreeMap<>();
        for (Map<String, String> row : csv(body)) {
            assertThat(row.get("DIRECTION")).isEqualTo("NET");
            read.put(row.get("TIME_PERIOD"), String.valueOf(Double.parseDouble(row.get("OBS_VALUE"))));
        }
        assertThat(read).isNotEmpty().isEqualTo(expected);
    }

    @Test
    void sdmxCsvWithLabelsBothHasCodeAndNameInEveryCodedField() {
        for (HttpResponse<String> response : List.of(
                get("/sdmx/2.1/data/MIGRATION_12_16/Q.N" + SPLIT + "?format=csvdata&labels=both", null, true),
                get(
                        "/sdmx/2.1/data/MIGRATION_12_16/Q.N" + SPLIT,
                        "application/vnd.sdmx.data+csv;version=2.0.0;labels=both",
                        true))) {
            String[] lines = response.body().split("\r\n");
            assertThat(lines[0]).startsWith("STRUCTURE,STRUCTURE_ID,ACTION,FREQ: Frequency,TRANSFORMATION: ");
            Map<String, String> first = csv(response.body()).get(0);
            assertThat(first.get("STRUCTURE_ID")).isEqualTo("BORDER_FLOWS:MIGRATION_12_16(1.0): migration-12-16");
            assertThat(first.get("FREQ: Frequency")).isEqualTo("Q: Quarterly");
            assertThat(first.get("TIME_PERIOD: Time period")).isEqualTo("2024-Q4");
            assertThat(first.values())
                    .contains("ENTRY: Arrivals", "TJK: Tajikistan", "_T: Total", "A: Normal value: final");
        }
    }

    @Test
    void updatedAfterKeepsOnlyTheObservationsChangedSince() {
        String all = get("/sdmx/2.1/data/MIGRATION_12_16/M.N" + SPLIT + "?format=csvdata", null, true)
                .body();
        String sinceLongAgo = get(
                        "/sdmx/2.1/data/MIGRATION_12_16/M.N" + SPLIT
                                + "?format=csvdata&updatedAfter=2000-01-01T00:00:00Z",
                        null,
                        true)
                .body();
        String sinceTomorrow = get(
                        "/sdmx/2.1/data/MIGRATION_12_16/M.N" + SPLIT + "?format=csvdata&updatedAfter="
                                + java.time.Instant.now().plusSeconds(86_400),
                        null,
                        true)
                .body();
        assertThat(sinceLongAgo).isEqualTo(all);
        assertThat(csv(all)).isNotEmpty();
        assertThat(csv(sinceTomorrow)).as("nothing changed after tomorrow").isEmpty();
        String offset = get(
                        "/sdmx/3.0/data/dataflow/BORDER_FLOWS/MIGRATION_12_16/1.0/M.N" + SPLIT.replace('+', ',')
                                + "?format=csvdata&updatedAfter=2000-01-01T06:00:00%2B06:00",
                        null,
                        true)
                .body();
        assertThat(offset).isEqualTo(all);
    }

    @Test
    void badFrequenciesAndInstantsAreRefusedNamingTheParameter() {
        assertStatus(
                "/sdmx/2.1/data/MIGRATION_12_16/Q.YE" + SPLIT,
                "\"parameter\":\"key\"",
                "a year-ended total is monthly");
        assertStatus(
                "/sdmx/2.1/data/MIGRATION_12_16_REVISIONS/Q..._T._T._T._T._T._T._T",
                "\"parameter\":\"key\"",
                "by crossing month only");
        assertStatus(
                "/sdmx/2.1/data/MIGRATION_12_16/W.N" + SPLIT,
                "\"parameter\":\"key\"",
                "unknown code 'W' for dimension FREQ");
        assertStatus(
                "/sdmx/2.1/data/MIGRATION_12_16?updatedAfter=yesterday",
                "\"parameter\":\"updatedAfter\"",
                "ISO 8601 date-time");
        assertStatus("/sdmx/2.1/data/MIGRATION_12_16?format=csvdata&labels=all", "\"parameter\":\"labels\"", "'all'");
        assertStatus(
                "/api/v1/datasets/stock?by=month&frequency=year-ended", "\"parameter\":\"frequency\"", "flow datasets");
    }

    @Test
    void aCsvDownloadOfTheQueryApiIsAnAttachmentNamedByDatasetAndFrequency() {
        HttpResponse<String> response =
                get("/api/v1/datasets/spells?by=month&frequency=quarter&format=csv", null, true);
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"spells-quarter.csv\"");
        assertThat(response.body()).isEqualTo("month,count,status\r\n2026-Q1,7,provisional\r\n");
        assertThat(get("/api/v1/datasets/spells?by=month", null, true).header("Content-Disposition"))
                .as("JSON is an answer, not a download")
                .isNull();
    }

    private void assertStatus(String uri, String... contents) {
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.GET(uri), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).as(uri).isEqualTo(400);
                    assertThat(e.getResponse().getBody(String.class).orElseThrow())
                            .as(uri)
                            .contains(contents);
                });
    }
}
