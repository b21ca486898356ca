package org.borderflows.engine.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Receives the clock ticks other tasks broadcast (topic engine-clock) and keeps the latest in the clock store, where
 * {@link TaskClock} reads it when the task's stream time shows a tick ahead of its own crossings, and the status
 * query reads the partition's clock. Sharing that store keeps this processor in the same sub-topology, hence the
 * same task, as the traveller processor.
 */
final class ClockProcessor implements Processor<String, Long, Void, Void> {
    private final String applicationId;
    private KeyValueStore<String, Long> clock;

    ClockProcessor(String applicationId) {
        this.applicationId = applicationId;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        clock = context.getStateStore(StayTopology.CLOCK_STORE);
    }

    @Override
    public void process(Record<String, Long> tick) {
        if (!applicationId.equals(tick.key()) || tick.value() == null) {
            return;
        }
        Long known = clock.get(StayTopology.CLOCK_KEY);
        if (known == null || tick.value() > known) {
            clock.put(StayTopology.CLOCK_KEY, tick.value());
        }
    }
}
