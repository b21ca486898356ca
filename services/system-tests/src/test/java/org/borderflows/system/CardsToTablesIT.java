package org.borderflows.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline on a real broker, each service in its own JVM: cards posted to the card gateway as CSV,
 * matched by the stay engine, aggregated and served by the query service. Five travellers, reporting country
 * KAZ, every figure computed by hand below; then a late exit card corrects a stay's class and the count moves.
 *
 * <pre>
 * T1 UZB tourism   ENTRY 10.01.2026 (KZ-ALA-AIR), EXIT 20.01.2026   stay 10 days    VISIT
 * T2 TJK work      ENTRY 15.01.2026, EXIT 01.05.2026               stay 106 days   SHORT_TERM (labour migrant)
 * T3 KAZ work      EXIT 01.02.2026, ENTRY 05.06.2026               absence 124 days SHORT_TERM (labour emigrant)
 * T4 RUS business  ENTRY 01.03.2026, no exit yet                   open, 101 days at the clock: SHORT_TERM
 * T5 CHN tourism   ENTRY 10.06.2026                                open, 0 days: PENDING; sets the clock to 10.06.2026
 * + T1's entry card sent twice (a duplicate) and one card with sex "Q" (rejected).
 * Then T4's lost EXIT card of 25.05.2026 arrives (16 days before the clock, inside the 30-day horizon):
 * T4's stay closes at 85 days, VISIT: SHORT_TERM 2 -> 1, VISIT 1 -> 2.
 * </pre>
 */
class CardsToTablesIT {
    private static final String HEADER = "event_id,card_number,direction,crossed_at,border_post,document_country,"
            + "document_number,birth_date,sex,citizenship,purpose,intended_stay_days,transport\n";
    private static final String CARDS = HEADER
            + "e2e-01,AA 0000001,ENTRY,2026-01-10T12:00:00+05:00,KZ-ALA-AIR,UZB,UZ1000001,1985-04-02,F,UZB,TOURISM,14,AIR\n"
            + "e2e-02,AA 0000001,EXIT,2026-01-20T12:00:00+05:00,KZ-ALA-AIR,UZB,UZ1000001,1985-04-02,F,UZB,TOURISM,,AIR\n"
            + "e2e-03,AA 0000002,ENTRY,2026-01-15T12:00:00+05:00,KZ-KOR-ROAD,TJK,TJ2000002,1992-07-11,M,TJK,WORK,180,ROAD\n"
            + "e2e-04,AA 0000002,EXIT,2026-05-01T12:00:00+05:00,KZ-KOR-ROAD,TJK,TJ2000002,1992-07-11,M,TJK,WORK,,ROAD\n"
            + "e2e-05,AA 0000003,EXIT,2026-02-01T12:00:00+05:00,KZ-NQZ-AIR,KAZ,N3000003,1990-01-01,M,KAZ,WORK,,AIR\n"
            + "e2e-06,AA 0000003,ENTRY,2026-06-05T12:00:00+05:00,KZ-NQZ-AIR,KAZ,N3000003,1990-01-01,M,KAZ,WORK,,AIR\n"
            + "e2e-07,AA 0000004,ENTRY,2026-03-01T12:00:00+05:00,KZ-PTR-RAIL,RUS,4000004,1970-12-31,M,RUS,BUSINESS,30,RAIL\n"
            + "e2e-08,AA 0000005,ENTRY,2026-06-10T12:00:00+05:00,KZ-ALA-AIR,CHN,E5000005,2001-05-05,F,CHN,TOURISM,10,AIR\n"
            + "e2e-01,AA 0000001,ENTRY,2026-01-10T12:00:00+05:00,KZ-ALA-AIR,UZB,UZ1000001,1985-04-02,F,UZB,TOURISM,14,AIR\n"
            + "e2e-09,AA 0000009,ENTRY,2026-02-02T12:00:00+05:00,KZ-ALA-AIR,DEU,C9000009,1980-03-03,Q,DEU,TOURISM,5,AIR\n";
    private static final String LATE_EXIT = HEADER
            + "e2e-10,AA 0000004,EXIT,2026-05-25T12:00:00+05:00,KZ-PTR-RAIL,RUS,4000004,1970-12-31,M,RUS,BUSINESS,,RAIL\n";
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private static RunningSystem system;
    private static ServiceProcess gateway;
    private static ServiceProcess query;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.start(PATIENCE);
        gateway = system.gateway();
        query = system.query();
    }

    @AfterAll
    static void stopSystem() throws Exception {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void cardsBecomeTablesAndALateExitMovesAStayToAnotherClass() throws Exception {
        JsonNode ingest = postCards(CARDS);
        assertThat(ingest.toString()).as("gateway answer").contains("e2e-09").contains("sex");

        assertEventually(
                "spells by kind and class",
                () -> rows("spells", "by=kind,durationClass"),
                Map.of("ABSENCE|SHORT_TERM", 1, "STAY|PENDING", 1, "STAY|SHORT_TERM", 2, "STAY|VISIT", 1));
        assertEventually(
                "crossings by month and direction",
                () -> rows("crossings", "by=month,direction"),
                Map.of(
                        "2026-01|ENTRY",
                        2,
                        "2026-01|EXIT",
                        1,
                        "2026-02|EXIT",
                        1,
                        "2026-03|ENTRY",
                        1,
                        "2026-05|EXIT",
                        1,
                        "2026-06|ENTRY",
                        2));
        // A rejection is dated by its crossing date when that field is valid, else by the day it was received
        // (RULES.md §9): the period reaches today's month for the latter.
        String quality = "by=issue&issue=DUPLICATE,REJECTED&from=2026-01&to="
                + java.time.YearMonth.now(java.time.ZoneId.of("Asia/Almaty"));
        assertEventually("quality issues", () -> rows("quality", quality), Map.of("DUPLICATE", 1, "REJECTED", 1));
        // RULES.md §8: the tables' clock is the date the bulk of the traffic has reached, the second latest border
        // post's: KZ-NQZ-AIR on 5 June (only KZ-ALA-AIR reached 10 June)
        assertEventually("the tables' clock", () -> Map.of(asOf("spells"), 1), Map.of("2026-06-05", 1));

        postCards(LATE_EXIT);

        assertEventually(
                "spells after the late exit",
                () -> rows("spells", "by=kind,durationClass"),
                Map.of("ABSENCE|SHORT_TERM", 1, "STAY|PENDING", 1, "STAY|SHORT_TERM", 1, "STAY|VISIT", 2));
        assertEventually(
                "crossings after the late exit",
                () -> rows("crossings", "by=month,direction&month=2026-05"),
                Map.of("2026-05|EXIT", 2));
        String csv = get("/api/v1/datasets/spells?by=kind,durationClass&format=csv");
        assertThat(csv.lines())
                .containsExactly(
                        "kind,durationClass,count,status",
                        "ABSENCE,SHORT_TERM,1,provisional",
                        "STAY,PENDING,1,provisional",
                        "STAY,SHORT_TERM,1,provisional",
                        "STAY,VISIT,2,provisional");
    }

    private JsonNode postCards(String csv) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(gateway.uri("/api/v1/crossings"))
                        .header("Content-Type", "text/csv")
                        .header("X-Api-Key", "dev-simulator-key")
                        .POST(HttpRequest.BodyPublishers.ofString(csv))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return json.readTree(response.body());
    }

    private JsonNode table(String dataset, String query) throws Exception {
        return json.readTree(get("/api/v1/datasets/" + dataset + "?" + query));
    }

    private String get(String pathAndQuery) throws Exception {
        String credentials = Base64.getEncoder()
                .encodeToString("statistician:statistician-dev-password".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(query.uri(pathAndQuery).toString()))
                        .header("Authorization", "Basic " + credentials)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The rows of an exact (statistician) table as "dim1|dim2" -> count. */
    private String asOf(String dataset) {
        try {
            return table(dataset, "by=kind").get("asOf").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Integer> rows(String dataset, String query) {
        try {
            JsonNode table = table(dataset, query);
            Map<String, Integer> out = new TreeMap<>();
            for (JsonNode row : table.get("rows")) {
                StringBuilder key = new StringBuilder();
                for (JsonNode dim : table.get("by")) {
                    key.append(key.length() == 0 ? "" : "|")
                            .append(row.get(dim.asText()).asText());
                }
                out.put(key.toString(), row.get("count").asInt());
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The pipeline is asynchronous: poll until the table equals the expectation, then assert it. */
    private static void assertEventually(
            String what, Supplier<Map<String, Integer>> actual, Map<String, Integer> expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<String, Integer> last = actual.get();
        while (!last.equals(new TreeMap<>(expected)) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            last = actual.get();
        }
        assertThat(last).as(what).isEqualTo(new TreeMap<>(expected));
    }
}
