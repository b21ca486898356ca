package org.borderflows.query.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;

/** Per-person list of suspected in-country overstayers (RULES.md §7, EES Art. 12): border agency only. */
@Controller("/api/v1")
@Secured(Roles.AGENCY)
@ExecuteOn(TaskExecutors.BLOCKING)
class OverstayerController {
    private final QueryService service;

    OverstayerController(QueryService service) {
        this.service = service;
    }

    @Operation(summary = "Suspected in-country overstayers (pseudonymous traveller ids), agency role only")
    @Get(uri = "/overstayers", produces = MediaType.APPLICATION_JSON)
    String overstayers(@Nullable @QueryValue String borderPost, @Nullable @QueryValue String citizenship) {
        return service.overstayers(borderPost, citizenship);
    }
}
