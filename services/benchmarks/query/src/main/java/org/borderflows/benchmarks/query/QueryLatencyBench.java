package org.borderflows.benchmarks.query;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.borderflows.query.api.QueryService;
import org.borderflows.query.tables.Cell;
import org.borderflows.query.tables.Cube;
import org.borderflows.query.topology.Cells;
import org.borderflows.schema.TableCell;

/**
 * Query latency under dashboard-style polling: starts the service on loopback (Kafka off) over a synthetic cube
 * of N travellers, keeps changing cells in the background (as the live aggregator does), and runs C clients
 * that poll a mix of dataset questions (public and statistician, JSON and CSV) until S seconds or R requests.
 * Prints p50/p90/p99/max latency and throughput.
 *
 * <p>Two client models. Closed loop ({@code pollMs} 0, the default): each client sends its next request as soon as
 * the previous answer arrives, so the service is saturated and latency is mostly queueing (mean latency = clients /
 * throughput): this measures capacity. Polling ({@code pollMs} &gt; 0): each client asks one question every
 * {@code pollMs} (fixed rate, the first at a random offset), as dashboards and pollers do; a request's latency is
 * counted from the time it was due, so a late send (the client waiting for a slow answer) counts against the service
 * rather than being hidden. Each client is a blocking HTTP/1.1 client on a kept-alive connection, and polls for a
 * second before anything is recorded.
 *
 * <p>Usage: {@code QueryLatencyBench <travellers> <clients> <seconds> <maxRequests> [cellUpdatesPerSecond]
 * [pollMs]}
 */
public final class QueryLatencyBench {
    private static final long WARM_UP_NANOS = 1_000_000_000L;

    private QueryLatencyBench() {}

    public static void main(String[] args) throws Exception {
        long travellers = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        long maxRequests = args.length > 3 ? Long.parseLong(args[3]) : 200_000;
        int updatesPerSecond = args.length > 4 ? Integer.parseInt(args[4]) : 2_000;
        long pollNanos = (args.length > 5 ? Long.parseLong(args[5]) : 0) * 1_000_000L;

        try (ApplicationContext context = ApplicationContext.run(
                Map.of("flow-query.kafka.enabled", false, "micronaut.server.port", -1), "bench")) {
            Cube cube = context.getBean(Cube.class);
            long start = System.nanoTime();
            long crossings = SyntheticCube.fill(cube, travellers, 42);
            System.out.printf(
                    Locale.ROOT,
                    "cube: %d travellers, %d crossings, %d cells (filled in %.1fs)%n",
                    travellers,
                    crossings,
                    cube.size(),
                    (System.nanoTime() - start) / 1e9);
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            String base = "http://127.0.0.1:" + server.getPort();
            List<String> questions = questions();
            Thread updater = updater(cube, updatesPerSecond);
            updater.start();

            String auth = "Basic "
                    + Base64.getEncoder()
                            .encodeToString("statistician:statistician-dev-password".getBytes(StandardCharsets.UTF_8));
            // Warm-up: every question once, public and exact, as a dashboard's first load does (the first asking
            // of a question builds its rollup from the cells).
            long warm = System.nanoTime();
            HttpClient warmClient = HttpClient.newHttpClient();
            for (String q : questions) {
                warmClient.send(
                        HttpRequest.newBuilder(URI.create(base + q)).build(), HttpResponse.BodyHandlers.discarding());
                warmClient.send(
                        HttpRequest.newBuilder(URI.create(base + q))
                                .header("Authorization", auth)
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            System.out.printf(
                    Locale.ROOT,
                    "warm-up: %d questions asked once, public and exact, in %.1fs (first asking builds rollups)%n",
                    questions.size(),
                    (System.nanoTime() - warm) / 1e9);
            QueryService service = context.getBean(QueryService.class);
            long waitedBefore = service.waitedAnswers();
            AtomicLong issued = new AtomicLong();
            // The clients poll for a second before anything is recorded: 50 threads opening their connections at
            // once (and the JIT compiling the client path) made ~200 requests of the first 600 ms take 50-220 ms,
            // which alone set the p99 of a 20 s run.
            long pollingFrom = System.nanoTime();
            long began = pollingFrom + WARM_UP_NANOS;
            long deadline = began + seconds * 1_000_000_000L;
            List<long[]> latencies = new ArrayList<>();
            long[] counts = new long[clients];
            long[] errors = new long[clients];
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                long[] mine = new long[(int) Math.min(maxRequests, 2_000_000)];
                latencies.add(mine);
                int client = c;
                Thread t = new Thread(() -> {
                    SplittableRandom random = new SplittableRandom(client);
                    long due = pollingFrom + (pollNanos > 0 ? random.nextLong(pollNanos) : 0);
                    while (System.nanoTime() < deadline) {
                        if (pollNanos > 0) {
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                        }
                        String q = questions.get(random.nextInt(questions.size()));
                        long t0 = pollNanos > 0 ? due : System.nanoTime();
                        due += pollNanos;
                        boolean recorded = t0 >= began;
                        if (recorded && issued.incrementAndGet() > maxRequests) {
                            break;
                        }
                        try {
                            if (get(base + q, client % 3 == 0 ? auth : null) != 200) {
                                errors[client]++;
                            }
                        } catch (Exception e) {
                            errors[client]++;
                        }
                        if (!recorded) {
                            continue;
                        }
                        if (counts[client] < mine.length) {
                            mine[(int) counts[client]] = System.nanoTime() - t0;
                        }
                        counts[client]++;
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            double elapsed = (System.nanoTime() - began) / 1e9;
            updater.interrupt();
            long total = Arrays.stream(counts).sum();
            long[] all = new long[(int) Math.min(total, Integer.MAX_VALUE)];
            int n = 0;
            for (int c = 0; c < clients; c++) {
                int k = (int) Math.min(counts[c], latencies.get(c).length);
                System.arraycopy(latencies.get(c), 0, all, n, k);
                n += k;
            }
            long[] sorted = Arrays.copyOf(all, n);
            Arrays.sort(sorted);
            // Every third client signs in (Basic auth, exact figures); the others ask anonymously (protected).
            long[][] byKind = {new long[n], new long[n]};
            int[] kindCount = new int[2];
            for (int c = 0; c < clients; c++) {
                int kind = c % 3 == 0 ? 0 : 1;
                int k = (int) Math.min(counts[c], latencies.get(c).length);
                System.arraycopy(latencies.get(c), 0, byKind[kind], kindCount[kind], k);
                kindCount[kind] += k;
            }
            System.out.printf(
                    Locale.ROOT,
                    "clients=%d %s requests=%d errors=%d elapsed=%.1fs throughput=%.0f req/s p50=%.2fms p90=%.2fms"
                            + " p99=%.2fms max=%.2fms (cell updates %d/s)%n",
                    clients,
                    pollNanos > 0 ? "polling every " + pollNanos / 1_000_000 + "ms" : "closed-loop",
                    total,
                    Arrays.stream(errors).sum(),
                    elapsed,
                    total / elapsed,
                    pct(sorted, 0.50),
                    pct(sorted, 0.90),
                    pct(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                    updatesPerSecond);
            System.out.printf(
                    Locale.ROOT,
                    "  answers that waited for a computation: %d%n",
                    service.waitedAnswers() - waitedBefore);
            for (int kind = 0; kind < 2; kind++) {
                long[] part = Arrays.copyOf(byKind[kind], kindCount[kind]);
                Arrays.sort(part);
                System.out.printf(
                        Locale.ROOT,
                        "  %s: requests=%d p50=%.2fms p99=%.2fms%n",
                        kind == 0 ? "signed in (Basic auth, exact)" : "anonymous (protected)",
                        part.length,
                        pct(part, 0.50),
                        pct(part, 0.99));
            }
        }
    }

    /**
     * One GET on a kept-alive connection (the JDK reuses it per thread), body read in full: a plain blocking
     * client per polling thread, as a dashboard's browser has. The JDK's asynchronous HttpClient shared by 50
     * threads added stalls of its own of up to 350 ms (one selector thread, hand-offs between pools): with no
     * cell updates at all, p99 was 118 ms.
     */
    private static int get(String url, String authorization) throws java.io.IOException {
        java.net.HttpURLConnection c =
                (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(30_000);
        if (authorization != null) {
            c.setRequestProperty("Authorization", authorization);
        }
        int status = c.getResponseCode();
        try (java.io.InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        return status;
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    /** The dashboard's questions, plus filtered variants by border post and citizenship, JSON and CSV. */
    static List<String> questions() {
        List<String> base = List.of(
                "/api/v1/datasets/crossings?by=month,direction",
                "/api/v1/datasets/spells?by=month,durationClass&kind=STAY",
                "/api/v1/datasets/migration-12-16?by=month&direction=ENTRY",
                "/api/v1/datasets/labour?by=month,flow",
                "/api/v1/datasets/crossings?by=citizenship&direction=ENTRY",
                "/api/v1/datasets/quality?by=issue",
                "/api/v1/datasets/stock?by=month&from=2025-04&to=2026-03",
                "/api/v1/datasets/overstays?by=month,type",
                "/api/v1/datasets/overstay-rates?by=month,citizenship");
        List<String> out = new ArrayList<>(base);
        for (String post : SyntheticCube.POSTS.subList(0, 3)) {
            for (String q : base) {
                out.add(q + "&borderPost=" + post);
            }
        }
        for (String cit : List.of("TJK", "UZB", "RUS")) {
            out.add(base.get(0) + "&citizenship=" + cit);
            out.add(base.get(0) + "&citizenship=" + cit + "&format=csv");
        }
        return out;
    }

    /** Re-applies random crossings cells with new counts, committing every 100 ms, like the live reader. */
    private static Thread updater(Cube cube, int perSecond) {
        Thread t = new Thread(() -> updates(cube, perSecond), "cell-updater");
        t.setDaemon(true);
        return t;
    }

    private static void updates(Cube cube, int perSecond) {
        SplittableRandom random = new SplittableRandom(7);
        List<Cell> sample = cube.read(() -> {
            List<Cell> cells = new ArrayList<>();
            for (Cell c : cube.cells("crossings")) {
                if (cells.size() == 10_000) {
                    break;
                }
                cells.add(c);
            }
            return cells;
        });
        while (!Thread.currentThread().isInterrupted()) {
            cube.write(() -> {
                for (int i = 0; i < perSecond / 10 && !sample.isEmpty(); i++) {
                    Cell cell = sample.get(random.nextInt(sample.size()));
                    TableCell value = Cells.of(
                            "crossings",
                            Cube.yearMonth(cell.month()).atDay(1),
                            cell.dims(),
                            1 + random.nextInt(50),
                            SyntheticCube.CLOCK);
                    cube.apply(Cells.key(value), value);
                }
            });
            cube.commit();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
