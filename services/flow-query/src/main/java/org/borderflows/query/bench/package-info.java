/**
 * Benchmark only: {@link org.borderflows.query.bench.QueryLatencyBench} and {@link
 * org.borderflows.query.bench.CubeSizeBench} over a {@link org.borderflows.query.bench.SyntheticCube}, {@link
 * org.borderflows.query.bench.AggregatorReplay} (the aggregator over recorded engine outputs) and {@link
 * org.borderflows.query.bench.OutcomeRevisions} (which fields re-published outcomes change).
 */
package org.borderflows.query.bench;
