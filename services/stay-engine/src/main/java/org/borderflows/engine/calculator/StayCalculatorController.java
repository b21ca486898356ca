package org.borderflows.engine.calculator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.borderflows.engine.TravellerStatusController;
import org.borderflows.engine.calculator.CalculatorRequests.ControlBody;
import org.borderflows.engine.calculator.CalculatorRequests.PlanBody;
import org.borderflows.engine.calculator.CalculatorRequests.Question;
import org.borderflows.engine.calculator.CalculatorResponse.ForwardedPart;
import org.borderflows.engine.calculator.CalculatorResponse.PartAnswer;

/**
 * The border agency's stay calculator (RULES.md §7, role {@code agency} as the status query): control-date and
 * planning mode for one traveller or a manifest, as a JSON body or as CSV, answered as JSON or CSV. Checks the request
 * ({@link CalculatorRequests}), then {@link StayCalculatorService} answers it.
 */
@Controller
@Secured("agency")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StayCalculatorController {
    static final String TEXT_CSV = "text/csv";

    private final CalculatorRequests requests;
    private final StayCalculatorService service;

    public StayCalculatorController(CalculatorRequests requests, StayCalculatorService service) {
        this.requests = requests;
        this.service = service;
    }

    @Post(
            uri = "/api/v1/stay-calculator/control",
            produces = {MediaType.APPLICATION_JSON, TEXT_CSV})
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<?> control(
            @Nullable @Body ControlBody body, @Nullable @QueryValue String format, HttpRequest<?> http) {
        boolean csvOut = wantsCsv(format, http);
        return answer(requests.control(body), csvOut, http);
    }

    @Post(
            uri = "/api/v1/stay-calculator/control",
            produces = {MediaType.APPLICATION_JSON, TEXT_CSV})
    @Consumes(TEXT_CSV)
    public HttpResponse<?> controlManifest(
            @Nullable @QueryValue String controlDate,
            @Nullable @QueryValue String format,
            @Nullable @Body byte[] csv,
            HttpRequest<?> http) {
        boolean csvOut = wantsCsv(format, http);
        return answer(requests.controlCsv(controlDate, utf8(csv)), csvOut, http);
    }

    @Post(
            uri = "/api/v1/stay-calculator/plan",
            produces = {MediaType.APPLICATION_JSON, TEXT_CSV})
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<?> plan(
            @Nullable @Body PlanBody body, @Nullable @QueryValue String format, HttpRequest<?> http) {
        boolean csvOut = wantsCsv(format, http);
        return answer(requests.plan(body), csvOut, http);
    }

    @Post(
            uri = "/api/v1/stay-calculator/plan",
            produces = {MediaType.APPLICATION_JSON, TEXT_CSV})
    @Consumes(TEXT_CSV)
    public HttpResponse<?> planManifest(
            @Nullable @QueryValue String entry,
            @Nullable @QueryValue String exit,
            @Nullable @QueryValue String format,
            @Nullable @Body byte[] csv,
            HttpRequest<?> http) {
        boolean csvOut = wantsCsv(format, http);
        return answer(requests.planCsv(entry, exit, utf8(csv)), csvOut, http);
    }

    /** Another instance's part of a batch: pseudonyms of travellers this instance owns. */
    @Post(uri = StayCalculatorService.INTERNAL_PATH, produces = MediaType.APPLICATION_JSON)
    public PartAnswer owned(@Body ForwardedPart part) {
        return service.answerHere(part);
    }

    private HttpResponse<?> answer(Question question, boolean csv, HttpRequest<?> http) {
        CalculatorResponse response = service.answer(
                question.mode(), question.travellers(), http.getHeaders().get(HttpHeaders.AUTHORIZATION));
        var ok = csv
                ? HttpResponse.ok(CalculatorCsv.write(response)).contentType(TEXT_CSV + "; charset=utf-8")
                : HttpResponse.ok(response).contentType(MediaType.APPLICATION_JSON_TYPE);
        if (response.results().containsKey(CalculatorItem.UNAVAILABLE)) { // when to ask again for those travellers
            ok.header(HttpHeaders.RETRY_AFTER, TravellerStatusController.RETRY_AFTER_SECONDS);
        }
        return ok;
    }

    /** CSV with {@code format=csv} or an Accept header naming text/csv (as the query service); else JSON. */
    static boolean wantsCsv(String format, HttpRequest<?> http) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new BadInput("format", "must be json or csv");
            };
        }
        String accept = http.getHeaders().get(HttpHeaders.ACCEPT);
        return accept != null && accept.contains(TEXT_CSV);
    }

    /** The manifest as text; invalid UTF-8 is refused, never replaced (a replaced byte is another identity). */
    static String utf8(byte[] body) {
        if (body == null || body.length == 0) {
            throw new BadInput("body", "missing: a CSV manifest with a header line");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadInput("body", "not valid UTF-8");
        }
    }
}
