/**
 * Benchmark only, for {@code deploy/bench/engine-backfill.sh}: {@link org.borderflows.engine.bench.BenchProducer} fills
 * a bench topic with {@link org.borderflows.engine.bench.SyntheticCrossings} in the order of {@link
 * org.borderflows.engine.bench.BenchLayout}; {@link org.borderflows.engine.bench.BenchStreams} times the engine beside
 * a count-per-key app and Kafka's floor for the engine's records out.
 */
package org.borderflows.engine.bench;
