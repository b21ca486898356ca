package org.borderflows.engine;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import org.borderflows.domain.RuleSettings;
import org.borderflows.engine.topology.EngineSettings;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.config.ServiceKeys;

/**
 * The engine's own keys, {@code border-flows.engine.*} (defaults and variables in application.yml, documented in
 * docs/configuration.md). Kafka, deployment and pseudonym key are the shared records of
 * {@code org.borderflows.platform.config}. Bound at start-up: a missing or malformed key stops the engine with a
 * message naming it.
 *
 * @param applicationId Kafka Streams application id (consumer group, changelog and internal topic prefix)
 * @param stateDir RocksDB state directory of this instance
 * @param horizonDays how late a crossing may arrive and still be matched in order (RULES.md §3)
 * @param catchUpBehind crossings received longer ago than this are processed catching up (0s: never)
 * @param applicationServer host:port other instances use to reach this one; blank: localhost and the server port
 * @param createTopics create missing project topics (replication 1) at start-up, for local runs
 * @param rocksdbMemoryMb off-heap memory, in MiB, that all RocksDB stores of this instance share (block cache and
 *     memtables, {@link org.borderflows.platform.streams.BoundedRocksDbMemory})
 * @param calculator the stay calculator's limits ({@code border-flows.engine.calculator.*})
 */
@Context
@ConfigurationProperties(EngineConfiguration.PREFIX)
public record EngineConfiguration(
        @Nullable String applicationId,
        @Nullable String stateDir,
        @Nullable Integer horizonDays,
        @Nullable Duration catchUpBehind,
        @Nullable String applicationServer,
        boolean createTopics,
        @Nullable Integer rocksdbMemoryMb,
        @Nullable Calculator calculator) {
    static final String PREFIX = "border-flows.engine";
    private static final ServiceKeys KEYS = new ServiceKeys(PREFIX);

    public EngineConfiguration {
        KEYS.require(applicationId, "application-id");
        KEYS.require(stateDir, "state-dir");
        KEYS.require(horizonDays, "horizon-days");
        KEYS.require(catchUpBehind, "catch-up-behind");
        KEYS.require(rocksdbMemoryMb, "rocksdb-memory-mb");
        KEYS.require(calculator, "calculator.max-travellers");
        if (horizonDays < 0) {
            throw KEYS.invalid("horizon-days", "must not be negative, got " + horizonDays);
        }
        if (rocksdbMemoryMb < 1) {
            throw KEYS.invalid("rocksdb-memory-mb", "must be at least 1, got " + rocksdbMemoryMb);
        }
        if (catchUpBehind.isNegative()) {
            throw KEYS.invalid("catch-up-behind", "must not be negative, got " + catchUpBehind);
        }
        applicationServer = applicationServer == null || applicationServer.isBlank() ? null : applicationServer.trim();
    }

    /** The stay calculator's limits. */
    @ConfigurationProperties("calculator")
    public record Calculator(@Nullable Integer maxTravellers) {
        public Calculator {
            KEYS.require(maxTravellers, "calculator.max-travellers");
            if (maxTravellers < 1) {
                throw KEYS.invalid("calculator.max-travellers", "must be at least 1, got " + maxTravellers);
            }
        }
    }

    /** The topology's settings in this deployment, running {@code rules} ({@code border-flows.rules.*}). */
    public EngineSettings settings(Deployment deployment, RuleSettings rules) {
        return new EngineSettings(applicationId, deployment, rules, horizonDays, "", catchUpBehind);
    }

    /** The bytes all RocksDB stores of this instance share. */
    public long rocksdbMemoryBytes() {
        return (long) rocksdbMemoryMb << 20;
    }

    /** host:port other instances use to reach this one (Kafka Streams {@code application.server}). */
    public String reachableAt(int serverPort) {
        return applicationServer != null ? applicationServer : "localhost:" + serverPort;
    }
}
