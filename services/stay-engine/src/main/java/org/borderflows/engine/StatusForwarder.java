package org.borderflows.engine;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Routes a status query to the instance that owns the traveller (Kafka Streams interactive queries): a POST of
 * the pseudonym to that instance's internal endpoint ({@link InstanceClient}), its answer passed back as it came.
 */
@Singleton
public class StatusForwarder {
    private final InstanceClient instances;

    public StatusForwarder(InstanceClient instances) {
        this.instances = instances;
    }

    HttpResponse<?> forward(HostInfo owner, String travellerId, String authorization) {
        try {
            InstanceClient.Answer answer = instances
                    .post(
                            owner,
                            "/internal/v1/travellers/status",
                            new TravellerStatusController.ForwardedRequest(travellerId),
                            authorization,
                            Duration.ofSeconds(10))
                    .get();
            var response = HttpResponse.status(HttpStatus.valueOf(answer.status()))
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(answer.body());
            if (answer.retryAfter() != null) {
                response.header(HttpHeaders.RETRY_AFTER, answer.retryAfter());
            }
            return response;
        } catch (ExecutionException e) {
            return TravellerStatusController.unavailable("owner instance " + owner + " unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TravellerStatusController.unavailable("interrupted");
        }
    }
}
