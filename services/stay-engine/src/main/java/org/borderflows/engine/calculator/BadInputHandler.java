package org.borderflows.engine.calculator;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

/**
 * 400 for a {@link BadInput}: the engine's problem body ({@code message}, as in its other answers) with the
 * {@code field} and the {@code reason} apart, so that a client can point at the field.
 */
@Produces
@Singleton
@Requires(classes = {BadInput.class, ExceptionHandler.class})
public class BadInputHandler implements ExceptionHandler<BadInput, HttpResponse<BadInputHandler.FieldProblem>> {

    @Serdeable
    public record FieldProblem(String message, String field, String reason) {}

    @Override
    public HttpResponse<FieldProblem> handle(HttpRequest request, BadInput e) {
        return badRequest(e);
    }

    static MutableHttpResponse<FieldProblem> badRequest(BadInput e) {
        return HttpResponse.badRequest(new FieldProblem(e.getMessage(), e.field(), e.reason()));
    }
}
