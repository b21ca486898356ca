/**
 * For {@code deploy/bench/engine-backfill.sh}: {@link org.borderflows.benchmarks.engine.BenchProducer} fills a bench
 * topic with the stay engine's test itineraries ({@code SyntheticCrossings}) in the order of {@link
 * org.borderflows.benchmarks.engine.BenchLayout}; {@link org.borderflows.benchmarks.engine.BenchStreams} times the
 * engine beside a count-per-key app and Kafka's floor for the engine's records out.
 */
package org.borderflows.benchmarks.engine;
