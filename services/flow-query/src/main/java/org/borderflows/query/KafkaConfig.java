package org.borderflows.query;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Kafka side of the service (prefix {@code flow-query.kafka}); how to reach Kafka is the shared
 * {@code border-flows.kafka.*} ({@link org.borderflows.platform.config.KafkaConfiguration}).
 *
 * @param enabled false runs the API on an empty cube (tests that feed the cube themselves)
 * @param stateDir Kafka Streams state directory of the aggregator
 * @param aggregate false: only read the table-cells topic (a read-only replica), do not run the aggregator
 * @param commitIntervalMs the aggregator's commit interval (exactly-once: its output is visible on commit; cell
 *     deltas are summed per cell over it before the repartition)
 * @param streamThreads stream threads of the aggregator
 */
@ConfigurationProperties("flow-query.kafka")
public record KafkaConfig(
        boolean enabled, String stateDir, boolean aggregate, long commitIntervalMs, int streamThreads) {}
