/**
 * stay-engine, the Micronaut service around the engine's topology: {@link org.borderflows.engine.StayEngineApplication}
 * (main), {@link org.borderflows.engine.StayEngine} (runs the Kafka Streams application), {@link
 * org.borderflows.engine.EngineConfiguration} (configuration keys) and the border agency's traveller status query
 * ({@link org.borderflows.engine.TravellerStatusController}, forwarded to the owning instance by {@link
 * org.borderflows.engine.StatusForwarder}).
 */
package org.borderflows.engine;
