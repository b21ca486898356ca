package org.borderflows.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The dashboard and the alert rules of deploy/observability against the running services: every metric their PromQL
 * expressions read is on the {@code /prometheus} of the service they name ({@code job="..."}), or of one of the
 * three when they name none, once cards have gone through; so renaming a metric, or a dashboard query of a metric
 * that does not exist, fails here. And the project's own meters count what happened: the gateway's cards and the
 * query service's card-to-table freshness.
 *
 * <p>The Kafka metrics of a client appear when it creates them (per partition once assigned, per store once the
 * store is open), and Micrometer looks for new ones every minute: hence the patience.
 */
class ObservabilityIT {
    private static final Path DASHBOARD = ServiceProcess.REPO.resolve("deploy/observability/grafana-dashboard.json");
    private static final Path ALERTS = ServiceProcess.REPO.resolve("deploy/observability/prometheus-alerts.yml");
    /** Series Prometheus writes itself for every scraped target: not on any /prometheus. */
    private static final Set<String> WRITTEN_BY_PROMETHEUS = Set.of("up");

    private static final String HEADER = "event_id,card_number,direction,crossed_at,border_post,document_country,"
            + "document_number,birth_date,sex,citizenship,purpose,intended_stay_days,transport\n";
    /** Three valid cards (an entry and exit of one traveller, another's entry) and one with sex "Q" (rejected). */
    private static final String CARDS = HEADER
            + "obs-01,AA 0000001,ENTRY,2026-01-10T12:00:00+05:00,KZ-ALA-AIR,UZB,UZ1000001,1985-04-02,F,UZB,TOURISM,14,AIR\n"
            + "obs-02,AA 0000001,EXIT,2026-01-20T12:00:00+05:00,KZ-ALA-AIR,UZB,UZ1000001,1985-04-02,F,UZB,TOURISM,,AIR\n"
            + "obs-03,AA 0000002,ENTRY,2026-01-15T12:00:00+05:00,KZ-KOR-ROAD,TJK,TJ2000002,1992-07-11,M,TJK,WORK,180,ROAD\n"
            + "obs-04,AA 0000009,ENTRY,2026-02-02T12:00:00+05:00,KZ-ALA-AIR,DEU,C9000009,1980-03-03,Q,DEU,TOURISM,5,AIR\n";

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Duration METRICS_PATIENCE = Duration.ofSeconds(180);

    private static RunningSystem system;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startSystemAndSendCards() throws Exception {
        system = RunningSystem.start(PATIENCE);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(system.gateway().uri("/api/v1/crossings"))
                                .header("Content-Type", "text/csv")
                                .header("X-Api-Key", "dev-simulator-key")
                                .POST(HttpRequest.BodyPublishers.ofString(CARDS))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @AfterAll
    static void stopSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsQueryIsPublishedByTheServiceTheyName() throws Exception {
        Map<String, Set<String>> queried = new TreeMap<>();
        for (String expr : expressions()) {
            PromQl.selectors(expr).forEach((metric, jobs) -> queried.computeIfAbsent(metric, m -> new TreeSet<>())
                    .addAll(jobs));
        }
        WRITTEN_BY_PROMETHEUS.forEach(queried::remove);
        assertThat(queried).as("metrics queried").hasSizeGreaterThan(10);

        List<String> missing = missing(queried, scrapeAll());
        long deadline = System.nanoTime() + METRICS_PATIENCE.toNanos();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            missing = missing(queried, scrapeAll());
        }
        Map<String, Set<String>> published = scrapeAll();
        for (Map.Entry<String, Set<String>> service : published.entrySet()) {
            Path copy = Path.of("target/system-tests/" + service.getKey() + ".metrics.txt");
            Files.createDirectories(copy.getParent());
            Files.write(copy, service.getValue());
        }
        assertThat(missing(queried, published))
                .as(
                        "metrics of %s and %s missing on /prometheus (what each service publishes: "
                                + "target/system-tests/<service>.metrics.txt)",
                        DASHBOARD.getFileName(), ALERTS.getFileName())
                .isEmpty();
    }

    @Test
    void theGatewayCountsTheCardsAndTheQueryServiceTimesThemToTheTables() throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        double timed = 0;
        while (timed == 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            timed = value(scrape(system.query()), "border_flows_card_to_table_seconds_count", "");
        }
        assertThat(timed).as("table cells applied live and timed").isPositive();
        String query = scrape(system.query());
        assertThat(value(query, "border_flows_card_to_table_seconds_bucket", "le=\"+Inf\""))
                .as("the histogram's +Inf bucket holds every timed cell")
                .isEqualTo(value(query, "border_flows_card_to_table_seconds_count", ""));
        assertThat(value(query, "border_flows_card_to_table_seconds_max", ""))
                .as("the oldest age, s: cards sent moments ago")
                .isBetween(0.0, PATIENCE.toSeconds() * 2.0);

        String gateway = scrape(system.gateway());
        assertThat(value(gateway, "border_flows_cards_total", "outcome=\"accepted\""))
                .isEqualTo(3.0);
        assertThat(value(gateway, "border_flows_cards_total", "outcome=\"rejected\""))
                .isEqualTo(1.0);
        assertThat(value(gateway, "border_flows_batches_total", "status=\"200\""))
                .isEqualTo(1.0);
        assertThat(value(gateway, "border_flows_batches_total", "status=\"503\""))
                .isZero();
    }

    /** Every PromQL expression of the dashboard (targets' "expr", in any panel or row) and of the alert rules. */
    static List<String> expressions() throws IOException {
        List<String> out = new ArrayList<>();
        collectExpr(new ObjectMapper().readTree(DASHBOARD.toFile()), out);
        int dashboard = out.size();
        assertThat(dashboard).as("expressions in " + DASHBOARD).isGreaterThanOrEqualTo(10);
        try (InputStream in = Files.newInputStream(ALERTS)) {
            Map<String, Object> rules = new Yaml().load(in);
            for (Object group : (List<?>) rules.get("groups")) {
                for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                    out.add(String.valueOf(((Map<?, ?>) rule).get("expr")));
                }
            }
        }
        assertThat(out.size() - dashboard).as("expressions in " + ALERTS).isGreaterThanOrEqualTo(5);
        return out;
    }

    private static void collectExpr(JsonNode node, List<String> out) {
        if (node.isObject() && node.has("expr")) {
            out.add(node.get("expr").asText());
        }
        node.forEach(child -> collectExpr(child, out));
    }

    /** Each queried metric not published by the service its selector names, or by none when it names none. */
    private static List<String> missing(Map<String, Set<String>> queried, Map<String, Set<String>> published) {
        Set<String> anywhere = new TreeSet<>();
        published.values().forEach(anywhere::addAll);
        List<String> out = new ArrayList<>();
        queried.forEach((metric, jobs) -> {
            for (String job : jobs) {
                Set<String> where = job.isEmpty() ? anywhere : published.get(job);
                if (where == null || !where.contains(metric)) {
                    out.add(metric + (job.isEmpty() ? "" : " (job " + job + ")"));
                }
            }
        });
        return out;
    }

    /** Service name -> the names of the samples on its /prometheus. */
    private Map<String, Set<String>> scrapeAll() throws Exception {
        Map<String, Set<String>> out = new HashMap<>();
        for (Map.Entry<String, ServiceProcess> service : system.services().entrySet()) {
            Set<String> names = new TreeSet<>();
            scrape(service.getValue())
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .forEach(l -> names.add(l.substring(0, l.indexOf('{') > 0 ? l.indexOf('{') : l.indexOf(' '))));
            out.put(service.getKey(), names);
        }
        return out;
    }

    private String scrape(ServiceProcess service) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(service.uri("/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET /prometheus").isEqualTo(200);
        return response.body();
    }

    /** The sum of the samples of a metric whose labels contain {@code labels} (Prometheus text format). */
    private static double value(String scrape, String metric, String labels) {
        return scrape.lines()
                .filter(l -> l.startsWith(metric + "{") || l.startsWith(metric + " "))
                .filter(l -> l.contains(labels))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
