/**
 * border-simulator, what tells whether border-flows is right and how fast: {@link
 * org.borderflows.simulator.BorderSimulator} (simulated border posts and their ground truth), {@link
 * org.borderflows.simulator.AccuracyReport} (the engine and the tables against the truth) and {@link
 * org.borderflows.simulator.Freshness} (card to table latency).
 */
package org.borderflows.simulator;
