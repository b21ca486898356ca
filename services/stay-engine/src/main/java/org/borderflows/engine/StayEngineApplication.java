package org.borderflows.engine;

import io.micronaut.runtime.Micronaut;

/** Starts the stay engine: the Kafka Streams topology, its health indicator and the agency status query. */
public final class StayEngineApplication {
    private StayEngineApplication() {}

    public static void main(String[] args) {
        Micronaut.run(StayEngineApplication.class, args);
    }
}
