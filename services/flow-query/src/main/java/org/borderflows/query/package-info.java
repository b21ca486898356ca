/**
 * flow-query, the Micronaut service of the published tables: {@link org.borderflows.query.Application} (main), {@link
 * org.borderflows.query.KafkaRunner} (runs the aggregator and the cell reader), the configuration ({@link
 * org.borderflows.query.QueryConfig}, {@link org.borderflows.query.KafkaConfig}; its API users are platform's
 * {@code ServiceUser}s) and the beans wiring them ({@link org.borderflows.query.QueryBeans}).
 */
package org.borderflows.query;
