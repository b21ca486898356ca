package org.borderflows.engine;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.borderflows.domain.RuleSettings;
import org.borderflows.engine.topology.EngineSettings;
import org.borderflows.platform.Deployment;

/** The topology's settings, from the engine's keys, the shared deployment and the deployment's rules. */
@Factory
class EngineBeans {
    @Singleton
    EngineSettings engineSettings(EngineConfiguration configuration, Deployment deployment, RuleSettings rules) {
        return configuration.settings(deployment, rules);
    }
}
