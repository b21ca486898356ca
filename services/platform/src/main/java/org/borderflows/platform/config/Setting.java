package org.borderflows.platform.config;

import java.util.Map;

/**
 * One setting shared by the services: its configuration key (what the Micronaut services bind, and what every
 * message names), the environment variable each {@code application.yml} maps to it and the command-line programs
 * read directly, and the default the command-line programs take when the variable is not set (the services' defaults
 * are in their {@code application.yml}, next to the same variable).
 *
 * @param key the full configuration key, e.g. {@code border-flows.deployment.time-zone}
 * @param variable the environment variable, e.g. {@code BORDER_FLOWS_TIME_ZONE}
 * @param defaultValue the command-line programs' value without the variable; null: none
 */
public record Setting(String key, String variable, String defaultValue) {

    /** The variable's value in {@code environment}, or the default when it is not set. */
    public String from(Map<String, String> environment) {
        String value = environment.get(variable);
        return value == null ? defaultValue : value;
    }

    /** A malformed or missing value of this setting, with a message naming its key and variable. */
    public InvalidSettingException invalid(String problem) {
        return new InvalidSettingException(this, problem, null);
    }

    /** As {@link #invalid(String)}, keeping the cause. */
    public InvalidSettingException invalid(String problem, Throwable cause) {
        return new InvalidSettingException(this, problem, cause);
    }
}
