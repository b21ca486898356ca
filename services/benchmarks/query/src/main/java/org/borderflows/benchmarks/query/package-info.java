/**
 * flow-query's benchmarks: {@link org.borderflows.benchmarks.query.QueryLatencyBench} and {@link
 * org.borderflows.benchmarks.query.CubeSizeBench} over a {@link org.borderflows.benchmarks.query.SyntheticCube},
 * {@link org.borderflows.benchmarks.query.AggregatorReplay} (the aggregator over recorded engine outputs), {@link
 * org.borderflows.benchmarks.query.OutcomeRevisions} (which fields re-published outcomes change) and {@link
 * org.borderflows.benchmarks.query.FreshnessBench} (engine output to cube, on an in-process broker).
 */
package org.borderflows.benchmarks.query;
