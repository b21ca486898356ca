package org.borderflows.simulator.out;

import org.borderflows.simulator.gen.Card;

/** Where the simulated cards go: a file, the card gateway or the Kafka inbound topic. */
public interface CardSink extends AutoCloseable {
    void send(Card card) throws Exception;

    /** Cards confirmed by the destination (written, accepted by HTTP, acknowledged by Kafka). */
    long confirmed();

    @Override
    void close() throws Exception;
}
