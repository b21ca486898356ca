package org.borderflows.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The HTTP side of the engine with no broker reachable: the engine never becomes RUNNING, which is what an
 * instance looks like while it joins the group or rebalances.
 */
@MicronautTest
@Property(name = "border-flows.kafka.bootstrap-servers", value = "localhost:1")
@Property(name = "border-flows.engine.state-dir", value = "target/controller-test-state")
@Property(name = "border-flows.engine.application-id", value = "controller-test")
class TravellerStatusControllerTest {
    private static final StatusRequest REQUEST = new StatusRequest("UZB", "AB 1234567", LocalDate.of(1990, 5, 17));

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void statusQueryWithoutCredentialsIsRefused() {
        HttpClientResponseException e =
                catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking()
                        .exchange(HttpRequest.POST("/api/v1/travellers/status", REQUEST)));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void statusQueryWithAWrongPasswordIsRefused() {
        HttpClientResponseException e =
                catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking()
                        .exchange(HttpRequest.POST("/api/v1/travellers/status", REQUEST)
                                .basicAuth("agency", "wrong")));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void statusQueryAnswers503WithRetryAfterWhileTheEngineIsNotRunning() {
        HttpClientResponseException e =
                catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking()
                        .exchange(HttpRequest.POST("/api/v1/travellers/status", REQUEST)
                                .basicAuth("agency", "agency-dev-password")));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        assertThat(e.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthReportsTheKafkaStreamsState() {
        Map<String, Object> health = client.toBlocking().retrieve(HttpRequest.GET("/health"), Map.class);
        Map<String, Object> streams =
                (Map<String, Object>) ((Map<String, Object>) health.get("details")).get("kafkaStreams");
        assertThat(((Map<String, Object>) streams.get("details")).get("state"))
                .isIn("CREATED", "REBALANCING", "RUNNING");
    }
}
