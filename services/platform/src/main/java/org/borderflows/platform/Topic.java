package org.borderflows.platform;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The project's topics, declared once: name, partition count, clean-up policy and retention. The local
 * broker's topic set-up ({@link TopicCreator}), the services and the tests all read this list.
 *
 * <p>Partition counts bound how many instances of a service can share the work: six lets up to six engine
 * instances run side by side. Keys: crossings by traveller pseudonym (so one traveller's crossings stay in
 * order on one partition), compacted outputs by the id of what they describe (corrections overwrite).
 */
public enum Topic {
    /** Raw cards from agencies' own Kafka producers ({@code CardRecord}); the only topic with document numbers,
     * kept one day, until the intake validator has turned them into crossings. The broker stamps each record with
     * its arrival (LogAppendTime), which the intake records as the card's receipt: a backlog the intake works
     * through later still reads as received when it arrived (the stay engine catches up on it). */
    CARD_RECORDS_INBOUND("card-records-inbound", 6, Cleanup.DELETE, Duration.ofDays(1), true),
    /** Accepted crossings ({@code Crossing}), key travellerId. Kept forever: the engine replays from here. */
    CROSSINGS("crossings", 6, Cleanup.DELETE, null),
    /** Records that failed validation ({@code RejectedRecord}), key event id when known. */
    REJECTED_RECORDS("rejected-records", 3, Cleanup.DELETE, Duration.ofDays(365)),
    /** Crossings that arrived later than the engine's re-ordering horizon ({@code Crossing}). */
    LATE_CROSSINGS("late-crossings", 3, Cleanup.DELETE, null),
    /** Spells: stays and absences ({@code Spell}), key spellId, corrections overwrite. */
    SPELLS("spells", 6, Cleanup.COMPACT, null),
    /** 12/16-month rule outcome per crossing ({@code CrossingOutcome}), key eventId. */
    CROSSING_OUTCOMES("crossing-outcomes", 6, Cleanup.COMPACT, null),
    /** Current status per traveller ({@code TravellerStatus}), key travellerId. */
    TRAVELLER_STATUS("traveller-status", 6, Cleanup.COMPACT, null),
    /** Data-quality findings ({@code QualityEvent}), key issue:eventId, null retracts. */
    QUALITY_EVENTS("quality-events", 6, Cleanup.COMPACT, null),
    /** Cells of the published tables ({@code TableCell}), key dataset|month|dimensions; written by the
     * flow-query aggregator, read whole by every query instance. */
    TABLE_CELLS("table-cells", 6, Cleanup.COMPACT, null),
    /** 12/16 estimates as published at the end of each month of the clock ({@code EstimateVintage}), key
     * vintage|month|dimensions; written once per vintage by one flow-query instance (transactional id
     * {@code flow-query-vintages}), read whole by every instance for the revisions table (RULES.md §6). */
    ESTIMATE_VINTAGES("estimate-vintages", 1, Cleanup.COMPACT, null),
    /** The stay engine's processing clock (RULES.md §8): each engine task broadcasts its stream time to every
     * partition, so the clock of a quiet partition advances too. Partition count MUST equal CROSSINGS'. */
    ENGINE_CLOCK("engine-clock", 6, Cleanup.DELETE, Duration.ofDays(7));

    public enum Cleanup {
        DELETE,
        COMPACT
    }

    private final String topicName;
    private final int partitions;
    private final Cleanup cleanup;
    private final Duration retention;
    private final boolean arrivalTime;

    Topic(String topicName, int partitions, Cleanup cleanup, Duration retention) {
        this(topicName, partitions, cleanup, retention, false);
    }

    Topic(String topicName, int partitions, Cleanup cleanup, Duration retention, boolean arrivalTime) {
        this.topicName = topicName;
        this.partitions = partitions;
        this.cleanup = cleanup;
        this.retention = retention;
        this.arrivalTime = arrivalTime;
    }

    /** The topic's name on the cluster. */
    public String topicName() {
        return topicName;
    }

    public int partitions() {
        return partitions;
    }

    public Cleanup cleanup() {
        return cleanup;
    }

    /** The topic as the Admin client creates it, with the given replication factor. */
    public NewTopic newTopic(short replication) {
        String policy =
                cleanup == Cleanup.COMPACT ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE;
        String retentionMs = retention == null ? "-1" : String.valueOf(retention.toMillis());
        Map<String, String> configs = new TreeMap<>(
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, policy, TopicConfig.RETENTION_MS_CONFIG, retentionMs));
        if (arrivalTime) {
            configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
        }
        return new NewTopic(topicName, partitions, replication).configs(configs);
    }
}
