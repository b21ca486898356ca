package org.borderflows.engine;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.List;

/**
 * A user of the status query, from {@code border-flows.security.users.<name>.password} and {@code .roles}.
 * The development default (agency / agency-dev-password) is in application.yml; override it outside the demo.
 */
@EachProperty("border-flows.security.users")
public record AgencyUser(@Parameter String name, String password, List<String> roles) {
    @Override
    public String toString() {
        return "AgencyUser[" + name + ", roles=" + roles + "]"; // never the password
    }
}
