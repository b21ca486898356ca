/**
 * The Kafka-native intake of {@code card-records-inbound}: {@link org.borderflows.gateway.inbound.InboundTopology}
 * (validate and pseudonymise each {@code CardRecord}, exactly-once), run by {@link
 * org.borderflows.gateway.inbound.InboundStreams} and reported by {@link
 * org.borderflows.gateway.inbound.InboundHealth}.
 */
package org.borderflows.gateway.inbound;
