package org.borderflows.platform;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a service may start on the development defaults of its secrets (the public pseudonym key, the
 * {@code *-dev-password} passwords, the development protection key, the {@code dev-*} API keys). They are allowed
 * only in the local environment ({@code MICRONAUT_ENVIRONMENTS=local}, as deploy/local/run-all.sh sets it), in
 * Micronaut's {@code test} environment, or when explicitly allowed with {@code BORDER_FLOWS_ALLOW_DEVELOPMENT_DEFAULTS=true}
 * (property {@value #ALLOW_PROPERTY}); anywhere else the service refuses to start and names the settings to set.
 */
public final class DevelopmentDefaults {
    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentDefaults.class);

    public static final String ALLOW_PROPERTY = "border-flows.allow-development-defaults";
    public static final String ALLOW_VARIABLE = "BORDER_FLOWS_ALLOW_DEVELOPMENT_DEFAULTS";
    /** The environments whose development defaults are accepted: the local run and Micronaut's tests. */
    public static final Set<String> LOCAL_ENVIRONMENTS = Set.of("local", "test");

    /** A setting left at its development default: its key and the environment variable that sets it. */
    public record InUse(String key, String variable) {
        @Override
        public String toString() {
            return key + " (" + variable + ")";
        }
    }

    /** The passwords application.yml ships for the local demo end with this. */
    public static final String PASSWORD_SUFFIX = "-dev-password";

    private final boolean allowed;
    private final String reason;

    private DevelopmentDefaults(boolean allowed, String reason) {
        this.allowed = allowed;
        this.reason = reason;
    }

    /** From the active environment names (Micronaut's) and the explicit allow flag. */
    public static DevelopmentDefaults of(Collection<String> activeEnvironments, boolean allowFlag) {
        if (allowFlag) {
            return new DevelopmentDefaults(true, ALLOW_PROPERTY + " is true");
        }
        for (String environment : activeEnvironments) {
            if (LOCAL_ENVIRONMENTS.contains(environment.trim().toLowerCase(Locale.ROOT))) {
                return new DevelopmentDefaults(true, "the environment '" + environment.trim() + "' is active");
            }
        }
        return new DevelopmentDefaults(false, "");
    }

    /** For programs without Micronaut: MICRONAUT_ENVIRONMENTS (comma-separated) and BORDER_FLOWS_ALLOW_DEVELOPMENT_DEFAULTS. */
    public static DevelopmentDefaults fromEnvironment() {
        String environments = System.getenv().getOrDefault("MICRONAUT_ENVIRONMENTS", "");
        return of(
                Arrays.asList(environments.split(",")),
                Boolean.parseBoolean(System.getenv().getOrDefault(ALLOW_VARIABLE, "false")));
    }

    /**
     * The password settings of basic-auth users left at a development default: key {@code keyPrefix + user +
     * ".password"}, variable {@code variablePrefix + USER + "_PASSWORD"}.
     */
    public static List<InUse> passwords(String keyPrefix, String variablePrefix, Map<String, String> passwordByUser) {
        return passwordByUser.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().endsWith(PASSWORD_SUFFIX))
                .map(e -> new InUse(
                        keyPrefix + e.getKey() + ".password",
                        variablePrefix + e.getKey().toUpperCase(Locale.ROOT) + "_PASSWORD"))
                .toList();
    }

    /**
     * Refuses the development defaults in use unless they are allowed: throws naming each setting; when allowed,
     * logs a warning naming them.
     */
    public void check(String service, List<InUse> inUse) {
        if (inUse.isEmpty()) {
            return;
        }
        String settings = inUse.stream().map(InUse::toString).collect(Collectors.joining(", "));
        if (!allowed) {
            throw new IllegalStateException(service + " refuses to start on development defaults of its secrets: set "
                    + settings + ". They are accepted only in the local environment (MICRONAUT_ENVIRONMENTS=local)"
                    + " or with " + ALLOW_VARIABLE + "=true (" + ALLOW_PROPERTY + ").");
        }
        LOG.warn("{} runs on development defaults ({}): {}. Never outside a local demo.", service, reason, settings);
    }
}
