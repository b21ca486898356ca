package org.borderflows.engine;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;
import org.borderflows.platform.PlainHttp;

/**
 * A POST of a JSON body to another engine instance (the owner of a traveller's partition, Kafka Streams interactive
 * queries), with the caller's credentials passed on: the one way a query is routed to the instance that owns its
 * keys. Only pseudonyms travel in these bodies, never a document number.
 */
@Singleton
public class InstanceClient {
    private final HttpClient http;
    private final String scheme;
    private final JsonMapper json;

    /** HTTPS when this instance serves HTTPS, trusting the signers of its own certificate ({@link InstanceTrust}). */
    public InstanceClient(
            JsonMapper json,
            @Value("${" + PlainHttp.HTTPS_PROPERTY + ":false}") boolean https,
            @Nullable @Value("${" + PlainHttp.KEY_STORE_PROPERTY + ":}") String keyStore,
            @Nullable @Value("${" + PlainHttp.KEY_STORE_PASSWORD_PROPERTY + ":}") String keyStorePassword) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        if (https) {
            builder.sslContext(InstanceTrust.ofOwnKeyStore(keyStore, keyStorePassword));
        }
        this.http = builder.build();
        this.scheme = https ? "https" : "http";
        this.json = json;
    }

    /** The owner's answer as it came: HTTP status, body and its Retry-After header if any. */
    public record Answer(int status, byte[] body, String retryAfter) {}

    /** Completes exceptionally (an {@link IOException} cause) when the owner cannot be reached in time. */
    public CompletableFuture<Answer> post(
            HostInfo owner, String path, Object body, String authorization, Duration timeout) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(scheme + "://" + owner.host() + ":" + owner.port() + path))
                .timeout(timeout)
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(answer -> new Answer(
                        answer.statusCode(),
                        answer.body(),
                        answer.headers().firstValue(HttpHeaders.RETRY_AFTER).orElse(null)));
    }
}
