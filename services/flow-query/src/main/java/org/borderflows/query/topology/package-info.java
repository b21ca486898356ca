/**
 * The flow-table aggregator, a Kafka Streams topology free of Micronaut: {@link
 * org.borderflows.query.topology.FlowTableTopology} (builds it), {@link org.borderflows.query.topology.Contribution}
 * (the cells an engine value falls into, one per dataset, given by the datasets' definitions in {@code tables}), {@link org.borderflows.query.topology.CorrectionProcessor} (deltas between a
 * key's old and new cells), {@link org.borderflows.query.topology.DeltaCombiner} (sums per commit). It writes {@code table-cells}; the {@code tables} package reads them.
 */
package org.borderflows.query.topology;
