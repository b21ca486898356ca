/**
 * The stay engine's Kafka Streams topology, free of Micronaut: {@link org.borderflows.engine.topology.StayTopology}
 * (builds it), {@link org.borderflows.engine.topology.TravellerProcessor} (per traveller: apply, evaluate with the
 * domain rules at the processing clock, write what changed) with its parts {@link
 * org.borderflows.engine.topology.TaskClock}, {@link org.borderflows.engine.topology.HeldStates}, {@link
 * org.borderflows.engine.topology.OutputChanges} and {@link org.borderflows.engine.topology.OutputBuffer}, {@link
 * org.borderflows.engine.topology.ClockProcessor} and {@link org.borderflows.engine.topology.EventTime} (the clock),
 * {@link org.borderflows.engine.topology.TravellerState} (the stored state) and {@link
 * org.borderflows.engine.topology.EngineSettings}.
 */
package org.borderflows.engine.topology;
