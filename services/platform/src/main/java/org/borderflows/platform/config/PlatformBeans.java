package org.borderflows.platform.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.borderflows.domain.RuleSettings;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.TravellerPseudonymiser;

/** What the Micronaut services inject, made from the shared configuration records. */
@Factory
public class PlatformBeans {

    @Singleton
    Deployment deployment(DeploymentConfiguration configuration) {
        return configuration.deployment();
    }

    /** The rules every service of the deployment runs (RULES.md §3-§7 with this deployment's parameters). */
    @Singleton
    RuleSettings ruleSettings(RulesConfiguration rules, DeploymentConfiguration deployment) {
        return rules.settings(deployment.reportingCountry());
    }

    @Singleton
    KafkaSettings kafkaSettings(KafkaConfiguration configuration) {
        return configuration.settings();
    }

    /** Made when a service first needs it (flow-query never does), so only then the development key is warned of. */
    @Singleton
    TravellerPseudonymiser pseudonymiser(PseudonymConfiguration configuration) {
        return configuration.pseudonymiser();
    }
}
