/**
 * What every service shares: the declared topic list ({@link org.borderflows.platform.Topic}, created by {@link
 * org.borderflows.platform.TopicCreator}), Kafka client settings ({@link org.borderflows.platform.KafkaSettings}), the
 * reporting country and time zone ({@link org.borderflows.platform.Deployment}) and the traveller pseudonym ({@link
 * org.borderflows.platform.TravellerPseudonymiser}); their configuration keys are in {@link
 * org.borderflows.platform.config}.
 */
package org.borderflows.platform;
