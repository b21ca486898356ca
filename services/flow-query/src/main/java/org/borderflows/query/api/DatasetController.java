package org.borderflows.query.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.borderflows.query.sdmx.SdmxService;
import org.borderflows.query.tables.BadQueryException;
import org.borderflows.query.tables.Query;

/**
 * The published tables (RULES.md §9). Anonymous callers get protected figures (§10); the roles agency and
 * statistician get exact ones. Polling friendly: ETag / If-None-Match and Cache-Control. Answers come from
 * {@link QueryService}'s cache on the event loop; computations run on its own threads, never on the event loop.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
class DatasetController {
    private final QueryService service;
    private final SdmxService sdmx;

    DatasetController(QueryService service, SdmxService sdmx) {
        this.service = service;
        this.sdmx = sdmx;
    }

    @Operation(summary = "The datasets with their dimensions, measures and descriptions")
    @Get(uri = "/datasets", produces = MediaType.APPLICATION_JSON)
    String datasets() {
        return service.catalogue();
    }

    @Operation(
            summary = "A table: rows grouped by the `by` dimensions over from..to, filtered by <dimension>=v1,v2"
                    + " (a dimension filter applies to the datasets having that dimension, see /api/v1/datasets);"
                    + " JSON, or CSV with Accept: text/csv or format=csv",
            description = "frequency=quarter|year gives quarterly or annual rows, year-ended (the flows, month in by)"
                    + " the total of the 12 months ending with each month, and 12/16 rows grouped by direction a NET"
                    + " row (ENTRY - EXIT); every row has the status of its figure (RULES.md §9)")
    @ApiResponse(
            responseCode = "200",
            description = "the table (JSON), or CSV as an attachment",
            headers =
                    @Header(
                            name = "Link",
                            description = "the same question as SDMX REST data (rel=alternate), e.g."
                                    + " </sdmx/2.1/data/BORDER_FLOWS,CROSSINGS,1.0/M.N._T.ENTRY._T._T._T._T._T>;"
                                    + " rel=\"alternate\"",
                            schema = @Schema(type = "string")),
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = TableDocument.class)),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string"))
            })
    @ApiResponse(
            responseCode = "400",
            description = "a parameter is not understood",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TableDocument.BadQuery.class)))
    @ApiResponse(responseCode = "401", description = "wrong credentials")
    @Get(
            uri = "/datasets/{name}",
            produces = {MediaType.APPLICATION_JSON, "text/csv"})
    CompletableFuture<MutableHttpResponse<String>> dataset(
            @PathVariable
                    @Parameter(
                            description = "dataset name, see /api/v1/datasets",
                            schema =
                                    @Schema(
                                            allowableValues = {
                                                "crossings",
                                                "spells",
                                                "migration-12-16",
                                                "migration-12-16-revisions",
                                                "stock",
                                                "labour",
                                                "overstays",
                                                "overstay-rates",
                                                "border-workers",
                                                "quality"
                                            }))
                    String name,
            @RequestBean DatasetQuery query,
            HttpRequest<?> request,
            @Nullable Authentication authentication) {
        if (authentication == null && request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            // Wrong credentials must not silently fall back to the public, protected answer.
            return CompletableFuture.completedFuture(HttpResponse.<String>status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"flow-query\""));
        }
        // Query.parse reads every parameter as sent, so that one it does not know is refused (400), never ignored;
        // DatasetQuery declares the known ones for the OpenAPI document.
        Map<String, String> parameters = parametersAsSent(request);
        // The same question over SDMX (RFC 8288 Link, rel=alternate): the dashboard's SDMX download links.
        String link = "<" + SdmxController.ROOT + "/" + sdmx.dataPath(Query.parse(name, parameters))
                + ">; rel=\"alternate\"; title=\"SDMX\"";
        boolean csv = wantsCsv(query.format(), request.getHeaders().get(HttpHeaders.ACCEPT));
        boolean exact = Roles.seesExactFigures(authentication);
        String ifNoneMatch = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        return service.answer(name, parameters, csv, !exact)
                .thenApply(answer -> response(answer, exact, ifNoneMatch).header(HttpHeaders.LINK, link));
    }

    private static MutableHttpResponse<String> response(
            QueryService.Rendered answer, boolean exact, String ifNoneMatch) {
        MutableHttpResponse<String> response = answer.etag().equals(ifNoneMatch)
                ? HttpResponse.status(HttpStatus.NOT_MODIFIED)
                : HttpResponse.ok(answer.body()).contentType(answer.mediaType());
        if (response.status() == HttpStatus.OK) {
            attachment(response, answer);
        }
        return response.header(HttpHeaders.ETAG, answer.etag())
                .header(HttpHeaders.CACHE_CONTROL, (exact ? "private" : "public") + ", max-age=2, must-revalidate")
                .header(HttpHeaders.VARY, "Accept, Authorization")
                .header("X-As-Of", answer.asOf())
                .header("X-Protected", String.valueOf(answer.isProtected()));
    }

    /** Every query parameter as sent (repeated ones joined by commas), so that an unknown one can be refused. */
    static Map<String, String> parametersAsSent(HttpRequest<?> request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameters().forEach((key, values) -> parameters.put(key, String.join(",", values)));
        return parameters;
    }

    /** A download's file name, when the answer has one (CSV). */
    static void attachment(MutableHttpResponse<String> response, QueryService.Rendered answer) {
        if (answer.fileName() != null) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + answer.fileName() + "\"");
        }
    }

    /** CSV when {@code format=csv}, or without format when Accept asks for text/csv and not JSON; 400 otherwise. */
    static boolean wantsCsv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            if (!List.of("csv", "json").contains(format)) {
                throw new BadQueryException("format", "format must be json or csv, got '" + format + "'");
            }
            return format.equals("csv");
        }
        return accept != null && accept.contains("text/csv") && !accept.contains(MediaType.APPLICATION_JSON);
    }
}
