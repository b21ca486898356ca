package org.borderflows.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.micronaut.json.JsonMapper;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.streams.state.HostInfo;
import org.borderflows.testkit.SelfSignedKeyStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engine instances serving HTTPS call each other in HTTPS, trusting the signer of their own certificate (all take it
 * from one key store): the owner here is an HTTPS server with the key store's certificate.
 */
class InstanceClientHttpsTest {
    @TempDir
    Path dir;

    private HttpsServer owner;

    @AfterEach
    void stop() {
        if (owner != null) {
            owner.stop(0);
        }
    }

    @Test
    void anInstanceReachesAnotherOverHttpsWithTheCertificateOfTheSharedKeyStore() throws Exception {
        SelfSignedKeyStore keyStore = SelfSignedKeyStore.create(dir);
        HostInfo host = serve(keyStore);
        InstanceClient client =
                new InstanceClient(JsonMapper.createDefault(), true, "file:" + keyStore.path(), keyStore.password());

        InstanceClient.Answer answer = client.post(
                        host,
                        "/internal/v1/travellers/status",
                        Map.of("travellerId", "p-1"),
                        "Basic eDp5",
                        Duration.ofSeconds(10))
                .get();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(new String(answer.body(), StandardCharsets.UTF_8))
                .isEqualTo("POST /internal/v1/travellers/status Basic eDp5 {\"travellerId\":\"p-1\"}");
    }

    @Test
    void aCertificateFromAnotherKeyStoreIsNotTrusted() throws Exception {
        Path other = Files.createDirectory(dir.resolve("other"));
        HostInfo host = serve(SelfSignedKeyStore.create(dir));
        SelfSignedKeyStore stranger = SelfSignedKeyStore.create(other);
        InstanceClient client = new InstanceClient(
                JsonMapper.createDefault(), true, stranger.path().toString(), stranger.password());

        assertThatThrownBy(() -> client.post(
                                host, "/internal/v1/travellers/status", Map.of(), null, Duration.ofSeconds(10))
                        .get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void anUnreadableKeyStoreIsNamedAtStartUp() {
        assertThatThrownBy(() ->
                        new InstanceClient(JsonMapper.createDefault(), true, "file:" + dir.resolve("missing.p12"), "x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("micronaut.server.ssl.key-store.path")
                .hasMessageContaining("missing.p12");
    }

    /** An HTTPS server answering every request with its method, path, authorization and body. */
    private HostInfo serve(SelfSignedKeyStore keyStore) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore.load(), keyStore.password().toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        owner = HttpsServer.create(new InetSocketAddress("localhost", 0), 0);
        owner.setHttpsConfigurator(new HttpsConfigurator(tls));
        owner.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] echo = (exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                            + exchange.getRequestHeaders().getFirst("Authorization") + " " + body)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, echo.length);
            exchange.getResponseBody().write(echo);
            exchange.close();
        });
        owner.start();
        return new HostInfo("localhost", owner.getAddress().getPort());
    }
}
