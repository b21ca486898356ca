/**
 * Benchmark only: {@link org.borderflows.loader.bench.SyntheticCards} writes synthetic card files for {@code
 * deploy/bench/loader-throughput.sh}.
 */
package org.borderflows.loader.bench;
