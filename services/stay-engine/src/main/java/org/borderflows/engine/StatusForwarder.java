package org.borderflows.engine;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Routes a status query to the instance that owns the traveller (Kafka Streams interactive queries): a POST of
 * the pseudonym to that instance's internal endpoint, with the caller's credentials passed on.
 */
@Singleton
public class StatusForwarder {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json;

    public StatusForwarder(JsonMapper json) {
        this.json = json;
    }

    HttpResponse<?> forward(HostInfo owner, String travellerId, String authorization) {
        try {
            byte[] body = json.writeValueAsBytes(new TravellerStatusController.ForwardedRequest(travellerId));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                            "http://" + owner.host() + ":" + owner.port() + "/internal/v1/travellers/status"))
                    .timeout(Duration.ofSeconds(10))
                    .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (authorization != null) {
                request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            java.net.http.HttpResponse<byte[]> answer =
                    http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            var response = HttpResponse.status(HttpStatus.valueOf(answer.statusCode()))
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(answer.body());
            answer.headers()
                    .firstValue(HttpHeaders.RETRY_AFTER)
                    .ifPresent(v -> response.header(HttpHeaders.RETRY_AFTER, v));
            return response;
        } catch (IOException e) {
            return unavailable("owner instance " + owner + " unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("interrupted");
        }
    }

    private static HttpResponse<?> unavailable(String reason) {
        return TravellerStatusController.unavailable(reason);
    }
}
