package org.borderflows.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.borderflows.testkit.SelfSignedKeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS as an operator turns it on (docs/configuration.md, "HTTPS"), on flow-query's distribution outside the local
 * environment (its API over an empty cube: no Kafka needed; the development secrets explicitly allowed, which does
 * not allow plain HTTP): without HTTPS it stops before listening, naming the settings; with a key store it answers
 * HTTPS on its port with that certificate and gives plain HTTP no answer. The gateway and the engine take the same
 * settings through the same check (PlainHttp).
 */
class HttpsIT {
    private static final Map<String, String> OUTSIDE_LOCAL = Map.of(
            "MICRONAUT_ENVIRONMENTS", "k8s",
            "BORDER_FLOWS_ALLOW_DEVELOPMENT_DEFAULTS", "true",
            "FLOW_QUERY_KAFKA_ENABLED", "false");

    @TempDir
    Path dir;

    @Test
    void outsideTheLocalEnvironmentPlainHttpStopsTheServiceNamingTheSettings() throws Exception {
        ProcessBuilder builder =
                Distribution.of("flow-query").command(List.of()).redirectErrorStream(true);
        builder.environment().putAll(OUTSIDE_LOCAL);
        builder.environment().put("JAVA_OPTS", "-Xmx256m");
        builder.environment().put("MICRONAUT_SERVER_PORT", "0");
        builder.environment().remove("BORDER_FLOWS_ALLOW_PLAIN_HTTP");

        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();

        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output)
                .contains("flow-query refuses to serve plain HTTP outside the local environment")
                .contains("micronaut.server.ssl.enabled (BORDER_FLOWS_HTTPS_ENABLED=true)")
                .contains("micronaut.server.ssl.key-store.path (BORDER_FLOWS_HTTPS_KEY_STORE)")
                .contains("BORDER_FLOWS_ALLOW_PLAIN_HTTP=true")
                .doesNotContain("Startup completed");
    }

    @Test
    void withAKeyStoreItServesHttpsOnItsPortAndPlainHttpGetsNoAnswer() throws Exception {
        SelfSignedKeyStore keyStore = SelfSignedKeyStore.create(dir);
        Map<String, String> env = new HashMap<>(OUTSIDE_LOCAL);
        env.put("BORDER_FLOWS_HTTPS_ENABLED", "true");
        env.put("BORDER_FLOWS_HTTPS_KEY_STORE", keyStore.path().toString());
        env.put("BORDER_FLOWS_HTTPS_KEY_STORE_PASSWORD", keyStore.password());
        HttpClient trusting = HttpClient.newBuilder()
                .sslContext(keyStore.trustingClient())
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        try (ServiceProcess query = ServiceProcess.start(
                "flow-query-https", "services/flow-query", "org.borderflows.query.Application", env)) {
            query.awaitHealthy(Duration.ofSeconds(90), trusting);

            HttpResponse<String> health = trusting.send(
                    HttpRequest.newBuilder(query.uri("/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(query.uri("/health").getScheme()).isEqualTo("https");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            HttpResponse<String> catalogue = trusting.send(
                    HttpRequest.newBuilder(query.uri("/api/v1/datasets")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(catalogue.statusCode()).isEqualTo(200);
            assertThat(catalogue.body()).contains("\"crossings\"");
            assertThatThrownBy(() -> HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(query.uri("/health")).build(),
                                    HttpResponse.BodyHandlers.ofString()))
                    .as("a client that does not trust the certificate")
                    .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);

            URI plain = URI.create("http://localhost:" + query.port + "/health");
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            assertThatThrownBy(() -> http.send(
                            HttpRequest.newBuilder(plain)
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .as("plain HTTP on the HTTPS port")
                    .isInstanceOf(IOException.class);
        }
    }
}
