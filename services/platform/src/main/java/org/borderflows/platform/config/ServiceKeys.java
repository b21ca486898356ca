package org.borderflows.platform.config;

/**
 * The checks of a service's own keys under one prefix ({@code border-flows.engine}, {@code border-flows.gateway},
 * ...), whose defaults are in the service's application.yml: a missing or malformed one stops the service with a
 * message starting with the full key, as the shared settings' do.
 *
 * @param prefix the keys' prefix, without the final dot
 */
public record ServiceKeys(String prefix) {

    /** Fails naming {@code prefix.key} when the value is missing or blank. */
    public void require(Object value, String key) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw invalid(key, "not set");
        }
    }

    /** A malformed value of {@code prefix.key}. */
    public IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException(prefix + "." + key + ": " + problem);
    }
}
