package org.borderflows.engine.topology;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.borderflows.schema.Crossing;

/**
 * Stream time is event time (RULES.md §8): a crossing's timestamp is its {@code crossedAt}, a clock tick's is
 * the event time it carries. Record timestamps set by producers (wall clock at intake) are ignored, so a replay
 * sees exactly the same clock.
 */
final class EventTime {
    private EventTime() {}

    /** For the crossings topic. */
    static final class OfCrossing implements TimestampExtractor {
        @Override
        public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
            if (record.value() instanceof Crossing crossing && crossing.getCrossedAt() != null) {
                return crossing.getCrossedAt().toEpochMilli();
            }
            return Math.max(partitionTime, 0L);
        }
    }

    /**
     * For the clock topic. A tick of another application (another engine sharing the cluster) must not move this
     * engine's clock: it gets the partition's time (or is skipped, negative, before the first tick).
     */
    static final class OfClockTick implements TimestampExtractor {
        private final String applicationId;

        OfClockTick(String applicationId) {
            this.applicationId = applicationId;
        }

        @Override
        public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
            if (applicationId.equals(record.key()) && record.value() instanceof Long tick) {
                return tick;
            }
            return partitionTime;
        }
    }
}
