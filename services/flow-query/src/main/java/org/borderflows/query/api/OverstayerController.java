package org.borderflows.query.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Per-person list of suspected in-country overstayers (RULES.md §7, EES Art. 12), for action: border agency only
 * (public: 401, statistician: 403). JSON, or CSV with {@code Accept: text/csv} or {@code format=csv}.
 */
@Controller("/api/v1")
@Secured(Roles.AGENCY)
@ExecuteOn(TaskExecutors.BLOCKING)
class OverstayerController {
    private final QueryService service;

    OverstayerController(QueryService service) {
        this.service = service;
    }

    @Operation(
            summary = "Suspected in-country overstayers, agency role only: entry card number, border post and date of"
                    + " entry, latest authorised exit date, days over at the clock, citizenship, purpose (never the"
                    + " document number)")
    @Get(
            uri = "/overstayers",
            produces = {MediaType.APPLICATION_JSON, "text/csv"})
    MutableHttpResponse<String> overstayers(
            @Nullable @QueryValue @Parameter(description = "border post(s) of entry, separated by commas")
                    String borderPost,
            @Nullable @QueryValue @Parameter(description = "ISO 3166-1 alpha-3 citizenship(s), separated by commas")
                    String citizenship,
            @Nullable @QueryValue @Parameter(description = "declared purpose(s) on the entry card, separated by commas")
                    String purpose,
            @Nullable
                    @QueryValue
                    @Parameter(
                            description = "json (default) or csv; or Accept: text/csv",
                            schema = @Schema(allowableValues = {"json", "csv"}))
                    String format,
            HttpRequest<?> request) {
        // every parameter as sent, so that an unknown one is refused (400), never ignored
        boolean csv = DatasetController.wantsCsv(format, request.getHeaders().get(HttpHeaders.ACCEPT));
        QueryService.Rendered answer = service.overstayers(DatasetController.parametersAsSent(request), csv);
        MutableHttpResponse<String> response = HttpResponse.ok(answer.body())
                .contentType(answer.mediaType())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-As-Of", answer.asOf());
        DatasetController.attachment(response, answer);
        return response;
    }
}
