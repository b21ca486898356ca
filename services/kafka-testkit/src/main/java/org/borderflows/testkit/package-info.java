/**
 * Test support: {@link org.borderflows.testkit.KafkaTestCluster}, a real KRaft cluster in the test's JVM (Kafka's own
 * test kit, transactions enabled), and {@link org.borderflows.testkit.StreamsProgress}, how far a Streams application
 * under test has got.
 */
package org.borderflows.testkit;
