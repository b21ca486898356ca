package org.borderflows.engine;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.borderflows.domain.RuleSettings;
import org.borderflows.engine.topology.EngineSettings;
import org.borderflows.engine.topology.TravellerLookup;
import org.borderflows.platform.TravellerPseudonymiser;

/**
 * The border agency's traveller status query (role {@code agency}). The identity is hashed here with the
 * engine's pseudonym key (RULES.md §2); only the pseudonym travels further, including to another instance.
 */
@Controller
@Secured("agency")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TravellerStatusController {
    /** Seconds a caller waits before asking again while ownership moves (status query and stay calculator). */
    public static final String RETRY_AFTER_SECONDS = "5";

    private final TravellerPseudonymiser pseudonymiser;
    private final RuleSettings rules;
    private final StayEngine engine;
    private final StatusForwarder forwarder;

    public TravellerStatusController(
            TravellerPseudonymiser pseudonymiser,
            EngineSettings settings,
            StayEngine engine,
            StatusForwarder forwarder) {
        this.pseudonymiser = pseudonymiser;
        this.rules = settings.rules();
        this.engine = engine;
        this.forwarder = forwarder;
    }

    @Post(uri = "/api/v1/travellers/status", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> status(@Valid @Body StatusRequest request, HttpRequest<?> http) {
        String travellerId =
                pseudonymiser.pseudonym(request.documentCountry(), request.documentNumber(), request.birthDate());
        TravellerLookup.Result result = engine.lookup().find(travellerId);
        if (result instanceof TravellerLookup.Elsewhere elsewhere) {
            return forwarder.forward(
                    elsewhere.owner(), travellerId, http.getHeaders().get(HttpHeaders.AUTHORIZATION));
        }
        return respond(result);
    }

    /** An instance that does not own the traveller forwards here, with the pseudonym only. */
    @Post(uri = "/internal/v1/travellers/status", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> owned(@Valid @Body ForwardedRequest request) {
        return respond(engine.lookup().findHere(request.travellerId()));
    }

    HttpResponse<?> respond(TravellerLookup.Result result) {
        if (result instanceof TravellerLookup.Found found) {
            return HttpResponse.ok(
                    TravellerStatusView.of(found.evaluate(rules), found.clock(), rules, found.archiveLoad()));
        }
        if (result instanceof TravellerLookup.Unknown) {
            return HttpResponse.notFound(new Problem("no crossing is known for this traveller"));
        }
        return unavailable(result instanceof TravellerLookup.Unavailable u ? u.reason() : "not available");
    }

    /** 503 with Retry-After: ownership is moving, or the owning instance cannot be reached. */
    static HttpResponse<?> unavailable(String reason) {
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(new Problem("the engine is rebalancing, try again: " + reason));
    }

    @Serdeable
    public record ForwardedRequest(@NotBlank String travellerId) {}

    @Serdeable
    public record Problem(String message) {}
}
