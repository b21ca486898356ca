package org.borderflows.simulator.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.borderflows.simulator.truth.DatasetFacts;
import org.borderflows.simulator.truth.Dim;
import org.borderflows.simulator.truth.Fact;

/**
 * Compares the query service's datasets (RULES.md §9, JSON shape of services/flow-query/README.md) with the
 * expected values of the ground truth: per month (and one more dimension where the service offers it), the
 * service's figure beside the value expected from the delivered records and from the real itineraries.
 */
public final class DatasetComparison {
    /** The extra dimension each dataset is compared by, with the spellings tried. */
    private static final Map<String, List<String>> BY = new LinkedHashMap<>();

    static {
        BY.put("crossings", List.of("direction"));
        BY.put("spells", List.of("durationClass", "duration_class", "kind"));
        BY.put("migration-12-16", List.of("direction"));
        BY.put("stock", List.of());
        BY.put("labour", List.of("flow"));
        BY.put("overstays", List.of("type"));
        BY.put("overstay-rates", List.of("citizenship"));
        BY.put("border-workers", List.of("citizenship"));
        BY.put("quality", List.of("issue"));
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;
    private final String auth;

    public DatasetComparison(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.auth =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a truth datasets directory (datasets/ or datasets-delivered/) back into facts. */
    public static List<Fact> readFacts(Path dir) throws IOException {
        List<Fact> facts = new ArrayList<>();
        for (String dataset : DatasetFacts.DATASETS) {
            Path file = dir.resolve(dataset + ".csv");
            if (!Files.exists(file)) {
                continue;
            }
            try (BufferedReader in = Files.newBufferedReader(file)) {
                String[] header = in.readLine().split(",", -1);
                for (String line; (line = in.readLine()) != null; ) {
                    String[] v = line.split(",", -1);
                    EnumMap<Dim, String> dims = new EnumMap<>(Dim.class);
                    for (int i = 0; i < header.length - 2; i++) {
                        if (!v[i].isEmpty()) {
                            dims.put(Dim.valueOf(header[i].toUpperCase(java.util.Locale.ROOT)), v[i]);
                        }
                    }
                    facts.add(new Fact(dataset, v[v.length - 2], dims, Double.parseDouble(v[v.length - 1])));
                }
            }
        }
        return facts;
    }

    /** A dataset as the service returned it. */
    record Table(String asOf, List<String> by, List<JsonNode> rows) {}

    Table query(String dataset, YearMonth from, YearMonth to, List<String> by)
            throws IOException, InterruptedException {
        String url = baseUrl + "/api/v1/datasets/" + dataset + "?from=" + from + "&to=" + to + "&by="
                + URLEncoder.encode(String.join(",", by), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", auth)
                        .header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return null;
        }
        JsonNode root = json.readTree(r.body());
        List<JsonNode> rows = new ArrayList<>();
        root.path("rows").forEach(rows::add);
        return new Table(root.path("asOf").asText(), by, rows);
    }

    /** Prints every dataset's comparison; returns the largest relative difference against delivered truth. */
    public double report(
            List<Fact> real, List<Fact> delivered, YearMonth from, YearMonth to, int[] lags, PrintStream out)
            throws IOException, InterruptedException {
        double worst = 0;
        for (Map.Entry<String, List<String>> e : BY.entrySet()) {
            String dataset = e.getKey();
            Table table = null;
            String dimName = null;
            for (String candidate : e.getValue()) {
                table = query(dataset, from, to, List.of("month", candidate));
                if (table != null) {
                    dimName = candidate;
                    break;
                }
            }
            if (table == null) {
                table = query(dataset, from, to, List.of("month"));
            }
            if (table == null) {
                out.printf("%n%s: not available from the query service%n", dataset);
                continue;
            }
            String measure =
                    switch (dataset) {
                        case "migration-12-16" -> "finalCount";
                        case "overstay-rates" -> "expectedDepartures";
                        case "border-workers" -> "workers";
                        default -> "count";
                    };
            List<Dim> dims = new ArrayList<>(List.of(Dim.MONTH));
            if (dimName != null && Dim.of(dimName) != null) {
                dims.add(Dim.of(dimName));
            }
            Map<List<String>, Double> service = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
            for (JsonNode row : table.rows()) {
                List<String> key = new ArrayList<>();
                key.add(row.path("month").asText());
                if (dims.size() > 1) {
                    key.add(row.path(dimName).asText());
                }
                service.merge(key, row.path(measure).asDouble(), Double::sum);
            }
            Map<List<String>, Double> exp =
                    DatasetFacts.aggregate(delivered, dataset, measure, dims, Map.of(), from, to);
            Map<List<String>, Double> act = DatasetFacts.aggregate(real, dataset, measure, dims, Map.of(), from, to);
            TreeSet<List<String>> keys = new TreeSet<>(java.util.Comparator.comparing(Object::toString));
            keys.addAll(service.keySet());
            keys.addAll(exp.keySet());
            double sumService = 0;
            double sumExp = 0;
            double sumAbs = 0;
            out.printf("%n%s (%s by %s, asOf %s)%n", dataset, measure, dims, table.asOf());
            out.printf("  %-32s %10s %10s %10s %8s%n", "cell", "service", "expected", "real", "diff");
            for (List<String> k : keys) {
                double s = service.getOrDefault(k, 0.0);
                double x = exp.getOrDefault(k, 0.0);
                double a = act.getOrDefault(k, 0.0);
                sumService += s;
                sumExp += x;
                sumAbs += Math.abs(s - x);
                out.printf("  %-32s %10.0f %10.0f %10.0f %+8.0f%n", String.join(" ", k), s, x, a, s - x);
            }
            double rel = sumExp == 0 ? (sumService == 0 ? 0 : 1) : sumAbs / sumExp;
            worst = Math.max(worst, rel);
            out.printf(
                    "  total service %.0f, expected (delivered) %.0f; sum of |differences| %.0f = %.3f%% of expected%n",
                    sumService, sumExp, sumAbs, 100 * rel);
            if (dataset.equals("migration-12-16")) {
                estimateErrors(real, from, to, lags, table.asOf(), out);
            }
        }
        return worst;
    }

    /** Provisional estimates of recent months against the eventual count the simulator knows (RULES.md §6). */
    private void estimateErrors(List<Fact> real, YearMonth from, YearMonth to, int[] lags, String asOf, PrintStream out)
            throws IOException, InterruptedException {
        Table t = query("migration-12-16", from, to, List.of("month"));
        if (t == null || asOf == null || asOf.length() < 7) {
            return;
        }
        YearMonth clock = YearMonth.parse(asOf.substring(0, 7));
        Map<List<String>, Double> eventual = DatasetFacts.aggregate(
                real, "migration-12-16", "eventualCount", List.of(Dim.MONTH), Map.of(), from, to);
        Map<String, JsonNode> byMonth = new LinkedHashMap<>();
        for (Iterator<JsonNode> it = t.rows().iterator(); it.hasNext(); ) {
            JsonNode row = it.next();
            byMonth.put(row.path("month").asText(), row);
        }
        out.println("  provisional estimate against the eventual long-term migrations (known to the simulator):");
        out.printf(
                "  %5s %8s %8s %10s %10s %10s %9s %8s%n",
                "lag", "month", "final", "estimate", "interval", "eventual", "error", "covered");
        for (int lag : lags) {
            YearMonth m = clock.minusMonths(lag);
            JsonNode row = byMonth.get(m.toString());
            double ev = eventual.getOrDefault(List.of(m.toString()), 0.0);
            if (row == null || ChronoUnit.MONTHS.between(from, m) < 0) {
                continue;
            }
            double est = row.path("estimate").asDouble(row.path("finalCount").asDouble());
            double lo = row.path("lower").asDouble(est);
            double hi = row.path("upper").asDouble(est);
            out.printf(
                    "  %5d %8s %8.0f %10.1f %4.0f-%-5.0f %10.0f %+8.1f%% %8s%n",
                    lag,
                    m,
                    row.path("finalCount").asDouble(),
                    est,
                    lo,
                    hi,
                    ev,
                    ev == 0 ? 0 : 100 * (est - ev) / ev,
                    ev >= lo && ev <= hi ? "yes" : "no");
        }
    }
}
