package org.borderflows.query;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Settings of the query service (application.yml, prefix {@code flow-query}).
 *
 * @param protectionKey key of the HMAC that draws the random rounding of a protected cell (RULES.md §10)
 * @param estimatorMinCohort crossings' worth of weight a §6 group's coarser group lends it (shrinkage, at least 1)
 * @param timeZone the reporting country's zone, for dating rejected records
 * @param maxStalenessMs how long a cached answer may be served after the cube changed (while recomputed)
 * @param refreshAheadMs how old a changed answer must be before it is recomputed in the background (at least 10
 *     times its computation time, at most half of {@code maxStalenessMs})
 */
@ConfigurationProperties("flow-query")
public record QueryConfig(
        String protectionKey, int estimatorMinCohort, String timeZone, long maxStalenessMs, long refreshAheadMs) {
    public static final String DEV_PROTECTION_KEY = "dev-only-protection-key";
}
