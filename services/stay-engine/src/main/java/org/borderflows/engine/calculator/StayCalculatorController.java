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
import org.borderflows.engine.calculator.CalculatorRequests.ControlBody;
import org.borderflows.engine.calculator.CalculatorRequests.PlanBody;
import org.borderflows.engine.calculator.CalculatorRequests.Question;
import org.borderflows.engine.calculator.CalculatorResponse.ForwardedPart;
import org.borderflows.engine.calculator.CalculatorResponse.PartAnswer;

/**
 * The border agency's stay calculator (RULES.md §7, role {@code agency} as the status query): control-date and
 * planning mode for one traveller or a manifest, as a JSON body or as CSV. Checks the request
 * ({@link CalculatorRequests}), then {@link StayCalculatorService} answers it.
 */
@Controller
@Secured("agency")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StayCalculatorController {
    static final String TEXT_CSV = "text/csv";
    static final String RETRY_AFTER_SECONDS = "5";

    private final CalculatorRequests requests;
    private final StayCalculatorService service;

    public StayCalculatorController(CalculatorRequests requests, StayCalculatorService service) {
        this.requests = requests;
        this.service = service;
    }

    @Post(uri = "/api/v1/stay-calculator/control", produces = MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<CalculatorResponse> control(@Nullable @Body ControlBody body, HttpRequest<?> http) {
        return answer(requests.control(body), http);
    }

    @Post(uri = "/api/v1/stay-calculator/control", produces = MediaType.APPLICATION_JSON)
    @Consumes(TEXT_CSV)
    public HttpResponse<CalculatorResponse> controlManifest(
            @Nullable @QueryValue String controlDate, @Nullable @Body byte[] csv, HttpRequest<?> http) {
        return answer(requests.controlCsv(controlDate, utf8(csv)), http);
    }

    @Post(uri = "/api/v1/stay-calculator/plan", produces = MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<CalculatorResponse> plan(@Nullable @Body PlanBody body, HttpRequest<?> http) {
        return answer(requests.plan(body), http);
    }

    @Post(uri = "/api/v1/stay-calculator/plan", produces = MediaType.APPLICATION_JSON)
    @Consumes(TEXT_CSV)
    public HttpResponse<CalculatorResponse> planManifest(
            @Nullable @QueryValue String entry,
            @Nullable @QueryValue String exit,
            @Nullable @Body byte[] csv,
            HttpRequest<?> http) {
        return answer(requests.planCsv(entry, exit, utf8(csv)), http);
    }

    /** Another instance's part of a batch: pseudonyms of travellers this instance owns. */
    @Post(uri = StayCalculatorService.INTERNAL_PATH, produces = MediaType.APPLICATION_JSON)
    public PartAnswer owned(@Body ForwardedPart part) {
        return service.answerHere(part);
    }

    private HttpResponse<CalculatorResponse> answer(Question question, HttpRequest<?> http) {
        CalculatorResponse response = service.answer(
                question.mode(), question.travellers(), http.getHeaders().get(HttpHeaders.AUTHORIZATION));
        var ok = HttpResponse.ok(response);
        if (response.results().containsKey(CalculatorItem.UNAVAILABLE)) {
            ok.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS); // for the travellers answered UNAVAILABLE
        }
        return ok;
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
