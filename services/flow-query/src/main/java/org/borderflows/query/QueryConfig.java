package org.borderflows.query;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Settings of the query service (application.yml, prefix {@code flow-query}); the reporting country and its time
 * zone are the shared {@code border-flows.deployment.*}.
 *
 * @param protectionKey key of the HMAC that draws the random rounding of a protected cell (RULES.md §10)
 * @param estimatorMinCohort the most crossings' worth of weight a §6 group's coarser group lends it (shrinkage, at
 *     least 1)
 * @param maxStalenessMs how long a cached answer may be served after the cube changed (while recomputed)
 * @param refreshAheadMs how old a changed answer must be before it is recomputed in the background (at least 10
 *     times its computation time, at most half of {@code maxStalenessMs})
 * @param vintageMinMonthSeconds how long this instance must have seen the clock in a month for that month's estimates
 *     to be kept as published when it ends (RULES.md §6 revisions): a month a replay passes in less was never read
 */
@ConfigurationProperties("flow-query")
public record QueryConfig(
        String protectionKey,
        int estimatorMinCohort,
        long maxStalenessMs,
        long refreshAheadMs,
        long vintageMinMonthSeconds) {
    public static final String DEV_PROTECTION_KEY = "dev-only-protection-key";
}
