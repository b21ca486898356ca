package org.borderflows.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.borderflows.engine.topology.EngineSettings;
import org.borderflows.engine.topology.StayTopology;
import org.borderflows.engine.topology.TravellerLookup;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.TopicCreator;
import org.borderflows.platform.streams.BoundedRocksDbMemory;
import org.borderflows.platform.streams.StreamsRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the topology of {@link StayTopology} for as long as the application runs: started eagerly at start-up,
 * closed gracefully (commit, leave the group) on shutdown, with the failure policy and meters of
 * {@link StreamsRunner} (among them the state size: {@code kafka_stream_state_estimate_num_keys},
 * {@code kafka_stream_state_total_sst_files_size}, docs/observability.md).
 */
@Context
public class StayEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StayEngine.class);

    private final StreamsRunner runner;
    private final TravellerLookup lookup;

    public StayEngine(
            EngineConfiguration config,
            EngineSettings settings,
            KafkaSettings kafka,
            @Value("${micronaut.server.port}") int serverPort,
            MeterRegistry meters)
            throws Exception {
        if (config.createTopics()) {
            try (Admin admin = Admin.create(kafka.common())) {
                TopicCreator.createMissing(admin, (short) 1);
            }
        }
        String applicationServer = config.reachableAt(serverPort);
        Properties props = streamsProperties(kafka.streams(settings.applicationId()), config, applicationServer);
        StreamsBuilder builder = new StreamsBuilder();
        StayTopology.build(builder, settings);
        this.runner = new StreamsRunner("stay engine", builder.build(props), props, Duration.ofSeconds(30), meters);
        this.lookup = new TravellerLookup(runner.streams(), HostInfo.buildFromEndpoint(applicationServer), settings);
        runner.start();
        LOG.info("stay engine {}: application.server={}", settings.applicationId(), applicationServer);
    }

    /**
     * Engine defaults: commit (a transaction) every 250 ms instead of EOS's 100 ms: outputs become visible only at
     * a commit, so the interval is most of the engine's share of card-to-table freshness (RULES target: p99 under
     * 2 s end to end), while 4 transactions a second per thread still cost little (at 2,000 cards/s the engine uses a
     * seventh of the CPU of the aggregator downstream; a replay of years of cards is faster with 1 s, see
     * docs/benchmarks.md); and never wait for an empty input partition ({@code max.task.idle.ms=-1}): the clock topic is empty most of the time and its ticks are only a lower bound
     * of the clock, so there is nothing to wait for.
     */
    public static final Map<String, String> ENGINE_DEFAULTS = Map.of(
            StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
            "250",
            StreamsConfig.MAX_TASK_IDLE_MS_CONFIG,
            String.valueOf(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED));

    /**
     * The producer of the engine's outputs (spells, outcomes, statuses, findings, changelogs): batches of up to 256 KiB
     * gathered for up to 20 ms, compressed with LZ4. Outputs become visible only at a commit anyway, so lingering
     * costs no freshness, and a replay writes several records per card. The engine benchmark runs both of its apps
     * with these (docs/benchmarks.md).
     */
    public static final Map<String, String> PRODUCER_DEFAULTS = Map.of(
            StreamsConfig.producerPrefix("linger.ms"),
            "20",
            StreamsConfig.producerPrefix("batch.size"),
            String.valueOf(256 * 1024),
            StreamsConfig.producerPrefix("compression.type"),
            "lz4");

    /** Anything set in the client properties file or under border-flows.kafka.properties wins over the engine defaults. */
    static Properties streamsProperties(Properties base, EngineConfiguration config, String applicationServer) {
        Properties props = new Properties();
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        props.putAll(ENGINE_DEFAULTS);
        props.putAll(PRODUCER_DEFAULTS);
        props.putAll(BoundedRocksDbMemory.properties(config.rocksdbMemoryBytes()));
        props.putAll(base);
        return props;
    }

    public StreamsRunner runner() {
        return runner;
    }

    public TravellerLookup lookup() {
        return lookup;
    }

    @PreDestroy
    @Override
    public void close() {
        runner.close();
    }
}
