/**
 * border-simulator, what tells whether border-flows is right: {@link org.borderflows.simulator.BorderSimulator}
 * (simulated border posts and their ground truth) and {@link org.borderflows.simulator.AccuracyReport} (the engine and
 * the tables against the truth). How fast it is: the {@code benchmarks} module.
 */
package org.borderflows.simulator;
