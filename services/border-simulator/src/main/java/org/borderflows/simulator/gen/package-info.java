/**
 * The simulated world: {@link org.borderflows.simulator.gen.PopulationGenerator} draws travellers ({@link
 * org.borderflows.simulator.gen.Persona}) and their real itineraries, {@link org.borderflows.simulator.gen.Simulation}
 * turns them into cards in delivery order with injected {@link org.borderflows.simulator.gen.Fault}s; deterministic for
 * a seed.
 */
package org.borderflows.simulator.gen;
