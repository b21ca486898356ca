package org.borderflows.benchmarks.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.borderflows.platform.config.DeploymentConfiguration;
import org.borderflows.platform.config.KafkaConfiguration;
import org.borderflows.simulator.gen.Card;
import org.borderflows.simulator.gen.FaultRates;
import org.borderflows.simulator.gen.Simulation;
import org.borderflows.simulator.out.CardSink;
import org.borderflows.simulator.out.GatewaySink;
import org.borderflows.simulator.out.KafkaSink;
import org.borderflows.simulator.out.Pacer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Freshness benchmark: publishes fault-free simulated cards at a fixed rate (Kafka inbound topic by default) and
 * polls a dataset of the query service. Every {@code --checkpoint} cards a checkpoint records the time and what
 * the dataset must then hold; a checkpoint's latency is the time until the dataset first shows at least that, i.e.
 * until that card and every card before it have their effect. Prints p50/p90/p99/max. A fresh random seed by
 * default, so no card repeats an event_id the system has already seen.
 *
 * <p>{@code --dataset crossings} (the default) counts every accepted card; the aggregator reads it from the intake's
 * topic, so it does not measure the stay engine. {@code --dataset spells} counts the stays and absences started in
 * the month, which only the engine writes: the cards' travellers are new to the system (a fresh seed), so each
 * starts from its citizenship (RULES.md §3) and a foreigner's entry or a national's exit starts one spell; other
 * cards close one or, with no crossing before them in the month, start none.
 */
@Command(
        name = "freshness",
        mixinStandardHelpOptions = true,
        description = "Card publication to dataset effect latency.")
public final class Freshness implements Callable<Integer> {
    @Option(names = "--cards", description = "Cards to publish (default ${DEFAULT-VALUE}).")
    long cards = 20_000;

    @Option(names = "--rate", description = "Cards per second (default ${DEFAULT-VALUE}).")
    double rate = 2_000;

    @Option(names = "--gateway", description = "Publish through the gateway at this URL instead of Kafka.")
    String gateway;

    @Option(names = "--query", description = "Query service (default ${DEFAULT-VALUE}).")
    String query = "http://localhost:8080";

    @Option(names = "--user")
    String user = "statistician";

    @Option(names = "--password")
    String password = "statistician-dev-password";

    @Option(
            names = "--month",
            description = "Month of the simulated crossings (default: the month after the "
                    + "dataset's asOf, so the cards are the newest the engine has seen and never late).")
    YearMonth month;

    private YearMonth from;
    private YearMonth to;

    @Option(names = "--seed", description = "Seed (default: random).")
    Long seed;

    @Option(
            names = "--dataset",
            description = "crossings (every card, read from the intake's topic) or spells (written by the stay engine)"
                    + " (default ${DEFAULT-VALUE}).")
    String dataset = "crossings";

    @Option(names = "--checkpoint", description = "Cards between checkpoints (default ${DEFAULT-VALUE}).")
    int checkpoint = 500;

    @Option(names = "--poll-ms", description = "Query polling interval (default ${DEFAULT-VALUE}).")
    long pollMs = 100;

    @Option(
            names = "--timeout-s",
            description = "Wait for the last checkpoint at most this long (default ${DEFAULT-VALUE}).")
    long timeoutSeconds = 180;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    public static void main(String[] args) {
        System.exit(new CommandLine(new Freshness()).execute(args));
    }

    record Checkpoint(long sentNanos, long expected) {}

    @Override
    public Integer call() throws Exception {
        long s = seed != null ? seed : System.nanoTime();
        ZoneId zone = DeploymentConfiguration.fromEnvironment().zone();
        from = month != null ? month : nextMonthAfterClock(zone);
        to = from;
        Simulation.World world = Simulation.run(new Simulation.Settings(from, to, 0, cards, s, FaultRates.NONE, zone));
        if (!dataset.equals("crossings") && !dataset.equals("spells")) {
            System.err.println("--dataset must be crossings or spells, got '" + dataset + "'");
            return 2;
        }
        String reportingCountry =
                DeploymentConfiguration.fromEnvironment().deployment().reportingCountry();
        long base = count();
        if (base < 0) {
            System.err.println("the query service at " + query + " does not answer the " + dataset + " dataset");
            return 2;
        }
        System.err.printf(
                "seed %d, %,d cards, %s holds %,d before the run%n",
                s, world.cards().size(), dataset, base);
        ConcurrentLinkedQueue<Checkpoint> pending = new ConcurrentLinkedQueue<>();
        long expected = base;
        List<Double> latencies = new ArrayList<>();
        Thread poller = new Thread(() -> poll(pending, latencies, base), "freshness-poller");
        poller.setDaemon(true);
        poller.start();
        try (CardSink sink = gateway != null
                ? new GatewaySink(gateway, "dev-simulator-key", Math.max(1, checkpoint / 5), false)
                : new KafkaSink(KafkaConfiguration.fromEnvironment().settings())) {
            Pacer pacer = new Pacer(rate, world.cards().size(), "publishing");
            long sent = 0;
            for (Card c : world.cards()) {
                pacer.beforeSend();
                sink.send(c);
                sent++;
                expected += dataset.equals("crossings") || startsSpell(c, reportingCountry) ? 1 : 0;
                if (sent % checkpoint == 0) {
                    pending.add(new Checkpoint(System.nanoTime(), expected));
                }
            }
            pacer.done();
        }
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        poller.interrupt();
        poller.join(2_000);
        System.err.printf("%s holds %,d after the run, %,d expected%n", dataset, count(), expected);
        double[] v;
        synchronized (latencies) {
            v = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }
        if (v.length == 0) {
            System.out.println("freshness: no checkpoint reached the dataset within " + timeoutSeconds + " s");
            return 1;
        }
        System.out.printf(
                "freshness at %.0f cards/s over %,d cards: p50 %.2f s, p90 %.2f s, p99 %.2f s, max %.2f s "
                        + "(%d checkpoints, %d not reached)%n",
                rate,
                world.cards().size(),
                pct(v, 50),
                pct(v, 90),
                pct(v, 99),
                v[v.length - 1],
                v.length,
                pending.size());
        return pending.isEmpty() ? 0 : 1;
    }

    private void poll(ConcurrentLinkedQueue<Checkpoint> pending, List<Double> latencies, long base) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                long n = count();
                long now = System.nanoTime();
                Checkpoint head;
                while ((head = pending.peek()) != null && n >= head.expected()) {
                    pending.poll();
                    synchronized (latencies) {
                        latencies.add((now - head.sentNanos()) / 1e9);
                    }
                }
                Thread.sleep(pollMs);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                System.err.println("poll failed: " + e.getMessage());
            }
        }
    }

    /**
     * The month after the processing clock: cards there advance the engine's stream time, so none is late. Not
     * later than last month of the wall clock, because the gateway and intake reject crossings in the future.
     */
    YearMonth nextMonthAfterClock(ZoneId zone) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(query + "/api/v1/datasets/crossings"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        YearMonth latest = YearMonth.now(zone).minusMonths(1);
        String asOf =
                r.statusCode() == 200 ? json.readTree(r.body()).path("asOf").asText("") : "";
        if (asOf.length() < 7) {
            return latest;
        }
        YearMonth next = YearMonth.parse(asOf.substring(0, 7)).plusMonths(1);
        return next.isAfter(latest) ? latest : next;
    }

    /** A foreigner's entry or a national's exit: the start of a spell for a traveller new to the system. */
    static boolean startsSpell(Card c, String reportingCountry) {
        boolean national = reportingCountry.equals(c.citizenship());
        return c.direction().equals(national ? "EXIT" : "ENTRY");
    }

    /** Total of the dataset over the period, or -1 when the service does not answer. */
    long count() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(
                                URI.create(query + "/api/v1/datasets/" + dataset + "?from=" + from + "&to=" + to))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return -1;
        }
        long total = 0;
        for (JsonNode row : json.readTree(r.body()).path("rows")) {
            total += row.path("count").asLong();
        }
        return total;
    }

    static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String describe(double[] v) {
        return Arrays.toString(v);
    }
}
