/**
 * Kafka Streams helpers: {@link org.borderflows.platform.streams.BeforeCommit} lets a processor write what it holds in
 * memory just before each commit, inside the commit's transaction (stay engine, flow-query aggregator).
 */
package org.borderflows.platform.streams;
