package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.borderflows.platform.Topic;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.QualityEvent;
import org.borderflows.schema.QualityIssue;
import org.junit.jupiter.api.Test;

/** Values held per commit interval: the latest per topic and key, sent at the flush, bounded in number. */
class OutputBufferTest {
    private record Sent(Topic topic, String key, byte[] value, long timestamp) {}

    private final List<Sent> sent = new ArrayList<>();
    private final OutputBuffer buffer =
            new OutputBuffer(new OutputEncoder(), (t, k, v, ts) -> sent.add(new Sent(t, k, v, ts)), 3);

    private static QualityEvent duplicate(String eventId, int occurrences) {
        return QualityEvent.newBuilder()
                .setIssue(QualityIssue.DUPLICATE)
                .setEventId(eventId)
                .setTravellerId("t1")
                .setCrossingDate(LocalDate.of(2025, 3, 1))
                .setBorderPost("KZ-ALA-AIR")
                .setOccurrences(occurrences)
                .setAsOf(LocalDate.of(2025, 3, 1))
                .build();
    }

    @Test
    void aKeyWrittenTwiceBeforeTheFlushIsSentOnceWithItsLatestValue() {
        buffer.reset(true);
        buffer.write(Topic.QUALITY_EVENTS, "DUPLICATE:e1", duplicate("e1", 1), 10);
        buffer.write(Topic.QUALITY_EVENTS, "DUPLICATE:e1", duplicate("e1", 2), 20);
        assertThat(sent).isEmpty();

        buffer.flush();

        assertThat(sent).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo("DUPLICATE:e1");
            assertThat(s.timestamp()).isEqualTo(20);
            assertThat(AvroSerde.of(QualityEvent.class)
                            .deserialize("quality-events", s.value())
                            .getOccurrences())
                    .isEqualTo(2);
        });
        assertThat(buffer.size()).isZero();
    }

    @Test
    void aTombstoneReplacesTheHeldValueOfItsKey() {
        buffer.reset(true);
        buffer.write(Topic.QUALITY_EVENTS, "DUPLICATE:e1", duplicate("e1", 1), 10);
        buffer.write(Topic.QUALITY_EVENTS, "DUPLICATE:e1", null, 11);
        buffer.flush();

        assertThat(sent).singleElement().satisfies(s -> assertThat(s.value()).isNull());
    }

    @Test
    void theSameKeyOnAnotherTopicIsAnotherValue() {
        buffer.reset(true);
        buffer.write(Topic.QUALITY_EVENTS, "k", duplicate("e1", 1), 10);
        buffer.write(Topic.SPELLS, "k", null, 10);
        buffer.flush();

        assertThat(sent).extracting(Sent::topic).containsExactly(Topic.QUALITY_EVENTS, Topic.SPELLS);
    }

    @Test
    void reachingItsCapacitySendsEverythingHeld() {
        buffer.reset(true);
        buffer.write(Topic.QUALITY_EVENTS, "a", duplicate("a", 1), 1);
        buffer.write(Topic.QUALITY_EVENTS, "b", duplicate("b", 1), 2);
        assertThat(sent).isEmpty();

        buffer.write(Topic.QUALITY_EVENTS, "c", duplicate("c", 1), 3);

        assertThat(sent).extracting(Sent::key).containsExactly("a", "b", "c");
    }

    @Test
    void notHoldingSendsEachValueAtOnce() {
        buffer.reset(false);
        buffer.write(Topic.QUALITY_EVENTS, "a", duplicate("a", 1), 1);

        assertThat(sent).extracting(Sent::key).containsExactly("a");
    }

    @Test
    void aResetDropsWhatWasHeld() {
        buffer.reset(true);
        buffer.write(Topic.QUALITY_EVENTS, "a", duplicate("a", 1), 1);
        buffer.reset(true); // a task revived at its last commit

        buffer.flush();

        assertThat(sent).isEmpty();
    }
}
