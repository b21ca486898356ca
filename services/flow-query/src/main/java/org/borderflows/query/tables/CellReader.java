package org.borderflows.query.tables;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.borderflows.platform.Topic;
import org.borderflows.query.topology.CellDimension;
import org.borderflows.query.topology.QualityContribution;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.TableCell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the whole compacted table-cells topic, from the beginning and then live, into this instance's
 * {@link Cube}: every query instance holds every cell, so any instance answers any query without routing.
 * No consumer group: all partitions are assigned, and nothing is committed (the cube is rebuilt at start).
 *
 * <p>Freshness: the cells every card changes directly are the quality table's RECEIVED cells (cards received per
 * border post and day, accepted or rejected), which the aggregator makes from the intake's own records. For each of
 * them read live (past the end the topic had at start, so a restart's reload is not counted), once the cell is in
 * the cube, the reader reports its age, now minus the record's timestamp. The aggregator stamps a cell with its
 * stream time when it sends the cell's sum: the time the intake sent the newest card that aggregator task had read,
 * just after its receipt. The engine's cells carry the engine's clock (crossing times), not receipt times, and are
 * not timed. An age below 0 (a time ahead of this host's clock) is reported as 0.
 */
public final class CellReader implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CellReader.class);
    private final KafkaConsumer<String, TableCell> consumer;
    private final Cube cube;
    private final LongConsumer cellAgeMillis;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean failed = false;

    /** @param cellAgeMillis told the age of each RECEIVED cell applied live (see above), on the reader's thread */
    public CellReader(Properties common, Cube cube, LongConsumer cellAgeMillis) {
        Properties props = new Properties();
        props.putAll(common);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), AvroSerde.of(TableCell.class));
        this.cube = cube;
        this.cellAgeMillis = cellAgeMillis;
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.TABLE_CELLS.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (running) {
                ConsumerRecords<String, TableCell> records = consumer.poll(Duration.ofMillis(200));
                cube.write(() -> {
                    for (ConsumerRecord<String, TableCell> r : records) {
                        cube.apply(r.key(), r.value(), r.timestamp()); // when the aggregator wrote the cell
                    }
                });
                if (!records.isEmpty()) {
                    cube.commit();
                    reportAges(records, ends);
                }
                if (caughtUp.getCount() > 0
                        && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    LOG.info("table cells loaded: {} cells, clock {}", cube.size(), cube.asOf());
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failed = true;
            LOG.error("table-cells reader stopped", e);
        } finally {
            consumer.close();
        }
    }

    private void reportAges(ConsumerRecords<String, TableCell> records, Map<TopicPartition, Long> endsAtStart) {
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, TableCell> r : records) {
            Long end = endsAtStart.get(new TopicPartition(r.topic(), r.partition()));
            if ((end == null || r.offset() >= end) && isReceivedCell(r.value())) {
                cellAgeMillis.accept(Math.max(0, now - r.timestamp()));
            }
        }
    }

    private static boolean isReceivedCell(TableCell cell) {
        return cell != null
                && Datasets.QUALITY.equals(cell.getDataset())
                && QualityContribution.RECEIVED.equals(cell.getDimensions().get(CellDimension.ISSUE.key()));
    }

    /** Waits until the cells present at start have been loaded. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True once the cells present at start are loaded, as long as the reader has not failed since. */
    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0 && !failed;
    }

    /** The consumer, for its metrics only (lag, fetch latency); it is not thread-safe, and only run() polls it. */
    public Consumer<String, TableCell> consumer() {
        return consumer;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
