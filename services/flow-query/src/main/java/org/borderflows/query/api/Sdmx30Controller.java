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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.borderflows.query.sdmx.MlVersion;
import org.borderflows.query.sdmx.SdmxFormat;
import org.borderflows.query.sdmx.SdmxService;

/**
 * SDMX REST 3.0 paths over the same answers as {@link SdmxController}: {@code /structure/...} and
 * {@code /data/dataflow/...} with component filters {@code c[DIM]}; SDMX-ML 3.0 unless asked otherwise.
 */
@Controller("/sdmx/3.0")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class Sdmx30Controller {
    private final SdmxService service;

    Sdmx30Controller(SdmxService service) {
        this.service = service;
    }

    @Operation(summary = "SDMX 3.0 structure query (dataflow, datastructure, codelist, conceptscheme)")
    @Get(
            value = "/structure/{type:dataflow|datastructure|codelist|conceptscheme}{/agencyID}{/resourceID}{/version}",
            produces = MediaType.ALL)
    MutableHttpResponse<String> structure(
            @PathVariable String type,
            @PathVariable @Nullable String agencyID,
            @PathVariable @Nullable String resourceID,
            @PathVariable @Nullable String version,
            @QueryValue @Nullable String references,
            @QueryValue @Nullable String format,
            HttpRequest<?> request) {
        SdmxFormat chosen = SdmxFormat.structure(format, request.getHeaders().get(HttpHeaders.ACCEPT), MlVersion.V3_0);
        return SdmxController.respond(
                service.structure(type, agencyID, resourceID, version, references, chosen), false);
    }

    @Operation(
            summary =
                    "SDMX 3.0 data query: key positions * (all), A,B; c[DIM]=A,B; c[TIME_PERIOD]=ge:2025-01+le:2025-12")
    @Get(value = "/data/{context}/{agencyID}/{resourceID}{/version}", produces = MediaType.ALL)
    MutableHttpResponse<String> allData(
            @PathVariable String context,
            @PathVariable String agencyID,
            @PathVariable String resourceID,
            @PathVariable @Nullable String version,
            HttpRequest<?> request,
            @Nullable Authentication authentication) {
        return data(context, agencyID, resourceID, version, "*", request, authentication);
    }

    @Operation(
            summary =
                    "SDMX 3.0 data query: key positions * (all), A,B; c[DIM]=A,B; c[TIME_PERIOD]=ge:2025-01+le:2025-12;"
                            + " updatedAfter=<ISO 8601 date-time>; labels=both (SDMX-CSV)")
    @Get(value = "/data/{context}/{agencyID}/{resourceID}/{version}/{key:[^/]+}", produces = MediaType.ALL)
    MutableHttpResponse<String> data(
            @PathVariable @Parameter(description = "dataflow or *") String context,
            @PathVariable String agencyID,
            @PathVariable String resourceID,
            @PathVariable String version,
            @PathVariable @Parameter(description = "e.g. M.N._T.ENTRY,EXIT._T.*._T._T._T") String key,
            HttpRequest<?> request,
            @Nullable Authentication authentication) {
        if (authentication == null && request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            // Wrong credentials must not silently fall back to the public, protected answer.
            return HttpResponse.<String>status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"flow-query\"");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> parameters.put(name, String.join(",", values)));
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        SdmxFormat chosen = SdmxFormat.data(parameters.get("format"), accept, MlVersion.V3_0);
        boolean exact = Roles.seesExactFigures(authentication);
        boolean labels = SdmxService.labels(parameters.get("labels"), accept);
        // A '+' in the key may arrive decoded as a space; a key never holds spaces of its own.
        return SdmxController.respond(
                service.data30(
                        context,
                        agencyID,
                        resourceID,
                        version,
                        key.replace(' ', '+'),
                        parameters,
                        chosen,
                        labels,
                        !exact),
                true);
    }
}
