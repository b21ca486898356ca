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
import java.util.List;
import org.borderflows.query.sdmx.SdmxFormat;
import org.borderflows.query.sdmx.SdmxNotFoundException;
import org.borderflows.query.sdmx.SdmxService;

/**
 * SDMX REST 2.1 resources over the published tables: structures (dataflow, datastructure, codelist, conceptscheme,
 * and the DSD-specific data schema) and data. The same roles as the JSON API: anonymous callers get the same
 * protected figures (§10), agency and statistician exact ones.
 */
@Controller(SdmxController.ROOT)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
// Routes produce any media type: SdmxFormat chooses from the format parameter and Accept, and answers 406 itself.
class SdmxController {
    /** The SDMX REST 2.1 root. */
    static final String ROOT = "/sdmx/2.1";

    private final SdmxService service;

    SdmxController(SdmxService service) {
        this.service = service;
    }

    @Operation(
            summary = "SDMX structure query: resource is dataflow, datastructure, codelist or conceptscheme;"
                    + " SDMX-ML 2.1, SDMX-ML 3.0 (Accept: application/vnd.sdmx.structure+xml;version=3.0.0 or"
                    + " format=structure-3.0) or SDMX-JSON 2.0 (application/vnd.sdmx.structure+json;version=2.0.0)")
    @Get(
            value = "/{resource:dataflow|datastructure|codelist|conceptscheme}{/agencyID}{/resourceID}{/version}",
            produces = MediaType.ALL)
    MutableHttpResponse<String> structure(
            @PathVariable String resource,
            @PathVariable @Nullable String agencyID,
            @PathVariable @Nullable String resourceID,
            @PathVariable @Nullable String version,
            @QueryValue @Nullable @Parameter(description = "none (default), children, descendants or all")
                    String references,
            @QueryValue @Nullable @Parameter(description = "structure (SDMX-ML 2.1), structure-3.0 or structure-json")
                    String format,
            HttpRequest<?> request) {
        SdmxFormat chosen = SdmxFormat.structure(format, request.getHeaders().get(HttpHeaders.ACCEPT));
        return respond(service.structure(resource, agencyID, resourceID, version, references, chosen), false);
    }

    @Operation(summary = "SDMX data query for every value of every dimension (see the keyed form)")
    @Get(value = "/data/{flow}", produces = MediaType.ALL)
    MutableHttpResponse<String> allData(
            @PathVariable @Parameter(description = "dataflow: ID, AGENCY,ID or AGENCY,ID,VERSION") String flow,
            @QueryValue @Nullable String startPeriod,
            @QueryValue @Nullable String endPeriod,
            @QueryValue @Nullable String dimensionAtObservation,
            @QueryValue @Nullable String updatedAfter,
            @QueryValue @Nullable String labels,
            @QueryValue @Nullable String format,
            HttpRequest<?> request,
            @Nullable Authentication authentication) {
        return data(
                flow,
                "all",
                null,
                startPeriod,
                endPeriod,
                dimensionAtObservation,
                updatedAfter,
                labels,
                format,
                request,
                authentication);
    }

    @Operation(
            summary = "SDMX data query: key = dimension codes in DSD order separated by '.', empty = all values,"
                    + " A+B = either, _T = total; startPeriod/endPeriod YYYY, YYYY-MM or YYYY-Qn. SDMX-ML 2.1 or"
                    + " 3.0 structure-specific, SDMX-JSON 2.0 or SDMX-CSV 2.0 by Accept or format")
    @Get(value = "/data/{flow}/{key:[^/]+}{/providerRef}", produces = MediaType.ALL)
    MutableHttpResponse<String> data(
            @PathVariable @Parameter(description = "dataflow: ID, AGENCY,ID or AGENCY,ID,VERSION") String flow,
            @PathVariable @Parameter(description = "e.g. M.N._T.ENTRY+EXIT._T.TJK._T._T._T, or all") String key,
            @PathVariable @Nullable @Parameter(description = "data provider: all (this service is the one provider)")
                    String providerRef,
            @QueryValue @Nullable String startPeriod,
            @QueryValue @Nullable String endPeriod,
            @QueryValue @Nullable @Parameter(description = "TIME_PERIOD (default), a dimension id or AllDimensions")
                    String dimensionAtObservation,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "only the observations changed after this ISO 8601 date-time with offset,"
                                    + " e.g. 2026-03-01T00:00:00Z")
                    String updatedAfter,
            @QueryValue @Nullable @Parameter(description = "SDMX-CSV: id (default) or both (CODE: Name)") String labels,
            @QueryValue
                    @Nullable
                    @Parameter(
                            description = "structurespecificdata (2.1), structurespecificdata-3.0, jsondata, csvdata")
                    String format,
            HttpRequest<?> request,
            @Nullable Authentication authentication) {
        if (providerRef != null && !List.of("all", "*").contains(providerRef)) {
            throw new SdmxNotFoundException("providerRef", "no data provider '" + providerRef + "': use all");
        }
        if (authentication == null && request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            // Wrong credentials must not silently fall back to the public, protected answer.
            return HttpResponse.<String>status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"flow-query\"");
        }
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        SdmxFormat chosen = SdmxFormat.data(format, accept);
        boolean exact = Roles.seesExactFigures(authentication);
        // A '+' (or) in the key may arrive decoded as a space; a key never holds spaces of its own.
        String plainKey = key.replace(' ', '+');
        SdmxService.DataOptions options = new SdmxService.DataOptions(
                startPeriod, endPeriod, dimensionAtObservation, updatedAfter, SdmxService.labels(labels, accept));
        return respond(service.data(flow, plainKey, options, chosen, !exact), true);
    }

    @Operation(summary = "The DSD-specific XML schema (SDMX-ML 3.0) of a dataflow's structure-specific data")
    @Get(value = "/schema/{context}/{agencyID}/{resourceID}{/version}", produces = MediaType.APPLICATION_XML)
    MutableHttpResponse<String> schema(
            @PathVariable String context,
            @PathVariable String agencyID,
            @PathVariable String resourceID,
            @PathVariable @Nullable String version,
            @QueryValue @Nullable String dimensionAtObservation) {
        return respond(service.schema(context, agencyID, resourceID, version, dimensionAtObservation), false);
    }

    static MutableHttpResponse<String> respond(SdmxService.Answer answer, boolean download) {
        MutableHttpResponse<String> response = HttpResponse.ok(answer.body())
                .contentType(answer.mediaType())
                .header("X-As-Of", answer.asOf())
                .header("X-Protected", String.valueOf(answer.isProtected()))
                .header(HttpHeaders.VARY, "Accept, Authorization");
        if (download) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + answer.fileName() + "\"");
        }
        return response;
    }
}
