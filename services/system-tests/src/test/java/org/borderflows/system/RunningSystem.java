package org.borderflows.system;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.borderflows.platform.TopicCreator;
import org.borderflows.testkit.KafkaTestCluster;

/**
 * The three services of the card-to-table path, each from its distribution in its own JVM ({@link ServiceProcess}),
 * on a fresh one-broker KRaft cluster with every project topic: a card gateway, stay-engine instances and query
 * service instances (instances of one service share its Kafka Streams application, so its partitions), each
 * healthy (its Kafka Streams application running) when {@link #start} returns.
 */
record RunningSystem(
        KafkaTestCluster kafka, ServiceProcess gateway, List<ServiceProcess> engines, List<ServiceProcess> queries)
        implements AutoCloseable {

    /** One instance of each service. */
    static RunningSystem start(Duration patience) throws Exception {
        return start(patience, 1, 1);
    }

    static RunningSystem start(Duration patience, int engineInstances, int queryInstances) throws Exception {
        KafkaTestCluster kafka = KafkaTestCluster.start(1);
        try (Admin admin = kafka.admin()) {
            TopicCreator.createMissing(admin, (short) 1);
        }
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        ServiceProcess gateway = null;
        List<ServiceProcess> engines = new ArrayList<>();
        List<ServiceProcess> queries = new ArrayList<>();
        try {
            gateway = ServiceProcess.start(
                    "card-gateway",
                    "services/card-gateway",
                    "org.borderflows.gateway.Application",
                    with(env, "CARD_GATEWAY_STATE_DIR", tempDir("gateway")));
            for (int i = 1; i <= engineInstances; i++) {
                engines.add(ServiceProcess.start(
                        instance("stay-engine", i, engineInstances),
                        "services/stay-engine",
                        "org.borderflows.engine.StayEngineApplication",
                        with(env, "BORDER_FLOWS_ENGINE_STATE_DIR", tempDir("engine"))));
            }
            for (int i = 1; i <= queryInstances; i++) {
                queries.add(ServiceProcess.start(
                        instance("flow-query", i, queryInstances),
                        "services/flow-query",
                        "org.borderflows.query.Application",
                        with(env, "FLOW_QUERY_STATE_DIR", tempDir("query"))));
            }
            RunningSystem system = new RunningSystem(kafka, gateway, engines, queries);
            for (ServiceProcess service : system.all()) {
                service.awaitHealthy(patience);
            }
            return system;
        } catch (Exception | Error e) {
            new RunningSystem(kafka, gateway, engines, queries).close();
            throw e;
        }
    }

    ServiceProcess engine() {
        return engines.get(0);
    }

    ServiceProcess query() {
        return queries.get(0);
    }

    /** The services by name (the first instance of each), as Prometheus jobs are named in deploy/observability. */
    Map<String, ServiceProcess> services() {
        return Map.of("card-gateway", gateway, "stay-engine", engine(), "flow-query", query());
    }

    private List<ServiceProcess> all() {
        List<ServiceProcess> all = new ArrayList<>();
        all.add(gateway);
        all.addAll(engines);
        all.addAll(queries);
        return all;
    }

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess service : all()) {
            if (service != null) {
                service.close();
            }
        }
        kafka.close();
    }

    /** The log name of one instance: the service's name, numbered when there are several. */
    private static String instance(String service, int number, int instances) {
        return instances == 1 ? service : service + "-" + number + "-of-" + instances;
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
