package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderflows.engine.topology.EngineDriver.APP;
import static org.borderflows.engine.topology.EngineDriver.KAZ;
import static org.borderflows.engine.topology.EngineDriver.crossing;

import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.borderflows.platform.Topic;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
import org.junit.jupiter.api.Test;

/**
 * Kafka Streams revives a corrupted task (exactly-once, aborted transaction) with the same processor instance:
 * {@code init} again, stores back at the last commit, the records since processed again. What the aborted stretch
 * did (ticks) must happen again.
 */
class TaskReviveTest {
    private final TravellerProcessor processor = new TravellerProcessor(EngineSettings.defaults(APP, KAZ));

    /** A task's start: empty stores (the last commit came before these records), {@code init}. */
    private MockProcessorContext<String, EngineOutput> start() {
        MockProcessorContext<String, EngineOutput> context = new MockProcessorContext<>();
        KeyValueStore<String, byte[]> travellers = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(StayTopology.TRAVELLERS_STORE),
                        Serdes.String(),
                        Serdes.ByteArray())
                .withLoggingDisabled()
                .build();
        travellers.init(context.getStateStoreContext(), travellers);
        context.addStateStore(travellers);
        KeyValueStore<String, Long> clock = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(StayTopology.CLOCK_STORE), Serdes.String(), Serdes.Long())
                .withLoggingDisabled()
                .build();
        clock.init(context.getStateStoreContext(), clock);
        context.addStateStore(clock);
        processor.init(context);
        return context;
    }

    private void process(MockProcessorContext<String, EngineOutput> context, Crossing c) {
        long at = c.getCrossedAt().toEpochMilli();
        context.setCurrentStreamTimeMs(at);
        processor.process(new Record<>(c.getTravellerId(), c, at));
    }

    private static List<EngineOutput> outputs(MockProcessorContext<String, EngineOutput> context, Topic topic) {
        return context.forwarded().stream()
                .<EngineOutput>map(f -> f.record().value())
                .filter(o -> o.topic() == topic)
                .toList();
    }

    @Test
    void aRevivedTaskBroadcastsItsTicksAgain() {
        Crossing c = crossing("t1", "e1", Direction.ENTRY, LocalDate.of(2025, 3, 1), "UZB", Purpose.TOURISM);
        MockProcessorContext<String, EngineOutput> first = start();
        process(first, c);
        assertThat(outputs(first, Topic.ENGINE_CLOCK)).hasSize(1);

        MockProcessorContext<String, EngineOutput> revived = start(); // the transaction with that tick aborted
        process(revived, c);

        assertThat(outputs(revived, Topic.ENGINE_CLOCK))
                .as("the tick of 1 March 2025 is sent again")
                .hasSize(1);
    }
}
