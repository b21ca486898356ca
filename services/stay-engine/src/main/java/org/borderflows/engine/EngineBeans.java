package org.borderflows.engine;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.borderflows.engine.topology.EngineSettings;
import org.borderflows.platform.Deployment;

/** The topology's settings, from the engine's keys and the shared deployment. */
@Factory
class EngineBeans {
    @Singleton
    EngineSettings engineSettings(EngineConfiguration configuration, Deployment deployment) {
        return configuration.settings(deployment);
    }
}
