/**
 * Where simulated cards go ({@link org.borderflows.simulator.out.CardSink}): a file ({@link
 * org.borderflows.simulator.out.CardFile}), the card gateway ({@link org.borderflows.simulator.out.GatewaySink}) or the
 * inbound topic ({@link org.borderflows.simulator.out.KafkaSink}), at a rate held by {@link
 * org.borderflows.simulator.out.Pacer}.
 */
package org.borderflows.simulator.out;
