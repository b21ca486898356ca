package org.borderflows.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderflows.simulator.gen.Card;
import org.borderflows.simulator.gen.FaultRates;
import org.borderflows.simulator.gen.Simulation;
import org.borderflows.simulator.out.GatewaySink;
import org.junit.jupiter.api.Test;

/**
 * Scale-out is Kafka's (docs/scaling.md): three stay-engine instances and three flow-query instances, each its own
 * JVM from its distribution, sharing their applications' partitions, give the same tables as one instance of each
 * from the same cards; and every flow-query instance serves all of them. The cards: a year and a half of simulated
 * traffic (2024-01..2025-06, 6,000 cards, seed 11) with 1% each of duplicates, re-ordering, lost exits and invalid
 * cards, posted to the gateway in the same order in both runs. No card is later than the engine's horizon: which
 * crossings are too late, or revise an outcome already final, depends on how far the engine's clock has got when the
 * card arrives, which is timing, not the instance count.
 *
 * <p>The one-instance run's tables are taken once they hold every accepted card and stop changing; the three-instance
 * run must reach the same answers on each of its query instances.
 */
class ScaleOutIT {
    private static final Duration PATIENCE = Duration.ofSeconds(240);
    private static final Simulation.Settings WORLD = new Simulation.Settings(
            YearMonth.of(2024, 1),
            YearMonth.of(2025, 6),
            0,
            6_000,
            11,
            new FaultRates(0.01, 0.01, 0.01, 0, 0.01),
            ZoneId.of("Asia/Almaty"));
    private static final String PERIOD = "&from=2024-01&to=2025-06";
    /** A question per dataset the engine's outputs feed, by dimensions its contributions set. */
    private static final List<String> QUESTIONS = List.of(
            "crossings?by=month,direction,citizenship",
            "spells?by=month,kind,durationClass,final",
            "migration-12-16?by=month,direction",
            "stock?by=month,citizenship",
            "labour?by=month,flow,durationClass",
            "overstays?by=month,type",
            "overstay-rates?by=month,citizenship",
            "border-workers?by=month,kind",
            "quality?by=month,issue");

    /**
     * The quality counts of every month up to today's: a card whose crossed_at is invalid is dated on the day it was
     * rejected (RULES.md §9), outside the world's months.
     */
    private static final String RECEIVED = "quality?by=issue&from=2024-01&to=" + YearMonth.now(WORLD.zone());

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void threeEngineAndThreeQueryInstancesGiveTheTablesOfOneOfEach() throws Exception {
        List<Card> cards = Simulation.run(WORLD).cards();

        Map<String, JsonNode> oneOfEach;
        try (RunningSystem system = RunningSystem.start(PATIENCE, 1, 1)) {
            post(cards, system.gateway());
            oneOfEach = settledTables(system.query(), cards.size());
        }
        assertThat(oneOfEach.get("crossings?by=month,direction,citizenship").size())
                .as("crossing rows")
                .isGreaterThan(100);

        try (RunningSystem system = RunningSystem.start(PATIENCE, 3, 3)) {
            post(cards, system.gateway());
            for (ServiceProcess query : system.queries()) {
                Map<String, JsonNode> tables = awaitTables(query, oneOfEach);
                for (String question : QUESTIONS) {
                    assertThat(tables.get(question))
                            .as(question + " on " + query.uri("/"))
                            .isEqualTo(oneOfEach.get(question));
                }
            }
        }
    }

    private static void post(List<Card> cards, ServiceProcess gateway) throws Exception {
        GatewaySink sink = new GatewaySink(gateway.uri("").toString(), "dev-simulator-key", 500, false);
        for (Card card : cards) {
            sink.send(card);
        }
        sink.close();
        assertThat(sink.confirmed()).as("cards acknowledged by the gateway").isEqualTo(cards.size());
    }

    /**
     * The answers once every card is received and every accepted one counted in the crossings table, and two reads
     * three seconds apart agree (the engine's outputs have all reached the tables).
     */
    private Map<String, JsonNode> settledTables(ServiceProcess query, int cards) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, JsonNode> previous = Map.of();
        while (System.nanoTime() < deadline) {
            Map<String, JsonNode> tables = tables(query);
            if (holdsEveryCard(answer(query, RECEIVED), tables, cards) && tables.equals(previous)) {
                return tables;
            }
            previous = tables;
            Thread.sleep(3000);
        }
        throw new AssertionError("the one-instance tables did not settle within " + PATIENCE + ": " + previous);
    }

    private Map<String, JsonNode> awaitTables(ServiceProcess query, Map<String, JsonNode> expected) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, JsonNode> tables = tables(query);
        while (!tables.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            tables = tables(query);
        }
        return tables;
    }

    /** Every card received, and the accepted ones (not rejected, duplicate or late) all counted as crossings. */
    private static boolean holdsEveryCard(JsonNode quality, Map<String, JsonNode> tables, int cards) {
        long received = 0;
        long notCrossings = 0;
        for (JsonNode row : quality) {
            String issue = row.get("issue").asText();
            long count = row.get("count").asLong();
            if (issue.equals("RECEIVED")) {
                received += count;
            } else if (List.of("REJECTED", "DUPLICATE", "LATE").contains(issue)) {
                notCrossings += count;
            }
        }
        long crossings = 0;
        for (JsonNode row : tables.get("crossings?by=month,direction,citizenship")) {
            crossings += row.get("count").asLong();
        }
        return received == cards && crossings == received - notCrossings;
    }

    /**
     * The rows of each question, as the statistician (exact figures) gets them, without the REVISED_AFTER_FINAL
     * counts: whether a re-ordered card arrives before or after its outcome's final date has passed on the engine's
     * clock is timing (RULES.md §5), like DUPLICATE and LATE; the revision itself reaches the tables either way.
     */
    private Map<String, JsonNode> tables(ServiceProcess query) throws Exception {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String question : QUESTIONS) {
            out.put(question, withoutTimingFindings(answer(query, question + PERIOD)));
        }
        return out;
    }

    private static JsonNode withoutTimingFindings(JsonNode rows) {
        ArrayNode kept = JsonNodeFactory.instance.arrayNode();
        for (JsonNode row : rows) {
            if (!"REVISED_AFTER_FINAL".equals(row.path("issue").asText())) {
                kept.add(row);
            }
        }
        return kept;
    }

    private JsonNode answer(ServiceProcess query, String question) throws Exception {
        String credentials = Base64.getEncoder()
                .encodeToString("statistician:statistician-dev-password".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(query.uri("/api/v1/datasets/" + question))
                        .header("Authorization", "Basic " + credentials)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(question + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("rows");
    }
}
