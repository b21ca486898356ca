/**
 * Cards for the running system's benchmarks: {@link org.borderflows.benchmarks.cards.SyntheticCards} writes card
 * files ({@code deploy/bench/loader-throughput.sh}, {@code gateway-throughput.sh}); {@link
 * org.borderflows.benchmarks.cards.Freshness} sends simulated cards at a fixed rate and times them to the tables
 * ({@code freshness.sh}).
 */
package org.borderflows.benchmarks.cards;
