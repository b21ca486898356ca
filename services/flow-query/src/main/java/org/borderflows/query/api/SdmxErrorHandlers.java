package org.borderflows.query.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.borderflows.query.sdmx.SdmxFormat;
import org.borderflows.query.sdmx.SdmxNotFoundException;
import org.borderflows.query.tables.Json;

/** SDMX errors in the shape of the query API's: {@code {"error": ..., "parameter": ...}}. */
final class SdmxErrorHandlers {
    private SdmxErrorHandlers() {}

    static HttpResponse<String> error(HttpStatus status, String message, String parameter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("parameter", parameter);
        return HttpResponse.<String>status(status).body(Json.value(body)).contentType(MediaType.APPLICATION_JSON);
    }

    /** No such dataflow, structure or agency: 404, as SDMX REST answers. */
    @Produces
    @Singleton
    @Requires(classes = {SdmxNotFoundException.class, ExceptionHandler.class})
    static class NotFound implements ExceptionHandler<SdmxNotFoundException, HttpResponse<String>> {
        @Override
        public HttpResponse<String> handle(HttpRequest request, SdmxNotFoundException e) {
            return error(HttpStatus.NOT_FOUND, e.getMessage(), e.parameter());
        }
    }

    /** The Accept header names no format served: 406. */
    @Produces
    @Singleton
    @Requires(classes = {SdmxFormat.NotAcceptableException.class, ExceptionHandler.class})
    static class NotAcceptable implements ExceptionHandler<SdmxFormat.NotAcceptableException, HttpResponse<String>> {
        @Override
        public HttpResponse<String> handle(HttpRequest request, SdmxFormat.NotAcceptableException e) {
            return error(HttpStatus.NOT_ACCEPTABLE, e.getMessage(), "Accept");
        }
    }
}
