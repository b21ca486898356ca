package org.borderflows.simulator.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A simulator started with the services waits for the gateway's health before its first card (--gateway-wait). */
class GatewaySinkHealthTest {
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void waitsUntilTheGatewayAnswersHealthy() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            // starting: 503 twice, then healthy
            exchange.sendResponseHeaders(asked.incrementAndGet() <= 2 ? 503 : 200, -1);
            exchange.close();
        });
        server.start();
        GatewaySink sink =
                new GatewaySink("http://127.0.0.1:" + server.getAddress().getPort(), "key", 500, false);

        sink.awaitHealthy(Duration.ofSeconds(10));

        assertThat(asked.get()).isEqualTo(3);
    }

    @Test
    void failsWhenNoGatewayAnswersWithinThePatience() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        GatewaySink sink = new GatewaySink("http://127.0.0.1:" + closedPort, "key", 500, false);

        assertThatThrownBy(() -> sink.awaitHealthy(Duration.ofMillis(600)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("/health was not healthy within PT0.6S");
    }
}
