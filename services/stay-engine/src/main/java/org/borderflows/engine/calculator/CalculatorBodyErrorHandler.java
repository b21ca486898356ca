package org.borderflows.engine.calculator;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * A calculator body that is not JSON, or not of the expected shape (a list where a list belongs, text elsewhere):
 * the calculator's 400 naming the body ({@link BadInputHandler}), without echoing what was sent. Any other
 * route keeps Micronaut's answer.
 */
@Produces
@Singleton
@Replaces(ConversionErrorHandler.class)
public class CalculatorBodyErrorHandler extends ConversionErrorHandler {
    private static final String CALCULATOR = "/api/v1/stay-calculator";

    public CalculatorBodyErrorHandler(ErrorResponseProcessor<?> responseProcessor) {
        super(responseProcessor);
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
        if (!request.getPath().startsWith(CALCULATOR)) {
            return super.handle(request, exception);
        }
        return BadInputHandler.badRequest(new BadInput(
                exception.getArgument().getName(),
                "not JSON of the expected shape: travellers and plannedStays are lists of objects, every value is"
                        + " text (dates YYYY-MM-DD)"));
    }
}
