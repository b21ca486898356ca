/**
 * The settings every service shares, under one key each: {@code border-flows.kafka.*} ({@link
 * org.borderflows.platform.config.KafkaConfiguration}), {@code border-flows.deployment.*} ({@link
 * org.borderflows.platform.config.DeploymentConfiguration}) and {@code border-flows.pseudonym.*} ({@link
 * org.borderflows.platform.config.PseudonymConfiguration}). The Micronaut services bind them from their
 * application.yml at start-up; the command-line programs build them from the same environment variables
 * ({@code fromEnvironment}). Each is validated when built, failing with a message naming the key (docs/configuration.md).
 */
package org.borderflows.platform.config;
