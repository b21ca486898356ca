package org.borderflows.query;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Entry point of the flow-query service: flow tables (RULES.md §9-§10), query API and dashboard. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "flow-query",
                        version = "1",
                        description = "border-flows published tables (RULES.md §9), protected for the public (§10)"))
public final class Application {
    private Application() {}

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
