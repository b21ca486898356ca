package org.borderflows.simulator.out;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;
import org.borderflows.simulator.gen.Card;
import org.borderflows.simulator.gen.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator's gateway client waits as long as the gateway's Retry-After asks, within its cap. */
class GatewaySinkRetryTest {
    private HttpServer server;
    private final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();

    /** Records a request's arrival time and body; its number (0-based). */
    private int arrive(HttpExchange exchange) throws IOException {
        int n;
        synchronized (arrivals) {
            n = arrivals.size();
            arrivals.add(System.nanoTime());
        }
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        return n;
    }

    /** A gateway stand-in answering the n-th request (0-based) with answer.apply(n): {status, Retry-After}. */
    private String start(IntFunction<String[]> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/crossings", (HttpExchange exchange) -> {
            int n = arrive(exchange);
            String[] a = answer.apply(n);
            if (a[1] != null) {
                exchange.getResponseHeaders().add("Retry-After", a[1]);
            }
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(Integer.parseInt(a[0]), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static Card card(String eventId) {
        return new Card(
                eventId,
                "AB 1234567",
                "ENTRY",
                "2026-03-01T08:15:00+05:00",
                "KZ-ALA-AIR",
                "TJK",
                "N1234567",
                "1990-05-17",
                "M",
                "TJK",
                "WORK",
                180,
                "AIR",
                1,
                0L,
                false,
                Fault.NONE,
                null);
    }

    private double secondsBetweenFirstTwoRequests() {
        return (arrivals.get(1) - arrivals.get(0)) / 1e9;
    }

    @Test
    void a503WithRetryAfterOneSecondIsRetriedAfterOneSecondThenConfirmed() throws Exception {
        String base = start(n -> n == 0 ? new String[] {"503", "1"} : new String[] {"200", null});
        GatewaySink sink = new GatewaySink(base, "key", 10, false);
        sink.send(card("retry-1"));
        sink.close();

        assertThat(arrivals).hasSize(2);
        // the sink's own first backoff would be 0.4 s: waiting 1 s shows the header was honoured
        assertThat(secondsBetweenFirstTwoRequests()).isBetween(0.95, 5.0);
        assertThat(sink.confirmed()).isEqualTo(1);
        assertThat(bodies).allSatisfy(b -> assertThat(b).contains("retry-1"));
    }

    @Test
    void a429WithAnHttpDateIsHonouredToo() throws Exception {
        String in2s = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(2));
        String base = start(n -> n == 0 ? new String[] {"429", in2s} : new String[] {"200", null});
        GatewaySink sink = new GatewaySink(base, "key", 10, false);
        sink.send(card("retry-2"));
        sink.close();

        assertThat(arrivals).hasSize(2);
        // the date has whole seconds: between 1 and 2 s from the answer
        assertThat(secondsBetweenFirstTwoRequests()).isBetween(0.95, 5.0);
        assertThat(sink.confirmed()).isEqualTo(1);
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsSentAgainThenConfirmed() throws Exception {
        // a gateway stopping mid-request: the first request's connection ends without an HTTP answer
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/crossings", (HttpExchange exchange) -> {
            int n = arrive(exchange);
            if (n == 0) {
                exchange.close(); // no status line: the client sees the connection end
                return;
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        GatewaySink sink =
                new GatewaySink("http://127.0.0.1:" + server.getAddress().getPort(), "key", 10, false);
        sink.send(card("reset-1"));
        sink.close();

        assertThat(arrivals).hasSize(2);
        assertThat(sink.confirmed()).isEqualTo(1);
        assertThat(bodies).allSatisfy(b -> assertThat(b).contains("reset-1"));
    }

    @Test
    void aRetryAfterBeyondTheCapWaitsOnlyTheCap() throws Exception {
        String base = start(n -> n == 0 ? new String[] {"503", "3600"} : new String[] {"200", null});
        GatewaySink sink = new GatewaySink(base, "key", 10, false, Duration.ofMillis(300));
        sink.send(card("retry-3"));
        sink.close();

        assertThat(arrivals).hasSize(2);
        assertThat(secondsBetweenFirstTwoRequests()).isBetween(0.25, 3.0);
        assertThat(sink.confirmed()).isEqualTo(1);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        java.time.Instant now = java.time.Instant.parse("2026-10-21T07:28:00Z");
        assertThat(RetryDelay.parse("1", now)).hasValue(Duration.ofSeconds(1));
        assertThat(RetryDelay.parse(" 120 ", now)).hasValue(Duration.ofSeconds(120));
        assertThat(RetryDelay.parse("Wed, 21 Oct 2026 07:28:05 GMT", now)).hasValue(Duration.ofSeconds(5));
        assertThat(RetryDelay.parse("Wed, 21 Oct 2026 07:27:00 GMT", now)).hasValue(Duration.ZERO);
        assertThat(RetryDelay.parse("soon", now)).isEmpty();
        assertThat(RetryDelay.parse("-1", now)).isEmpty();
    }

    @Test
    void withoutTheHeaderTheOwnBackoffDoublesUpToTenSeconds() {
        RetryDelay delay = new RetryDelay(RetryDelay.DEFAULT_CAP);
        java.time.Instant now = java.time.Instant.parse("2026-10-21T07:28:00Z");
        assertThat(delay.before(1, java.util.Optional.empty(), now)).isEqualTo(Duration.ofMillis(400));
        assertThat(delay.before(2, java.util.Optional.empty(), now)).isEqualTo(Duration.ofMillis(800));
        assertThat(delay.before(7, java.util.Optional.empty(), now)).isEqualTo(Duration.ofSeconds(10));
        assertThat(delay.before(1, java.util.Optional.of("45"), now)).isEqualTo(Duration.ofSeconds(30));
    }
}
