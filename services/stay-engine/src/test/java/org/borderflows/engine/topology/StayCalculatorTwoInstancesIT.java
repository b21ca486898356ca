package org.borderflows.engine.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.borderflows.domain.CrossingFact;
import org.borderflows.domain.RuleSettings;
import org.borderflows.domain.StayCalculator;
import org.borderflows.domain.StayCalculator.PlannedStay;
import org.borderflows.domain.StayCalculator.PlannedStayCheck;
import org.borderflows.engine.StayEngine;
import org.borderflows.engine.calculator.CalculatorItem;
import org.borderflows.engine.calculator.CalculatorResponse;
import org.borderflows.platform.Deployment;
import org.borderflows.platform.KafkaSettings;
import org.borderflows.platform.Topic;
import org.borderflows.platform.TopicCreator;
import org.borderflows.platform.TravellerPseudonymiser;
import org.borderflows.schema.Crossing;
import org.borderflows.schema.Direction;
import org.borderflows.schema.Purpose;
import org.borderflows.testkit.KafkaTestCluster;
import org.junit.jupiter.api.Test;

/**
 * Two stay-engine applications (Micronaut servers with their Kafka Streams, own ports and state directories, one
 * application id) on a real KRaft broker: a batch sent to one instance, of travellers whose partitions both own,
 * is split by owner, answered in one response, and every traveller's figures are the domain calculator's over its
 * crossings (RULES.md §7); an identity never seen answers UNKNOWN_TRAVELLER, not a failed batch.
 *
 * <p>24 UZB tourists: traveller i enters on 01.01.2025 + 3i days and stays 20 + i days; even ones have left, odd
 * ones are still in the country. Control date 15.03.2025; planning 01.06-15.08.2025 (76 days).
 */
class StayCalculatorTwoInstancesIT {
    private static final int TRAVELLERS = 24;
    private static final String KEY = "calculator-it-key";
    private static final LocalDate CONTROL_DATE = LocalDate.of(2025, 3, 15);
    private static final PlannedStay PLANNED = new PlannedStay(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 8, 15));
    private static final RuleSettings RULES =
            EngineSettings.defaults("calculator-it", Deployment.DEFAULT).rules();
    private static final String AUTH = "Basic "
            + Base64.getEncoder().encodeToString("agency:agency-dev-password".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newHttpClient();
    private final TravellerPseudonymiser pseudonyms = TravellerPseudonymiser.fromConfig(null, KEY);

    private static String number(int i) {
        return String.format("IT%06d", i);
    }

    private List<Crossing> crossingsOf(int i) {
        String id = pseudonyms.pseudonym("UZB", number(i), LocalDate.of(1990, 1, 1));
        LocalDate in = LocalDate.of(2025, 1, 1).plusDays(3L * i);
        List<Crossing> out = new ArrayList<>();
        out.add(bornOnNewYear1990(EngineDriver.crossing(id, "in-" + i, Direction.ENTRY, in, "UZB", Purpose.TOURISM)));
        if (i % 2 == 0) {
            out.add(bornOnNewYear1990(EngineDriver.crossing(
                    id, "out-" + i, Direction.EXIT, in.plusDays(20L + i), "UZB", Purpose.TOURISM)));
        }
        return out;
    }

    /** The birth date of the identity the pseudonym was made from. */
    private static Crossing bornOnNewYear1990(Crossing c) {
        return Crossing.newBuilder(c).setBirthDate(LocalDate.of(1990, 1, 1)).build();
    }

    @Test
    void aBatchSentToOneInstanceIsAnsweredByBothOwners() throws Exception {
        Path stateDir =
                Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-state")), "calculator-");
        try (KafkaTestCluster kafka = KafkaTestCluster.start(1)) {
            try (Admin admin = kafka.admin()) {
                TopicCreator.createMissing(admin, (short) 1);
            }
            kafka.awaitLeaders(
                    Arrays.stream(Topic.values()).map(Topic::topicName).toList());
            KafkaSettings settings = KafkaSettings.of(kafka.bootstrapServers());
            TwoInstanceFailoverIT.warmUp(settings);
            List<Crossing> all = new ArrayList<>();
            for (int i = 0; i < TRAVELLERS; i++) {
                all.addAll(crossingsOf(i));
            }
            TwoInstanceFailoverIT.produce(settings, all);

            try (ApplicationContext a = start(kafka, stateDir.resolve("a"));
                    ApplicationContext b = start(kafka, stateDir.resolve("b"))) {
                int portA = a.getBean(EmbeddedServer.class).getPort();
                JsonMapper json = a.getBean(JsonMapper.class);

                CalculatorResponse control =
                        awaitAnswered(portA, "/api/v1/stay-calculator/control", controlBody(), json);

                // the batch really was split: instance a owns some of the travellers, b the others
                TravellerLookup onA = a.getBean(StayEngine.class).lookup();
                long ownedByA = control.items().stream()
                        .filter(item -> item.travellerId() != null)
                        .filter(item -> onA.locate(item.travellerId()) instanceof TravellerLookup.Here)
                        .count();
                assertThat(ownedByA).as("travellers owned by instance a").isBetween(1L, (long) TRAVELLERS - 1);

                assertThat(control.travellers()).isEqualTo(TRAVELLERS + 1);
                assertThat(control.results()).isEqualTo(Map.of("CALCULATED", TRAVELLERS, "UNKNOWN_TRAVELLER", 1));
                for (int i = 0; i < TRAVELLERS; i++) {
                    CalculatorItem item = control.items().get(i);
                    assertThat(item.reference()).isEqualTo("seat-" + i);
                    assertThat(item.control())
                            .as("traveller %d", i)
                            .isEqualTo(StayCalculator.atControlDate(null, facts(i), CONTROL_DATE, RULES));
                }
                assertThat(control.items().get(TRAVELLERS).result()).isEqualTo(CalculatorItem.UNKNOWN_TRAVELLER);
                String raw = post(portA, "/api/v1/stay-calculator/control", controlBody(), "application/json");
                assertThat(raw).doesNotContain(number(0)).doesNotContain("IT0000");

                // the same manifest as CSV, planning mode, sent to the other instance
                int portB = b.getBean(EmbeddedServer.class).getPort();
                String planned = post(
                        portB,
                        "/api/v1/stay-calculator/plan?entry=" + PLANNED.entry() + "&exit=" + PLANNED.exit(),
                        manifestCsv(),
                        "text/csv");
                CalculatorResponse plan = json.readValue(planned, CalculatorResponse.class);
                assertThat(plan.results()).isEqualTo(Map.of("CALCULATED", TRAVELLERS, "UNKNOWN_TRAVELLER", 1));
                for (int i = 0; i < TRAVELLERS; i += 2) { // left the country: the engine's clock does not matter
                    CalculatorItem item = plan.items().get(i);
                    assertThat(item.reference()).isEqualTo(String.valueOf(i + 2)); // the CSV line
                    assertThat(item.plan().stays())
                            .isEqualTo(StayCalculator.plan(null, facts(i), CONTROL_DATE, List.of(PLANNED), RULES)
                                    .stays());
                }
                for (int i = 1; i < TRAVELLERS; i += 2) {
                    assertThat(plan.items().get(i).plan().inCountry()).isTrue();
                }

                // and answered as CSV: one line per traveller (one planned stay), the same figures
                String csv = post(
                        portB,
                        "/api/v1/stay-calculator/plan?format=csv&entry=" + PLANNED.entry() + "&exit=" + PLANNED.exit(),
                        manifestCsv(),
                        "text/csv");
                String[] lines = csv.split("\r\n");
                assertThat(lines).hasSize(TRAVELLERS + 2);
                PlannedStayCheck first = plan.items().get(0).plan().stays().get(0);
                assertThat(lines[1])
                        .startsWith("2," + plan.items().get(0).travellerId() + ",CALCULATED,")
                        .endsWith("," + first.lastAuthorisedDay() + "," + first.daysOver() + ","
                                + first.daysUsedOnExit());
                assertThat(lines[TRAVELLERS + 1]).contains(",UNKNOWN_TRAVELLER,");
                assertThat(csv).doesNotContain("IT0000");
            }
        }
    }

    private List<CrossingFact> facts(int i) {
        return crossingsOf(i).stream().map(CrossingFact::from).toList();
    }

    private String controlBody() {
        StringBuilder body = new StringBuilder("{\"controlDate\":\"" + CONTROL_DATE + "\",\"travellers\":[");
        for (int i = 0; i <= TRAVELLERS; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"reference\":\"seat-")
                    .append(i)
                    .append("\",\"documentCountry\":\"UZB\",\"documentNumber\":\"")
                    .append(number(i)) // traveller TRAVELLERS never crossed
                    .append("\",\"birthDate\":\"1990-01-01\"}");
        }
        return body.append("]}").toString();
    }

    private String manifestCsv() {
        StringBuilder csv = new StringBuilder("document_country,document_number,birth_date\n");
        for (int i = 0; i <= TRAVELLERS; i++) {
            csv.append("UZB,").append(number(i)).append(",1990-01-01\n");
        }
        return csv.toString();
    }

    /** Until no traveller is UNAVAILABLE and the crossings have reached the stores (3 minutes at most). */
    private CalculatorResponse awaitAnswered(int port, String path, String body, JsonMapper json) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        CalculatorResponse last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = json.readValue(post(port, path, body, "application/json"), CalculatorResponse.class);
                if (last.results().getOrDefault("CALCULATED", 0) == TRAVELLERS) {
                    return last;
                }
            } catch (IllegalStateException notYet) {
                // the server is still starting
            }
            Thread.sleep(500);
        }
        return last;
    }

    private String post(int port, String path, String body, String contentType) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", contentType)
                        .header("Authorization", AUTH)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static ApplicationContext start(KafkaTestCluster kafka, Path stateDir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(stateDir);
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", port);
        props.put("border-flows.kafka.bootstrap-servers", kafka.bootstrapServers());
        props.put("border-flows.engine.application-id", "calculator-it");
        props.put("border-flows.engine.state-dir", stateDir.toAbsolutePath().toString());
        props.put("border-flows.engine.application-server", "localhost:" + port);
        props.put("border-flows.pseudonym.key", KEY);
        props.put("border-flows.kafka.properties.session.timeout.ms", "6000");
        props.put("border-flows.kafka.properties.heartbeat.interval.ms", "1000");
        ApplicationContext context = ApplicationContext.run(props);
        context.getBean(EmbeddedServer.class).start();
        return context;
    }
}
