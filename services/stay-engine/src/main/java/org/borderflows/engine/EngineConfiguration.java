package org.borderflows.engine;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.MapFormat;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.borderflows.engine.topology.EngineSettings;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.TravellerPseudonymiser;

/** The engine's configuration keys (documented in application.yml and README.md). */
@Singleton
public class EngineConfiguration {
    private final KafkaSettings kafka;
    private final EngineSettings settings;
    private final String stateDir;
    private final String applicationServer;
    private final TravellerPseudonymiser pseudonymiser;
    private final boolean createTopics;

    public EngineConfiguration(
            @Value("${border-flows.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers,
            @Nullable @Value("${border-flows.kafka.client-properties-file:}") String clientPropertiesFile,
            @Nullable
                    @Property(name = "border-flows.kafka.properties")
                    @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
                    Map<String, String> kafkaProperties,
            @Value("${border-flows.engine.application-id:stay-engine}") String applicationId,
            @Value("${border-flows.engine.state-dir:/tmp/border-flows/stay-engine}") String stateDir,
            @Value("${border-flows.engine.horizon-days:30}") int horizonDays,
            @Value("${border-flows.engine.catch-up-behind:30s}") Duration catchUpBehind,
            @Value("${border-flows.engine.application-server:}") String applicationServer,
            @Value("${border-flows.engine.create-topics:false}") boolean createTopics,
            @Value("${border-flows.reporting-country:KAZ}") String reportingCountry,
            @Value("${border-flows.time-zone:Asia/Almaty}") String timeZone,
            @Value("${micronaut.server.port:8082}") int serverPort,
            @Nullable @Value("${border-flows.pseudonym.key-file:}") String keyFile,
            @Nullable @Value("${border-flows.pseudonym.key:}") String keyValue) {
        Map<String, String> passThrough = new LinkedHashMap<>();
        if (kafkaProperties != null) {
            kafkaProperties.forEach((k, v) -> passThrough.put(k, String.valueOf(v)));
        }
        this.kafka = KafkaSettings.load(bootstrapServers, clientPropertiesFile, passThrough);
        this.settings = EngineSettings.defaults(
                        applicationId,
                        Deployment.of(
                                reportingCountry, "border-flows.reporting-country", timeZone, "border-flows.time-zone"))
                .withHorizonDays(horizonDays)
                .withCatchUpBehind(catchUpBehind);
        this.stateDir = stateDir;
        this.applicationServer = applicationServer == null || applicationServer.isBlank()
                ? "localhost:" + serverPort
                : applicationServer;
        this.pseudonymiser = TravellerPseudonymiser.fromConfig(keyFile, keyValue);
        this.createTopics = createTopics;
    }

    public KafkaSettings kafka() {
        return kafka;
    }

    public EngineSettings settings() {
        return settings;
    }

    public String stateDir() {
        return stateDir;
    }

    /** host:port other instances use to reach this one (Kafka Streams {@code application.server}). */
    public String applicationServer() {
        return applicationServer;
    }

    public TravellerPseudonymiser pseudonymiser() {
        return pseudonymiser;
    }

    public boolean createTopics() {
        return createTopics;
    }
}
