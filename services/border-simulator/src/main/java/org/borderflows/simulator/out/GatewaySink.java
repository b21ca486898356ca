package org.borderflows.simulator.out;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.borderflows.simulator.gen.Card;

/**
 * Posts cards to the card gateway ({@code POST /api/v1/crossings}) in batches of NDJSON (or CSV), with the
 * agency's API key. A batch is retried on connection errors and 5xx/429 answers (the gateway deduplicates by
 * event_id, so a retry never doubles a crossing), after the delay the gateway's {@code Retry-After} header asks
 * for, as border-post software should ({@link RetryDelay}: capped, own backoff without the header); a 4xx answer
 * other than 429 stops the run with its body.
 */
public final class GatewaySink implements CardSink {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI uri;
    private final URI health;
    private final String apiKey;
    private final int batchSize;
    private final boolean csv;
    private final RetryDelay retryDelay;
    private final StringBuilder batch = new StringBuilder();
    private int inBatch;
    private long confirmed;

    public GatewaySink(String baseUrl, String apiKey, int batchSize, boolean csv) {
        this(baseUrl, apiKey, batchSize, csv, RetryDelay.DEFAULT_CAP);
    }

    /** @param maxRetryDelay the longest wait between two attempts, whatever the gateway's Retry-After says */
    GatewaySink(String baseUrl, String apiKey, int batchSize, boolean csv, Duration maxRetryDelay) {
        this.retryDelay = new RetryDelay(maxRetryDelay);
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.uri = URI.create(base + "/api/v1/crossings");
        this.health = URI.create(base + "/health");
        this.apiKey = apiKey;
        this.batchSize = batchSize;
        this.csv = csv;
    }

    /**
     * Waits until the gateway answers {@code GET /health} with 200, polling every 250 ms, for a simulator started
     * together with the gateway (deploy/local/run-all.sh): it draws its cards while the services start.
     *
     * @throws IOException if the gateway has not answered 200 within {@code patience}
     */
    public void awaitHealthy(Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        HttpRequest request =
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build();
        String last = "no answer";
        while (true) {
            try {
                int code = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (code == 200) {
                    return;
                }
                last = "answered " + code;
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the gateway at " + health + " was not healthy within " + patience + ": " + last);
            }
            Thread.sleep(250);
        }
    }

    @Override
    public void send(Card card) throws IOException, InterruptedException {
        batch.append(csv ? CardFile.csvLine(card) : CardFile.jsonLine(card));
        if (++inBatch >= batchSize) {
            flush();
        }
    }

    private void flush() throws IOException, InterruptedException {
        if (inBatch == 0) {
            return;
        }
        String body = csv ? CardFile.csvHeader() + batch : batch.toString();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", csv ? "text/csv" : "application/x-ndjson")
                .header("X-Api-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // No answer (refused, reset, timed out: a gateway restarting): the batch is sent again; cards the
                // gateway had already published are recognised by their event id and counted once (DUPLICATE).
                if (attempt >= 8) {
                    throw new IOException("cannot reach the gateway at " + uri + ": " + e, e);
                }
                Thread.sleep(retryDelay
                        .before(attempt, Optional.empty(), Instant.now())
                        .toMillis());
                continue;
            }
            int code = response.statusCode();
            if (code / 100 == 2) {
                confirmed += inBatch; // rejected cards too: the gateway keeps them on rejected-records
                break;
            }
            if (code != 429 && code / 100 == 4) {
                throw new IOException("gateway answered " + code + " to a batch of " + inBatch + " cards: "
                        + abbreviate(response.body()));
            }
            if (attempt >= 8) {
                throw new IOException(
                        "gateway answered " + code + " " + attempt + " times: " + abbreviate(response.body()));
            }
            Optional<String> retryAfter =
                    code == 429 || code == 503 ? response.headers().firstValue("Retry-After") : Optional.empty();
            long delay = retryDelay.before(attempt, retryAfter, Instant.now()).toMillis();
            System.err.printf(
                    "gateway answered %d (Retry-After %s): the batch of %d cards is sent again in %d ms%n",
                    code, retryAfter.orElse("none"), inBatch, delay);
            Thread.sleep(delay);
        }
        batch.setLength(0);
        inBatch = 0;
    }

    private static String abbreviate(String s) {
        return s.length() > 500 ? s.substring(0, 500) + "..." : s;
    }

    @Override
    public long confirmed() {
        return confirmed;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        flush();
    }
}
