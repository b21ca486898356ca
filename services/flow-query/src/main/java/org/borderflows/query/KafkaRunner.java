package org.borderflows.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.TopicCreator;
import org.borderflows.platform.streams.StreamsRunner;
import org.borderflows.query.tables.CellReader;
import org.borderflows.query.tables.Cube;
import org.borderflows.query.tables.Datasets;
import org.borderflows.query.tables.TableQueries;
import org.borderflows.query.topology.FlowTableTopology;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the Kafka side with the service: the aggregator (shared application id, so instances split the work),
 * this instance's reader of the whole table-cells topic into the cube, and the keeper of the estimate vintages. Health is DOWN until the cells
 * and vintages present at start are loaded, or when the aggregator has failed.
 *
 * <p>The aggregator has the failure policy and meters of {@link StreamsRunner}. Meters on {@code /prometheus}
 * (docs/observability.md): the Kafka Streams metrics of the aggregator and the client metrics of the cell reader's
 * consumer ({@code kafka_stream_*}, {@code kafka_consumer_*}), and the
 * card-to-table freshness {@code border_flows_card_to_table_seconds} (see {@link CellReader}).
 */
@Context
@Requires(property = "flow-query.kafka.enabled", value = "true", defaultValue = "true")
final class KafkaRunner implements HealthIndicator {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaRunner.class);
    private final StreamsRunner aggregator;
    private final CellReader reader;
    private final VintageKeeper vintages;
    private final KafkaClientMetrics readerMetrics;

    KafkaRunner(
            KafkaConfig kafka,
            QueryConfig config,
            KafkaSettings settings,
            Deployment deployment,
            TableQueries queries,
            MeterRegistry meters) {
        Cube cube = queries.cube();
        try (Admin admin = Admin.create(settings.common())) {
            TopicCreator.createMissing(admin, (short) 1);
        } catch (Exception e) {
            LOG.warn("could not check the topics (they may already exist): {}", e.toString());
        }
        if (kafka.aggregate()) {
            StreamsBuilder builder = new StreamsBuilder();
            FlowTableTopology.build(builder, deployment.timeZone(), Datasets.contributions());
            Properties props = settings.streams(FlowTableTopology.APPLICATION_ID);
            props.put(StreamsConfig.STATE_DIR_CONFIG, kafka.stateDir());
            props.put(
                    StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                    String.valueOf(kafka.commitIntervalMs() > 0 ? kafka.commitIntervalMs() : 200));
            props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(Math.max(1, kafka.streamThreads())));
            FlowTableTopology.tune(props);
            props.put("auto.offset.reset", "earliest");
            aggregator = new StreamsRunner(
                            "flow-table aggregator", builder.build(), props, Duration.ofSeconds(10), meters)
                    .start();
        } else {
            aggregator = null;
        }
        Timer cardToTable = cardToTableTimer(meters);
        reader = new CellReader(
                settings.common(), cube, ageMillis -> cardToTable.record(ageMillis, TimeUnit.MILLISECONDS));
        readerMetrics = new KafkaClientMetrics(reader.consumer());
        readerMetrics.bindTo(meters);
        Thread thread = new Thread(reader, "table-cells-reader");
        thread.setDaemon(true);
        thread.start();
        vintages = new VintageKeeper(
                settings, queries, reader::isCaughtUp, Duration.ofSeconds(config.vintageMinMonthSeconds()));
        Thread keeper = new Thread(vintages, "estimate-vintages-keeper");
        keeper.setDaemon(true);
        keeper.start();
    }

    /**
     * Card-to-table freshness, with a histogram (p99 in PromQL) from 10 ms to 10 min and a bucket at the 2 s of the
     * freshness target (RULES: p99 under 2 s), which the alert in deploy/observability compares with.
     */
    static Timer cardToTableTimer(MeterRegistry meters) {
        return Timer.builder("border_flows.card_to_table")
                .description("Time from the receipt of the newest card behind a cell of cards received to the cell"
                        + " applied in this instance's cube")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofSeconds(2))
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(meters);
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean streamsOk = aggregator == null || aggregator.healthy();
        HealthStatus status =
                streamsOk && reader.isCaughtUp() && vintages.isCaughtUp() ? HealthStatus.UP : HealthStatus.DOWN;
        return Publishers.just(HealthResult.builder("flow-tables", status)
                .details(Map.of(
                        "aggregator",
                        aggregator == null ? "off" : aggregator.state().name(),
                        "cellsLoaded",
                        reader.isCaughtUp(),
                        "vintagesLoaded",
                        vintages.isCaughtUp()))
                .build());
    }

    @PreDestroy
    void stop() {
        readerMetrics.close();
        vintages.close();
        reader.close();
        if (aggregator != null) {
            aggregator.close();
        }
    }
}
