package org.borderflows.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.borderflows.query.tables.Cube;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An independent SDMX 2.1 client, the R package rsdmx ({@code src/test/resources/sdmx/rsdmx-read.R}, run with
 * Rscript), reads the 12/16 DSD and data from the running service and gets the JSON API's figures, public and
 * signed in.
 */
@MicronautTest(environments = "no-kafka")
class RsdmxClientTest {
    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Cube cube;

    @BeforeEach
    void load() {
        SdmxExample.load(cube);
    }

    @Test
    void rsdmxReadsTheStructureAndThePublicFiguresOfTheJsonApi() throws Exception {
        List<String> output = rsdmx(server.getURL().toString(), SdmxApiTest.KEY);

        assertThat(output)
                .contains(
                        "DIMENSIONS: FREQ,TRANSFORMATION,BORDER_POST,DIRECTION,RESIDENCE_STATUS,CITIZENSHIP,SEX,AGE_GROUP,PURPOSE ",
                        "TIME: TIME_PERIOD ",
                        "MEASURE: OBS_VALUE ");
        assertThat(output).anyMatch(line -> line.startsWith("CITIZENSHIP: TJK,UZB,_T"));
        assertThat(figures(output)).isEqualTo(jsonApi(false));
    }

    @Test
    void rsdmxSignedInAsStatisticianGetsTheExactFiguresOfTheJsonApi() throws Exception {
        List<String> output =
                rsdmx(server.getURL().toString(), SdmxApiTest.KEY, "statistician:statistician-dev-password");

        assertThat(figures(output)).isEqualTo(jsonApi(true));
    }

    /** Quarterly figures (FREQ Q, periods 2024-Q4 ...) read by rsdmx are the JSON API's at frequency=quarter. */
    @Test
    void rsdmxReadsQuarterlyFiguresAndStatusesOfTheJsonApi() throws Exception {
        List<String> output = rsdmx(
                server.getURL().toString(),
                SdmxApiTest.KEY.replaceFirst("^M\\.", "Q."),
                "statistician:statistician-dev-password");

        Map<String, List<String>> read = figures(output);
        assertThat(read).isEqualTo(jsonApi(SdmxApiTest.JSON_QUESTION + "&frequency=quarter", true));
        assertThat(read.get("2024-Q4|ENTRY|TJK")).containsExactly("9.0", "9.0", "9.0", "9.0", "F", "final");
    }

    /**
     * The observations rsdmx read: period|direction|citizenship to estimate, finalCount, lower, upper, C or F, and
     * the status as the JSON API names it (suppressed, or OBS_STATUS A final, P provisional, E estimate).
     */
    private static Map<String, List<String>> figures(List<String> output) {
        int data = output.indexOf("DATA");
        assertThat(data).isPositive();
        List<String> header = csv(output.get(data + 1));
        Map<String, List<String>> read = new TreeMap<>();
        for (String line : output.subList(data + 2, output.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            List<String> fields = csv(line);
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), fields.get(i));
            }
            read.put(
                    row.get("TIME_PERIOD") + "|" + row.get("DIRECTION") + "|" + row.get("CITIZENSHIP"),
                    List.of(
                            number(row.get("OBS_VALUE")),
                            number(row.get("FINAL_COUNT")),
                            number(row.get("LOWER")),
                            number(row.get("UPPER")),
                            row.get("CONF_STATUS"),
                            row.get("CONF_STATUS").equals("C")
                                    ? "suppressed"
                                    : Map.of("A", "final", "P", "provisional", "E", "estimate")
                                            .get(row.get("OBS_STATUS"))));
        }
        return read;
    }

    private Map<String, List<String>> jsonApi(boolean statistician) throws IOException {
        return jsonApi(SdmxApiTest.JSON_QUESTION, statistician);
    }

    /** The JSON API's figures for the same question and role: estimate, finalCount, lower, upper, C or F, status. */
    private Map<String, List<String>> jsonApi(String question, boolean statistician) throws IOException {
        HttpRequest<?> request = statistician
                ? HttpRequest.GET(question).basicAuth("statistician", "statistician-dev-password")
                : HttpRequest.GET(question);
        JsonNode table = new ObjectMapper().readTree(http.toBlocking().retrieve(request));
        assertThat(table.get("protected").asBoolean()).isEqualTo(!statistician);
        Map<String, List<String>> rows = new TreeMap<>();
        for (JsonNode row : table.get("rows")) {
            List<String> figures = new ArrayList<>();
            for (String measure : List.of("estimate", "finalCount", "lower", "upper")) {
                figures.add(
                        row.get(measure).isNull()
                                ? "NA"
                                : number(row.get(measure).asText()));
            }
            figures.add(row.get("estimate").isNull() ? "C" : "F");
            figures.add(row.get("status").asText());
            rows.put(
                    row.get("month").asText() + "|" + row.get("direction").asText() + "|"
                            + row.get("citizenship").asText(),
                    figures);
        }
        assertThat(rows).isNotEmpty();
        return rows;
    }

    private static String number(String v) {
        return v == null || v.isEmpty() || v.equals("NA") || v.equals("NaN")
                ? "NA"
                : String.valueOf(Double.parseDouble(v));
    }

    private static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        for (String field : line.split(",", -1)) {
            out.add(field.replace("\"", ""));
        }
        return out;
    }

    private static List<String> rsdmx(String base, String key, String... credentials)
            throws IOException, InterruptedException {
        Path script = Path.of("src/test/resources/sdmx/rsdmx-read.R").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("Rscript", script.toString(), base, key));
        command.addAll(List.of(credentials));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(
                    "Rscript is missing: install R and rsdmx (Debian: apt-get install -y r-cran-rsdmx) to run this"
                            + " independent-client test",
                    e);
        }
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("Rscript output:%n%s", text).isZero();
        return text.lines().toList();
    }
}
