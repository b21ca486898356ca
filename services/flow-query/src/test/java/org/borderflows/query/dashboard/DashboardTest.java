package org.borderflows.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.borderflows.query.CubeLoader;
import org.borderflows.query.tables.Cube;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian package) over two years and a quarter of history
 * ({@link DashboardHistory}): every panel draws its figures on axes with ticks, every figure's tooltip names its status
 * (final, provisional, provisional estimate with its 95% interval, suppressed), the provisional 12/16 months are
 * marked, the year-ended panel has arrivals, departures and net with intervals, each panel's download links (CSV,
 * SDMX-CSV, SDMX-ML) answer the same question, and choosing a citizenship changes the figures. Screenshots go to
 * {@code target/dashboard-screenshots} (attached to the test report). The browser and the checks every dashboard test
 * makes are {@link DashboardPage}'s. Fails, never skips, when Chromium or chromedriver is missing.
 */
@MicronautTest(environments = "no-kafka")
class DashboardTest {
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final String STATISTICIAN = "statistician:statistician-dev-password";
    private static final NumberFormat THOUSANDS = NumberFormat.getIntegerInstance(Locale.UK);
    private static DashboardHistory history;

    @Inject
    EmbeddedServer server;

    @Inject
    Cube cube;

    private DashboardPage page;
    private WebDriver browser;
    private WebDriverWait wait;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        if (cube.size() == 0) {
            history = new DashboardHistory().load(new CubeLoader(cube));
        }
        page = DashboardPage.start(Duration.ofSeconds(30), SCREENSHOTS);
        browser = page.browser();
        wait = page.await();
    }

    @AfterEach
    void stop() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void thePublicSeesProtectedFiguresWithStatusesAndSuppressions() throws Exception {
        open();
        assertThat(text("protected-badge")).isEqualTo("protected (public)");
        assertThat(text("as-of")).isEqualTo("clock: 2026-03-31");
        everyPanelDrawsOnAxes();
        // 4 KGZ arrivals in all: suppressed for the public, shown as such (a hollow marker and its tooltip).
        assertThat(titles("#chart-citizenships")).contains("KGZ: suppressed (a count of 1-5, protected)");
        assertThat(statuses("#chart-citizenships")).contains("suppressed");
        screenshot("public");
    }

    @Test
    void aStatisticianSeesEstimatesIntervalsProvisionalMonthsAndDownloads() throws Exception {
        open();
        signInAsStatistician();
        // Thousands separators (Intl.NumberFormat) on exact totals.
        assertThat(history.arrivals).isGreaterThan(1000);
        wait.until(d -> text("total-arrivals").equals(THOUSANDS.format(history.arrivals)));
        assertThat(text("total-arrivals")).contains(",");
        assertThat(text("total-departures")).isEqualTo(THOUSANDS.format(history.departures));
        everyPanelDrawsOnAxes();

        // Crossings: the clock's month is not over, so its figures are provisional and its column hatched.
        assertThat(provisionalMonths("chart-flows")).containsExactly("2026-03");
        assertThat(titles("#chart-flows .marker"))
                .contains("arrivals, Mar 2026: " + figure("crossings", "by=month,direction", "2026-03", "ENTRY")
                        + " (provisional: the month is not over)")
                .anyMatch(t -> t.startsWith("arrivals, Jan 2024: ") && t.endsWith(" (final)"));

        // 12/16: estimate months are those the API calls estimates; each says its interval and final count so far.
        JsonNode migration = api("migration-12-16", "by=month,direction");
        Set<String> estimateMonths = new TreeSet<>();
        List<String> expectedTitles = new ArrayList<>();
        for (JsonNode row : migration.get("rows")) {
            String name = row.get("direction").asText().equals("ENTRY") ? "arrivals" : "departures";
            if (row.get("status").asText().equals("estimate")) {
                estimateMonths.add(row.get("month").asText());
                expectedTitles.add(
                        name + ", estimate, " + monthLabel(row.get("month").asText()) + ": "
                                + number(row.get("estimate")) + " (provisional estimate, 95% interval "
                                + number(row.get("lower")) + " to " + number(row.get("upper")) + "; final so far "
                                + number(row.get("finalCount")) + ")");
            }
        }
        assertThat(estimateMonths).contains("2025-06", "2026-03").doesNotContain("2024-01", "2024-06");
        assertThat(provisionalMonths("chart-migration")).isEqualTo(estimateMonths);
        assertThat(titles("#chart-migration .marker")).containsAll(expectedTitles);
        assertThat(titles("#chart-migration .marker")).anyMatch(t -> t.endsWith(" (final)"));
        assertThat(browser.findElements(By.cssSelector("#chart-migration polygon.band")))
                .isNotEmpty();
        assertThat(legend("chart-migration")).contains("provisional", "95% interval", "arrivals, final");

        // Year-ended: arrivals, departures and net, each with its interval; the net tooltip is the API's NET row.
        assertThat(dataSeries("#chart-year-ended polygon.band"))
                .containsExactlyInAnyOrder("arrivals", "departures", "net");
        JsonNode net =
                row(api("migration-12-16", "by=month,direction&frequency=year-ended"), "2026-03", "direction", "NET");
        assertThat(titles("#chart-year-ended .marker"))
                .contains("net, year ended Mar 2026: " + number(net.get("estimate"))
                        + " (provisional estimate, 95% interval " + number(net.get("lower")) + " to "
                        + number(net.get("upper")) + "; final so far " + number(net.get("finalCount")) + ")");

        // Stock and overstays carry the API's figures.
        assertThat(titles("#chart-stock .marker"))
                .contains("non-residents, Feb 2026: " + figure("stock", "by=month", "2026-02", null) + " (final)");
        assertThat(legend("chart-overstays")).contains("at exit", "in country");
        assertThat(statuses("#chart-overstays")).contains("final");

        downloadsAnswerTheSameQuestion();

        new Select(browser.findElement(By.id("filter-citizenship"))).selectByValue("UZB");
        wait.until(d -> text("total-arrivals").equals(THOUSANDS.format(history.uzbArrivals)));
        assertThat(text("total-departures")).isEqualTo(THOUSANDS.format(history.uzbDepartures));
        assertThat(browser.findElements(By.cssSelector("#chart-citizenships rect.bar")))
                .hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#panel-stock a.download"))
                        .getAttribute("href"))
                .contains("citizenship=UZB");
        screenshot("statistician-uzb");
    }

    private void open() {
        page.open(server.getURL().toString());
    }

    private void signInAsStatistician() {
        page.signIn("statistician", "statistician-dev-password");
        screenshot("statistician");
    }

    /** The checks of every dashboard test ({@link DashboardPage}); the fixture's months include January 2025. */
    private void everyPanelDrawsOnAxes() {
        page.everyPanelDrawsOnAxes();
        for (String chart : DashboardPage.MONTH_CHARTS) {
            assertThat(texts("#chart-" + chart + " .x-axis text.tick"))
                    .as(chart + " month labels")
                    .contains("Jan 2025");
        }
    }

    /** Each panel links CSV (the JSON API's question), SDMX-CSV and SDMX-ML; each answers 200 with its type. */
    private void downloadsAnswerTheSameQuestion() throws Exception {
        for (String panel : DashboardPage.PANELS) {
            List<WebElement> links = browser.findElements(By.cssSelector("#panel-" + panel + " a.download"));
            assertThat(links)
                    .as(panel + " downloads")
                    .extracting(WebElement::getText)
                    .containsExactly("CSV", "SDMX-CSV", "SDMX-ML");
            for (WebElement link : links) {
                String href = link.getAttribute("href");
                HttpResponse<String> answer = get(href, STATISTICIAN);
                assertThat(answer.statusCode()).as(href).isEqualTo(200);
                assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                        .as(href)
                        .startsWith(link.getAttribute("data-type"));
                assertThat(answer.headers().firstValue("Content-Disposition").orElse(""))
                        .as(href)
                        .startsWith("attachment");
                assertThat(answer.body()).as(href).isNotBlank();
            }
        }
        // The 12/16 CSV holds the JSON rows; its SDMX-CSV the same observations and estimates.
        String csv = get(href("migration", "CSV"), STATISTICIAN).body();
        JsonNode rows = api("migration-12-16", "by=month,direction").get("rows");
        assertThat(csv.split("\r\n")).hasSize(rows.size() + 1);
        assertThat(csv.split("\r\n")[0]).isEqualTo("month,direction,finalCount,estimate,lower,upper,status");
        String sdmxCsv = get(href("migration", "SDMX-CSV"), STATISTICIAN).body();
        assertThat(sdmxCsv.strip().split("\r?\n")).hasSize(rows.size() + 1);
        assertThat(href("year-ended", "SDMX-CSV")).contains("/M.YE._T..");
        assertThat(get(href("year-ended", "SDMX-CSV"), STATISTICIAN).body()).contains(",NET,");
    }

    private String href(String panel, String label) {
        return browser.findElements(By.cssSelector("#panel-" + panel + " a.download")).stream()
                .filter(a -> a.getText().equals(label))
                .findFirst()
                .orElseThrow()
                .getAttribute("href");
    }

    private HttpResponse<String> get(String url, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode api(String dataset, String query) throws Exception {
        HttpResponse<String> answer = get(server.getURL() + "/api/v1/datasets/" + dataset + "?" + query, STATISTICIAN);
        assertThat(answer.statusCode()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private static JsonNode row(JsonNode table, String month, String dimension, String value) {
        for (JsonNode row : table.get("rows")) {
            if (row.get("month").asText().equals(month)
                    && (dimension == null || row.get(dimension).asText().equals(value))) {
                return row;
            }
        }
        throw new AssertionError("no row " + month + " " + dimension + "=" + value + " in " + table);
    }

    private String figure(String dataset, String query, String month, String direction) throws Exception {
        return number(row(api(dataset, query), month, direction == null ? null : "direction", direction)
                .get("count"));
    }

    /** As the dashboard writes a figure: rounded, with thousands separators. */
    private static String number(JsonNode value) {
        return THOUSANDS.format(Math.round(value.asDouble()));
    }

    private static String monthLabel(String month) {
        java.time.YearMonth m = java.time.YearMonth.parse(month);
        return m.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.UK) + " " + m.getYear();
    }

    private String text(String id) {
        return page.text(id);
    }

    private List<String> titles(String selector) {
        return page.titles(selector);
    }

    private List<String> texts(String selector) {
        return page.texts(selector);
    }

    private List<String> attributes(String selector, String attribute) {
        return page.attributes(selector, attribute);
    }

    private List<String> statuses(String selector) {
        return attributes(selector + " [data-status]", "data-status");
    }

    private List<String> dataSeries(String selector) {
        return attributes(selector, "data-series").stream().distinct().toList();
    }

    private Set<String> provisionalMonths(String chart) {
        return new TreeSet<>(attributes("#" + chart + " rect.provisional-month", "data-month"));
    }

    private List<String> legend(String chart) {
        return texts("#" + chart + " .legend text");
    }

    private void screenshot(String name) {
        page.screenshot(name);
    }
}
