package org.borderflows.engine.topology;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.borderflows.domain.RuleSettings;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.Topic;

/**
 * What the stay-engine topology needs to know, free of any framework.
 *
 * @param applicationId the Kafka Streams application id; also the key of this engine's ticks on the clock topic,
 *     so two applications sharing a cluster never move each other's clocks
 * @param deployment reporting country and time zone (RULES.md §1): a stream time becomes a clock date there
 * @param rules the thresholds of RULES.md §3-§5, §7
 * @param horizonDays how far behind the processing clock an out-of-order crossing may arrive and still be put in
 *     its place (default 30); older ones go to the late-crossings topic (RULES.md §9 "late records")
 * @param topicPrefix put before every topic name the engine reads or writes; empty in every deployment, set only
 *     by the benchmark so that its synthetic data never mixes with the real topics
 * @param catchUpBehind a task whose crossings were received longer ago than this is catching up: it defers its
 *     outputs and writes each traveller's latest values once ({@link CatchUp}) until a crossing received less than
 *     half of it ago comes; zero: never (every crossing's values are written at the next commit)
 */
public record EngineSettings(
        String applicationId,
        Deployment deployment,
        RuleSettings rules,
        int horizonDays,
        String topicPrefix,
        Duration catchUpBehind) {
    public static final int DEFAULT_HORIZON_DAYS = 30;

    /** Well above a live engine's delay (freshness p99 under 2 s), well below a replay's. */
    public static final Duration DEFAULT_CATCH_UP_BEHIND = Duration.ofSeconds(30);

    public EngineSettings {
        if (applicationId == null || applicationId.isBlank()) {
            throw new IllegalArgumentException("the engine's application id must not be empty");
        }
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        if (horizonDays < 0) {
            throw new IllegalArgumentException("horizonDays must not be negative, got " + horizonDays);
        }
        if (catchUpBehind == null || catchUpBehind.isNegative()) {
            throw new IllegalArgumentException("catchUpBehind must be zero or positive, got " + catchUpBehind);
        }
    }

    /** RULES.md defaults for a deployment, horizon 30 days, catching up 30 s behind. */
    public static EngineSettings defaults(String applicationId, Deployment deployment) {
        return new EngineSettings(
                applicationId,
                deployment,
                RuleSettings.defaults(deployment.reportingCountry()),
                DEFAULT_HORIZON_DAYS,
                "",
                DEFAULT_CATCH_UP_BEHIND);
    }

    public EngineSettings withHorizonDays(int days) {
        return new EngineSettings(applicationId, deployment, rules, days, topicPrefix, catchUpBehind);
    }

    public EngineSettings withTopicPrefix(String prefix) {
        return new EngineSettings(applicationId, deployment, rules, horizonDays, prefix, catchUpBehind);
    }

    public EngineSettings withCatchUpBehind(Duration behind) {
        return new EngineSettings(applicationId, deployment, rules, horizonDays, topicPrefix, behind);
    }

    /** True when a crossing received at {@code receivedAtMs} puts a live task into catching up. */
    boolean catchingUp(long receivedAtMs, long wallClockMs) {
        return !catchUpBehind.isZero() && wallClockMs - receivedAtMs > catchUpBehind.toMillis();
    }

    /**
     * True when a crossing received at {@code receivedAtMs} makes a catching-up task live again: received less than
     * half of {@code catchUpBehind} ago. The gap keeps a task that hovers about the threshold (its intake as slow as
     * it, the crossings of its partition received out of order) from switching, and publishing, at every swing.
     */
    boolean caughtUp(long receivedAtMs, long wallClockMs) {
        return catchUpBehind.isZero() || wallClockMs - receivedAtMs < catchUpBehind.toMillis() / 2;
    }

    /** The name of a topic for this engine. */
    public String topic(Topic topic) {
        return topicPrefix + topic.topicName();
    }

    /** The processing clock as a date (RULES.md §8: day arithmetic works on local dates). */
    public LocalDate clockDate(long streamTimeMs) {
        return deployment.localDate(Instant.ofEpochMilli(streamTimeMs));
    }
}
