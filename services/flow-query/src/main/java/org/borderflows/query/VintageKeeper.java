package org.borderflows.query;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.query.tables.Datasets;
import org.borderflows.query.tables.TableQueries;
import org.borderflows.query.tables.Vintages;
import org.borderflows.schema.AvroSerde;
import org.borderflows.schema.EstimateVintage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the 12/16 estimates as published (RULES.md §6 "Revisions"): reads the whole {@code estimate-vintages} topic
 * into {@link Vintages} (every instance, no consumer group), and when it sees the clock move from one month to the
 * next, makes the vintage of the month that ended from the cells as they stand and writes it in one transaction.
 *
 * <p>One writer: every instance uses the same transactional id, so an instance that starts a write fences any other
 * (its open transaction is aborted), then reads the topic to its end and writes only if the vintage is still
 * missing; a vintage is written once however many instances run. A month that ends while no instance runs with its
 * cells loaded, or that a replay passes quickly (in less than {@code flow-query.vintage-min-month-seconds}: its
 * estimates were made from cells still loading, and nobody read them), gets no vintage (the revisions table
 * back-casts it and says so).
 */
final class VintageKeeper implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VintageKeeper.class);

    /** Under the aggregator's application id, whose prefix the service's Kafka user may use (deploy/k8s). */
    static final String TRANSACTIONAL_ID =
            org.borderflows.query.topology.FlowTableTopology.APPLICATION_ID + "-vintages";

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaSettings settings;
    private final TableQueries queries;
    private final BooleanSupplier cellsLoaded;
    private final KafkaConsumer<String, EstimateVintage> consumer;
    private final TopicPartition partition = new TopicPartition(Topic.ESTIMATE_VINTAGES.topicName(), 0);
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean failed = false;
    private final Duration minMonth;
    private YearMonth seen;
    private long seenSince;
    private YearMonth pending;

    /** @param minMonth how long the clock must have been seen in a month for its vintage to be kept */
    VintageKeeper(KafkaSettings settings, TableQueries queries, BooleanSupplier cellsLoaded, Duration minMonth) {
        this.settings = settings;
        this.minMonth = minMonth;
        this.queries = queries;
        this.cellsLoaded = cellsLoaded;
        Properties props = settings.common();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), AvroSerde.of(EstimateVintage.class));
    }

    @Override
    public void run() {
        try {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            readToEnd();
            caughtUp.countDown();
            LOG.info("estimate vintages loaded, newest {}", queries.vintages().latest());
            while (running) {
                read();
                YearMonth due = due();
                if (due != null) {
                    write(due);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failed = true;
            LOG.error("estimate-vintages keeper stopped", e);
        } finally {
            consumer.close();
        }
    }

    /**
     * The vintage to make now: the month this instance saw the clock in, with the cells loaded, for at least
     * {@code minMonth}, once the clock has moved on to the next month, until it is kept (by this instance or another)
     * or the clock moves on again.
     */
    YearMonth due() {
        LocalDate clock = queries.cube().asOf();
        if (clock == null || !cellsLoaded.getAsBoolean()) {
            return null;
        }
        YearMonth now = YearMonth.from(clock);
        if (!now.equals(seen)) {
            if (seen != null && now.equals(seen.plusMonths(1)) && System.nanoTime() - seenSince >= minMonth.toNanos()) {
                pending = seen;
            }
            seen = now;
            seenSince = System.nanoTime();
        }
        if (pending != null && (queries.vintages().kept(pending) || !now.equals(pending.plusMonths(1)))) {
            pending = null;
        }
        return pending;
    }

    private void write(YearMonth vintage) {
        Properties props = settings.durableProducer("flow-query-vintages");
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID);
        try (KafkaProducer<String, EstimateVintage> producer =
                new KafkaProducer<>(props, new StringSerializer(), AvroSerde.of(EstimateVintage.class))) {
            producer.initTransactions(); // fences another instance's write and aborts its open transaction
            readToEnd();
            if (queries.vintages().kept(vintage)) {
                return; // another instance kept it first
            }
            List<EstimateVintage> records = queries.makeVintage(vintage);
            producer.beginTransaction();
            for (EstimateVintage v : records) {
                producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), Vintages.key(v), v));
            }
            producer.commitTransaction();
            records.forEach(v -> queries.vintages().keep(Vintages.key(v), v));
            queries.cube().touch(Datasets.MIGRATION);
            LOG.info("estimate vintage {} kept: {} cells", vintage, records.size() - 1);
        } catch (KafkaException e) {
            LOG.warn("estimate vintage {} not written, will retry: {}", vintage, e.toString());
            sleep();
        }
    }

    /** Reads the vintages topic up to its last committed record. */
    private void readToEnd() {
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        while (running && consumer.position(partition) < end) {
            read();
        }
    }

    private void read() {
        boolean any = false;
        for (ConsumerRecord<String, EstimateVintage> r : consumer.poll(POLL)) {
            if (r.value() != null) {
                queries.vintages().keep(r.key(), r.value());
                any = true;
            }
        }
        if (any) {
            queries.cube().touch(Datasets.MIGRATION);
        }
    }

    private void sleep() {
        try {
            Thread.sleep(POLL.toMillis() * 4);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Waits until the vintages present at start are loaded. */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True once the vintages present at start are loaded, as long as the keeper has not failed since. */
    boolean isCaughtUp() {
        return caughtUp.getCount() == 0 && !failed;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
