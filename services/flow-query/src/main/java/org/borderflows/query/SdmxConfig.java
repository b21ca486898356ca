package org.borderflows.query;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Pattern;

/**
 * SDMX settings (application.yml, prefix {@code flow-query.sdmx}).
 *
 * @param agency the maintenance agency id of every SDMX structure this service publishes (an SDMX id: a letter, then
 *     letters, digits, {@code _} or {@code -})
 */
@ConfigurationProperties("flow-query.sdmx")
public record SdmxConfig(@Pattern(regexp = "[A-Za-z][A-Za-z0-9_-]*") String agency) {}
