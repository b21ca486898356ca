package org.borderflows.system;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.borderflows.platform.TopicCreator;
import org.borderflows.testkit.KafkaTestCluster;

/**
 * The three services of the card-to-table path, each from its distribution in its own JVM ({@link ServiceProcess}),
 * on a fresh one-broker KRaft cluster with every project topic: card gateway, stay engine, query service, each
 * healthy (its Kafka Streams application running) when {@link #start} returns.
 */
record RunningSystem(KafkaTestCluster kafka, ServiceProcess gateway, ServiceProcess engine, ServiceProcess query)
        implements AutoCloseable {

    static RunningSystem start(Duration patience) throws Exception {
        KafkaTestCluster kafka = KafkaTestCluster.start(1);
        try (Admin admin = kafka.admin()) {
            TopicCreator.createMissing(admin, (short) 1);
        }
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        ServiceProcess gateway = null;
        ServiceProcess engine = null;
        ServiceProcess query = null;
        try {
            gateway = ServiceProcess.start(
                    "card-gateway",
                    "services/card-gateway",
                    "org.borderflows.gateway.Application",
                    with(env, "CARD_GATEWAY_STATE_DIR", tempDir("gateway")));
            engine = ServiceProcess.start(
                    "stay-engine",
                    "services/stay-engine",
                    "org.borderflows.engine.StayEngineApplication",
                    with(env, "BORDER_FLOWS_ENGINE_STATE_DIR", tempDir("engine")));
            query = ServiceProcess.start(
                    "flow-query",
                    "services/flow-query",
                    "org.borderflows.query.Application",
                    with(env, "FLOW_QUERY_STATE_DIR", tempDir("query")));
            RunningSystem system = new RunningSystem(kafka, gateway, engine, query);
            for (ServiceProcess service : system.services().values()) {
                service.awaitHealthy(patience);
            }
            return system;
        } catch (Exception | Error e) {
            new RunningSystem(kafka, gateway, engine, query).close();
            throw e;
        }
    }

    /** The services by name, as Prometheus jobs are named in deploy/observability. */
    Map<String, ServiceProcess> services() {
        return Map.of("card-gateway", gateway, "stay-engine", engine, "flow-query", query);
    }

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess service : new ServiceProcess[] {gateway, engine, query}) {
            if (service != null) {
                service.close();
            }
        }
        kafka.close();
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> out = new TreeMap<>(env);
        out.put(key, value);
        return out;
    }

    private static String tempDir(String name) throws IOException {
        return Files.createTempDirectory("system-" + name).toString();
    }
}
