package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderflows.engine.topology.EngineDriver.APP;
import static org.borderflows.engine.topology.EngineDriver.KAZ;
import static org.borderflows.engine.topology.EngineDriver.crossing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
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
 * A task's processor as Kafka Streams drives it. It revives a corrupted task (exactly-once, aborted transaction) with
 * the same processor instance: {@code init} again, stores back at the last commit, the records since processed
 * again; what the aborted stretch did (ticks) must happen again. And its wall-clock checks while catching up see the
 * crossings the other tasks of its instance take.
 */
class TaskReviveTest {
    /** The crossings of every task of the instance; the other tasks' are added by hand. */
    private final InputActivity activity = new InputActivity();

    private final TravellerProcessor processor = new TravellerProcessor(EngineSettings.defaults(APP, KAZ), activity);

    /** A task's start: empty stores (the last commit came before these records), {@code init}. */
    private MockProcessorContext<String, EngineOutput> start() {
        MockProcessorContext<String, EngineOutput> context = new MockProcessorContext<>();
        return start(context, store(context, StayTopology.TRAVELLERS_STORE, Serdes.String(), Serdes.ByteArray()));
    }

    /** A task's start with the travellers and deferred stores as the last commit left them, {@code init}. */
    private MockProcessorContext<String, EngineOutput> start(
            MockProcessorContext<String, EngineOutput> context, KeyValueStore<?, ?>... kept) {
        for (KeyValueStore<?, ?> store : kept) {
            context.addStateStore(store);
        }
        for (String name :
                List.of(StayTopology.DEFERRED_STORE, StayTopology.CLOCK_STORE, StayTopology.ARCHIVE_HOLDS_STORE)) {
            if (Arrays.stream(kept).noneMatch(s -> s.name().equals(name))) {
                context.addStateStore(
                        switch (name) {
                            case StayTopology.CLOCK_STORE -> store(context, name, Serdes.String(), Serdes.Long());
                            case StayTopology.ARCHIVE_HOLDS_STORE ->
                                store(context, name, Serdes.String(), Serdes.ByteArray());
                            default -> store(context, name, Serdes.Long(), Serdes.ByteArray());
                        });
            }
        }
        context.setCurrentSystemTimeMs(EngineDriver.WALL_CLOCK.toEpochMilli());
        processor.init(context);
        return context;
    }

    private static <K, V> KeyValueStore<K, V> store(
            MockProcessorContext<String, EngineOutput> context, String name, Serde<K> keys, Serde<V> values) {
        KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values)
                .withLoggingDisabled()
                .build();
        store.init(context.getStateStoreContext(), store);
        return store;
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

    @Test
    void aTaskRevivedWhileCatchingUpPublishesTheTravellersThatWaitedAtItsLastCommit() {
        // An Uzbek tourist's entry of 1 March 2025, replayed in December 2026: catching up, its values wait.
        Crossing c = crossing("t1", "e1", Direction.ENTRY, LocalDate.of(2025, 3, 1), "UZB", Purpose.TOURISM);
        MockProcessorContext<String, EngineOutput> first = new MockProcessorContext<>();
        KeyValueStore<String, byte[]> travellers =
                store(first, StayTopology.TRAVELLERS_STORE, Serdes.String(), Serdes.ByteArray());
        KeyValueStore<Long, byte[]> deferred =
                store(first, StayTopology.DEFERRED_STORE, Serdes.Long(), Serdes.ByteArray());
        start(first, travellers, deferred);
        process(first, c);
        assertThat(outputs(first, Topic.SPELLS)).as("waiting").isEmpty();

        MockProcessorContext<String, EngineOutput> revived = start(new MockProcessorContext<>(), travellers, deferred);
        assertThat(revived.scheduledPunctuators()).hasSize(1);
        // no crossing in two wall-clock checks in a row: the input is exhausted
        revived.scheduledPunctuators().get(0).getPunctuator().punctuate(revived.currentSystemTimeMs());
        revived.scheduledPunctuators().get(0).getPunctuator().punctuate(revived.currentSystemTimeMs() + 1000);

        assertThat(outputs(revived, Topic.SPELLS))
                .as("the open stay, published after the restart")
                .hasSize(1);
        assertThat(outputs(revived, Topic.CROSSING_OUTCOMES)).hasSize(1);
        assertThat(deferred.approximateNumEntries())
                .as("nothing waits any more")
                .isZero();
    }

    @Test
    void aCatchingUpTaskWaitsWhileOtherTasksOfItsInstanceTakeCrossings() {
        // A Kyrgyz tourist's entry of 2 March 2025, replayed in December 2026: catching up, its values wait. This
        // task then gets no crossing for four checks a second apart (its consumer serves other partitions first).
        Crossing c = crossing("t2", "e2", Direction.ENTRY, LocalDate.of(2025, 3, 2), "KGZ", Purpose.TOURISM);
        MockProcessorContext<String, EngineOutput> task = start();
        process(task, c);
        long wall = task.currentSystemTimeMs();
        for (int check = 1; check <= 2; check++) {
            activity.crossing(); // another task of the instance took one
            task.scheduledPunctuators().get(0).getPunctuator().punctuate(wall + check * 1000L);
        }
        assertThat(outputs(task, Topic.SPELLS))
                .as("the others still take crossings: the input is not exhausted")
                .isEmpty();

        task.scheduledPunctuators().get(0).getPunctuator().punctuate(wall + 3000);
        task.scheduledPunctuators().get(0).getPunctuator().punctuate(wall + 4000);
        assertThat(outputs(task, Topic.SPELLS))
                .as("no task took one in two checks in a row: the input is exhausted, the open stay is published")
                .hasSize(1);
    }
}
