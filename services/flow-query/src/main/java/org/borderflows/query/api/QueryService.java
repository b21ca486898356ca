package org.borderflows.query.api;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.borderflows.query.QueryConfig;
import org.borderflows.query.tables.BadQueryException;
import org.borderflows.query.tables.Datasets;
import org.borderflows.query.tables.Json;
import org.borderflows.query.tables.OverstayerList;
import org.borderflows.query.tables.Query;
import org.borderflows.query.tables.Table;
import org.borderflows.query.tables.TableQueries;

/**
 * The query service behind the controllers: validates, answers from the cube, renders JSON or CSV and caches
 * each rendered answer (with its ETag) per normalised question, so dashboards polling the same question cost a
 * map lookup.
 *
 * <p>Staleness is bounded: an answer computed from the cube at time t is served while the dataset it reads has
 * not changed, or, if it has, until t + {@code flow-query.max-staleness-ms}. A changed answer is recomputed in the
 * background (polling does not wait for it) once it is {@code flow-query.refresh-ahead-ms} old, or 10 times as old
 * as its computation took, whichever is later, and at the latest from half the bound: a cheap answer (most, once
 * rollups exist) follows the data within about the refresh-ahead time, while a costly one (the §6 estimates) is
 * recomputed at most every few times its cost, so continuous updates cannot keep the compute threads busy. Past
 * the bound a request waits for the recomputation. Concurrent requests for the same question share one
 * computation.
 *
 * <p>A refresh is started only by a request, so an answer whose dataset changes continuously is past the bound
 * whenever its polls happen to leave a gap, and the next poll waits ({@link #waitedAnswers}): about 2% of the polls
 * of 50 dashboards at 2,000 cell updates a second, each for one cheap computation (p99 stays ~5 ms).
 */
@Singleton
public class QueryService {
    /**
     * A rendered answer: body, media type, strong ETag, clock, protection flag, and for a CSV download the file name
     * of its Content-Disposition (null for JSON).
     */
    public record Rendered(
            String body, String mediaType, String etag, String asOf, boolean isProtected, String fileName) {}

    /**
     * An answer and the cube it was computed from: the dataset's version, the time its computation began and how
     * long it took.
     */
    private record Cached(long version, long computedAtNanos, long costNanos, Rendered rendered) {}

    /** A changed answer is refreshed ahead no sooner than this many times its computation time. */
    private static final int REFRESH_COST_FACTOR = 10;

    private record Computation(long startedAtNanos, CompletableFuture<Cached> result) {}

    /** A validated question and its normalised cache key. */
    private record Question(Query query, String key) {}

    private static final int CACHE_SIZE = 2_000;
    private final Map<Request, Question> questions = new ConcurrentHashMap<>(); // by the request's own spelling

    /** A request as received (parameter order does not matter; spelling does, so an invalid one is never cached). */
    private record Request(String name, Map<String, String> parameters, boolean csv, boolean protect) {}

    private final TableQueries queries;
    private final long maxStaleNanos;
    private final long refreshAheadNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Computation> computing = new ConcurrentHashMap<>();
    private final Executor executor;
    /** Answers a request had to wait for (no servable cached answer): the latency tail, see the class comment. */
    private final LongAdder waited = new LongAdder();

    @Inject
    public QueryService(TableQueries queries, QueryConfig config) {
        this(queries, config.maxStalenessMs(), config.refreshAheadMs(), System::nanoTime, answerThreads());
    }

    /** Refreshes ahead from half the bound, whatever an answer costs (the behaviour before refresh-ahead-ms). */
    QueryService(TableQueries queries, long maxStalenessMs, LongSupplier nanoTime, Executor executor) {
        this(queries, maxStalenessMs, maxStalenessMs / 2, nanoTime, executor);
    }

    QueryService(
            TableQueries queries, long maxStalenessMs, long refreshAheadMs, LongSupplier nanoTime, Executor executor) {
        this.queries = queries;
        this.maxStaleNanos = maxStalenessMs * 1_000_000L;
        this.refreshAheadNanos = Math.min(Math.max(0, refreshAheadMs) * 1_000_000L, maxStaleNanos / 2);
        this.nanoTime = nanoTime;
        this.executor = executor;
    }

    private static Executor answerThreads() {
        return Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "answer-compute");
            t.setDaemon(true);
            return t;
        });
    }

    /** Blocking form of {@link #answer}. */
    public Rendered dataset(String name, Map<String, String> parameters, boolean csv, boolean protect) {
        try {
            return answer(name, parameters, csv, protect).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * The rendered answer, completed at once when a cached one may be served (see the class comment), else when
     * the (shared) computation ends. An invalid question throws {@link BadQueryException} here, not in the future.
     *
     * @param parameters query parameters, multi-valued ones already joined with commas
     */
    public CompletableFuture<Rendered> answer(
            String name, Map<String, String> parameters, boolean csv, boolean protect) {
        Request raw = new Request(name, Map.copyOf(parameters), csv, protect);
        Question question = questions.get(raw);
        if (question == null) {
            Query parsed = Query.parse(name, parameters);
            question = new Question(
                    parsed, parsed.canonical() + "|" + (csv ? "csv" : "json") + "|" + (protect ? "public" : "exact"));
            if (questions.size() >= CACHE_SIZE) {
                questions.clear();
            }
            questions.put(raw, question);
        }
        Query query = question.query();
        String key = question.key();
        String dataset = query.dataset().cells();
        long now = nanoTime.getAsLong();
        long version = queries.cube().version(dataset);
        Cached hit = cache.get(key);
        if (hit != null) {
            long age = now - hit.computedAtNanos();
            if (hit.version() == version) {
                return CompletableFuture.completedFuture(hit.rendered());
            }
            if (age < maxStaleNanos) {
                long refreshAfter =
                        Math.min(maxStaleNanos / 2, Math.max(refreshAheadNanos, REFRESH_COST_FACTOR * hit.costNanos()));
                if (age >= refreshAfter) {
                    compute(key, query, dataset, csv, protect, now); // refresh ahead; this request does not wait
                }
                return CompletableFuture.completedFuture(hit.rendered());
            }
        }
        waited.increment();
        return compute(key, query, dataset, csv, protect, now).thenApply(Cached::rendered);
    }

    /** How many answers so far were not served from the cache but waited for a computation. */
    public long waitedAnswers() {
        return waited.sum();
    }

    /** The computation of an answer, shared with one already running if that began within the bound. */
    private CompletableFuture<Cached> compute(
            String key, Query query, String dataset, boolean csv, boolean protect, long now) {
        Computation running = computing.get(key);
        if (running != null && now - running.startedAtNanos() < maxStaleNanos) {
            return running.result();
        }
        Computation mine = new Computation(now, new CompletableFuture<>());
        running = computing.putIfAbsent(key, mine);
        if (running != null) {
            if (now - running.startedAtNanos() < maxStaleNanos) {
                return running.result();
            }
            computing.put(key, mine);
        }
        try {
            executor.execute(() -> {
                try {
                    long version = queries.cube().version(dataset);
                    long started = nanoTime.getAsLong();
                    Rendered rendered = render(query, csv, protect);
                    Cached answer = new Cached(version, started, nanoTime.getAsLong() - started, rendered);
                    if (cache.size() >= CACHE_SIZE) {
                        cache.clear();
                    }
                    cache.merge(
                            key,
                            answer,
                            (old, fresh) -> fresh.computedAtNanos() >= old.computedAtNanos() ? fresh : old);
                    mine.result().complete(answer);
                } catch (RuntimeException | Error e) {
                    mine.result().completeExceptionally(e);
                } finally {
                    computing.remove(key, mine);
                }
            });
        } catch (RuntimeException e) {
            computing.remove(key, mine);
            mine.result().completeExceptionally(e);
        }
        return mine.result();
    }

    private Rendered render(Query query, boolean csv, boolean protect) {
        Table table = queries.run(query, protect);
        String body = csv ? table.toCsv() : table.toJson();
        return new Rendered(
                body,
                csv ? "text/csv" : "application/json",
                etag(body),
                table.asOf() == null ? "" : table.asOf().toString(),
                protect,
                csv ? fileName(query) : null);
    }

    /** crossings.csv, or crossings-quarter.csv for another frequency than month. */
    static String fileName(Query query) {
        return query.dataset().name()
                + (query.frequency() == org.borderflows.query.tables.Frequency.MONTH
                        ? ""
                        : "-" + query.frequency().parameter())
                + ".csv";
    }

    /** The catalogue: datasets with their dimensions (and allowed values) and measures. */
    public String catalogue() {
        List<Object> datasets = new ArrayList<>();
        for (Datasets.Dataset d : Datasets.all()) {
            Map<String, Object> ds = new LinkedHashMap<>();
            ds.put("name", d.name());
            ds.put("description", d.description());
            List<Object> dims = new ArrayList<>();
            for (Datasets.Dimension dim : d.dimensions()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", dim.name());
                m.put("description", dim.description());
                m.put("values", dim.values() == null ? null : List.copyOf(dim.values()));
                m.put("pattern", dim.pattern() == null ? null : dim.pattern().pattern());
                dims.add(m);
            }
            ds.put("dimensions", dims);
            List<Object> measures = new ArrayList<>();
            for (Datasets.Measure measure : d.measures()) {
                measures.add(Map.of("name", measure.name(), "description", measure.description()));
            }
            ds.put("measures", measures);
            datasets.add(ds);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "asOf",
                queries.cube().asOf() == null ? null : queries.cube().asOf().toString());
        out.put("datasets", datasets);
        return Json.value(out);
    }

    /**
     * The border agency's overstayer list ({@link OverstayerList}) as JSON or CSV ({@code overstayers.csv}); not
     * cached (one agency, a short list). A bad parameter throws {@link BadQueryException} (400 naming it).
     *
     * @param parameters query parameters as sent, multi-valued ones joined with commas
     */
    public Rendered overstayers(Map<String, String> parameters, boolean csv) {
        OverstayerList.Answer answer = queries.overstayers(OverstayerList.filters(parameters));
        String body = csv ? answer.toCsv() : answer.toJson();
        return new Rendered(
                body,
                csv ? "text/csv" : "application/json",
                etag(body),
                answer.asOf() == null ? "" : answer.asOf().toString(),
                false,
                csv ? "overstayers.csv" : null);
    }

    static String etag(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
