package org.borderflows.k8s;

import static org.borderflows.platform.Topic.CARD_RECORDS_INBOUND;
import static org.borderflows.platform.Topic.CROSSINGS;
import static org.borderflows.platform.Topic.CROSSING_OUTCOMES;
import static org.borderflows.platform.Topic.ENGINE_CLOCK;
import static org.borderflows.platform.Topic.ESTIMATE_VINTAGES;
import static org.borderflows.platform.Topic.LATE_CROSSINGS;
import static org.borderflows.platform.Topic.QUALITY_EVENTS;
import static org.borderflows.platform.Topic.REJECTED_RECORDS;
import static org.borderflows.platform.Topic.SPELLS;
import static org.borderflows.platform.Topic.TABLE_CELLS;
import static org.borderflows.platform.Topic.TRAVELLER_STATUS;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.borderflows.platform.Topic;

/**
 * What each Kafka user may do, and nothing more: the topics it reads and writes and, for a Kafka Streams
 * application, its application id (consumer group, transactional ids and internal topics all start with it).
 * {@link StrimziResources} turns this list into Strimzi {@code KafkaUser} resources with simple ACLs.
 *
 * @param user the KafkaUser name; Strimzi's User Operator creates a Secret of the same name with its SCRAM
 *     credentials
 * @param reads topics the user consumes
 * @param writes topics the user produces to
 * @param streamsApplicationId the Kafka Streams {@code application.id} the user runs, if any
 */
public record KafkaAccess(String user, Set<Topic> reads, Set<Topic> writes, Optional<String> streamsApplicationId) {

    /** Every Kafka user of the system. */
    public static final List<KafkaAccess> ALL = List.of(
            // The only reader of the raw inbound topic (document numbers): it validates and pseudonymises the
            // cards (inbound intake, a Kafka Streams app) and publishes the HTTP intake's crossings.
            new KafkaAccess(
                    "card-gateway",
                    Set.of(CARD_RECORDS_INBOUND),
                    Set.of(CROSSINGS, REJECTED_RECORDS),
                    Optional.of("card-gateway-inbound")),
            // engine-clock: an archive load's completion records (card-loader --archive, RULES.md §8)
            new KafkaAccess(
                    "card-loader", Set.of(), Set.of(CROSSINGS, REJECTED_RECORDS, ENGINE_CLOCK), Optional.empty()),
            new KafkaAccess(
                    "stay-engine",
                    Set.of(CROSSINGS, ENGINE_CLOCK),
                    Set.of(SPELLS, CROSSING_OUTCOMES, TRAVELLER_STATUS, QUALITY_EVENTS, LATE_CROSSINGS, ENGINE_CLOCK),
                    Optional.of("stay-engine")),
            // The aggregator (a Kafka Streams app) writes table-cells; every instance reads it and the estimate
            // vintages whole by partition assignment, without a consumer group; one instance at a time writes a
            // vintage, with a transactional id under the application id's prefix.
            new KafkaAccess(
                    "flow-query",
                    Set.of(
                            CROSSINGS,
                            REJECTED_RECORDS,
                            SPELLS,
                            CROSSING_OUTCOMES,
                            QUALITY_EVENTS,
                            TABLE_CELLS,
                            ESTIMATE_VINTAGES),
                    Set.of(TABLE_CELLS, ESTIMATE_VINTAGES),
                    Optional.of("flow-query-aggregator")),
            // An agency's own producer of raw cards: one such user per agency, this one is the template.
            new KafkaAccess("agency-producer", Set.of(), Set.of(CARD_RECORDS_INBOUND), Optional.empty()));

    public KafkaAccess {
        reads = Set.copyOf(reads);
        writes = Set.copyOf(writes);
    }
}
