package org.borderflows.query.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.borderflows.query.tables.BadQueryException;
import org.borderflows.query.tables.Json;

/** A question the service cannot answer: 400 with the parameter and a clear reason. */
@Produces
@Singleton
@Requires(classes = {BadQueryException.class, ExceptionHandler.class})
class BadQueryHandler implements ExceptionHandler<BadQueryException, HttpResponse<String>> {
    @Override
    public HttpResponse<String> handle(HttpRequest request, BadQueryException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("parameter", e.parameter());
        return HttpResponse.<String>badRequest(Json.value(body)).contentType(MediaType.APPLICATION_JSON);
    }
}
