/**
 * The stay engine's Kafka Streams topology, free of Micronaut: {@link org.borderflows.engine.topology.StayTopology}
 * (builds it), {@link org.borderflows.engine.topology.TravellerProcessor} (per traveller: apply, evaluate with the
 * domain rules, write what changed, review at the processing clock), {@link
 * org.borderflows.engine.topology.ClockProcessor} and {@link org.borderflows.engine.topology.EventTime} (the clock),
 * {@link org.borderflows.engine.topology.TravellerState} (the stored state) and {@link
 * org.borderflows.engine.topology.EngineSettings}.
 */
package org.borderflows.engine.topology;
