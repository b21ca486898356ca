package org.borderflows.platform.security;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.platform.DevelopmentDefaults;

/**
 * A user of a service's HTTP API with basic authentication, from {@code border-flows.security.users.<name>.password}
 * and {@code .roles} (the stay engine's agency, flow-query's statistician and agency). Each service maps the
 * passwords to its variables in its application.yml, with a development default refused outside the local
 * environment.
 */
@EachProperty("border-flows.security.users")
public record ServiceUser(@Parameter String name, @Nullable String password, @Nullable List<String> roles) {
    public static final String PREFIX = "border-flows.security.users.";

    public ServiceUser {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** The users whose password is still the development default, named by key and by {@code variablePrefix}. */
    public static List<DevelopmentDefaults.InUse> developmentPasswords(List<ServiceUser> users, String variablePrefix) {
        Map<String, String> passwords = new LinkedHashMap<>();
        users.forEach(u -> passwords.put(u.name(), u.password()));
        return DevelopmentDefaults.passwords(PREFIX, variablePrefix, passwords);
    }

    @Override
    public String toString() {
        return "ServiceUser[" + name + ", roles=" + roles + "]"; // never the password
    }
}
