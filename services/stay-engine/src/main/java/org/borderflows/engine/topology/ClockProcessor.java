package org.borderflows.engine.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.borderflows.platform.ArchiveLoad;

/**
 * Receives the clock ticks other tasks broadcast (topic engine-clock) and keeps the latest in the clock store, where
 * {@link TaskClock} reads it when the task's stream time shows a tick ahead of its own crossings, and the status
 * query reads the partition's clock. The card loader's archive completion records ({@link ArchiveLoad}) go to the
 * same store, where {@link ArchiveHolds} reads them. Sharing that store keeps this processor in the same sub-topology, hence the
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
        if (tick.value() == null) {
            return;
        }
        if (ArchiveLoad.isCompletion(tick.key())) {
            Long known = clock.get(tick.key()); // a second run of the same load names a later offset
            if (known == null || tick.value() > known) {
                clock.put(tick.key(), tick.value());
            }
            return;
        }
        if (!applicationId.equals(tick.key())) {
            return;
        }
        Long known = clock.get(StayTopology.CLOCK_KEY);
        if (known == null || tick.value() > known) {
            clock.put(StayTopology.CLOCK_KEY, tick.value());
        }
    }
}
