package org.borderflows.query.api;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.borderflows.query.QueryConfig;
import org.borderflows.query.tables.Datasets;
import org.borderflows.query.tables.Json;
import org.borderflows.query.tables.Query;
import org.borderflows.query.tables.Table;
import org.borderflows.query.tables.TableQueries;

/**
 * The query service behind the controllers: validates, answers from the cube, renders JSON or CSV and caches
 * each rendered answer (with its ETag) until the cube changes, so dashboards polling the same question cost a
 * map lookup.
 */
@Singleton
public class QueryService {
    /** A rendered answer: body, media type, strong ETag, clock and protection flag. */
    public record Rendered(String body, String mediaType, String etag, String asOf, boolean isProtected) {}

    private record Cached(long version, long computedAtNanos, Rendered rendered, AtomicBoolean refreshing) {}

    private static final int CACHE_SIZE = 2_000;
    private final TableQueries queries;
    private final long maxStaleNanos;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService refresher =
            java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "answer-refresh");
                t.setDaemon(true);
                return t;
            });

    public QueryService(TableQueries queries, QueryConfig config) {
        this.queries = queries;
        this.maxStaleNanos = config.maxStalenessMs() * 1_000_000L;
    }

    /**
     * The rendered answer. A cached answer is served while the cube has not changed. After a change it is still
     * served for up to {@code flow-query.max-staleness-ms} and, beyond that, while a background thread recomputes
     * it: under continuous updates, polling never waits for a scan of the cube; only the first asking of a
     * question computes in the request.
     *
     * @param parameters query parameters, multi-valued ones already joined with commas
     */
    public Rendered dataset(String name, Map<String, String> parameters, boolean csv, boolean protect) {
        long version = queries.cube().version();
        String key = name + "|" + new TreeMap<>(parameters) + "|" + csv + "|" + protect;
        Cached hit = cache.get(key);
        if (hit == null) {
            return compute(key, name, parameters, csv, protect);
        }
        boolean fresh = hit.version() == version || System.nanoTime() - hit.computedAtNanos() < maxStaleNanos;
        if (!fresh && hit.refreshing().compareAndSet(false, true)) {
            try {
                refresher.execute(() -> {
                    try {
                        compute(key, name, parameters, csv, protect);
                    } finally {
                        hit.refreshing().set(false);
                    }
                });
            } catch (RuntimeException e) {
                hit.refreshing().set(false);
            }
        }
        return hit.rendered();
    }

    private Rendered compute(String key, String name, Map<String, String> parameters, boolean csv, boolean protect) {
        long version = queries.cube().version();
        Rendered rendered = render(name, parameters, csv, protect);
        if (cache.size() >= CACHE_SIZE) {
            cache.clear();
        }
        cache.put(key, new Cached(version, System.nanoTime(), rendered, new AtomicBoolean()));
        return rendered;
    }

    private Rendered render(String name, Map<String, String> parameters, boolean csv, boolean protect) {
        Query query = Query.parse(name, parameters);
        Table table = queries.run(query, protect);
        String body = csv ? table.toCsv() : table.toJson();
        return new Rendered(
                body,
                csv ? "text/csv" : "application/json",
                etag(body),
                table.asOf() == null ? "" : table.asOf().toString(),
                protect);
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

    public String overstayers(String borderPost, String citizenship) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "asOf",
                queries.cube().asOf() == null ? null : queries.cube().asOf().toString());
        out.put("overstayers", queries.overstayers(borderPost, citizenship));
        return Json.value(out);
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
