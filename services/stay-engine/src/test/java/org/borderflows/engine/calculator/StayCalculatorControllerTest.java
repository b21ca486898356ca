package org.borderflows.engine.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The calculator's HTTP side with no broker reachable (the engine never becomes RUNNING): who may ask, and the 400
 * naming the field for every kind of bad input (RULES.md §7 endpoints; issue item "bad input on new endpoints").
 * The batch limit is 3 here.
 */
@MicronautTest
@Property(name = "border-flows.kafka.bootstrap-servers", value = "localhost:1")
@Property(name = "border-flows.engine.state-dir", value = "target/calculator-controller-test-state")
@Property(name = "border-flows.engine.application-id", value = "calculator-controller-test")
@Property(name = "border-flows.engine.calculator.max-travellers", value = "3")
@Property(name = "border-flows.security.users.statistician.password", value = "statistician-test-password")
@Property(name = "border-flows.security.users.statistician.roles", value = "statistician")
class StayCalculatorControllerTest {
    private static final String CONTROL = "/api/v1/stay-calculator/control";
    private static final String PLAN = "/api/v1/stay-calculator/plan";
    private static final String TRAVELLER =
            "{\"reference\":\"seat 12A\",\"documentCountry\":\"UZB\",\"documentNumber\":\"AB 1234567\","
                    + "\"birthDate\":\"1990-05-17\"}";
    private static final String CONTROL_BODY = "{\"controlDate\":\"2025-06-15\",\"travellers\":[" + TRAVELLER + "]}";

    @Inject
    @Client("/")
    HttpClient client;

    private HttpClientResponseException refused(HttpRequest<?> request) {
        return catchThrowableOfType(
                HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));
    }

    private HttpClientResponseException bad(String uri, String body) {
        return refused(HttpRequest.POST(uri, body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .basicAuth("agency", "agency-dev-password"));
    }

    private HttpClientResponseException badCsv(String uri, String csv) {
        return refused(HttpRequest.POST(uri, csv)
                .contentType(StayCalculatorController.TEXT_CSV)
                .basicAuth("agency", "agency-dev-password"));
    }

    @SuppressWarnings("unchecked")
    private static void assertField(HttpClientResponseException e, String field, String reason) {
        assertThat(e).as("a 400 for " + field).isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        Map<String, Object> problem = e.getResponse().getBody(Map.class).orElseThrow();
        assertThat(problem).containsEntry("field", field);
        assertThat((String) problem.get("reason")).contains(reason);
        assertThat((String) problem.get("message")).startsWith(field + ": ");
        assertThat(problem.toString()).doesNotContain("1234567"); // never the document number
    }

    @Test
    void withoutCredentialsTheCalculatorIsRefused() {
        HttpClientResponseException e =
                refused(HttpRequest.POST(CONTROL, CONTROL_BODY).contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void aStatisticianIsForbiddenTheCalculatorAndItsInternalEndpoint() {
        HttpClientResponseException control = refused(HttpRequest.POST(CONTROL, CONTROL_BODY)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .basicAuth("statistician", "statistician-test-password"));
        HttpClientResponseException internal = refused(HttpRequest.POST(
                        StayCalculatorService.INTERNAL_PATH,
                        "{\"mode\":{\"controlDate\":\"2025-06-15\"},\"travellerIds\":[\"x\"]}")
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .basicAuth("statistician", "statistician-test-password"));

        assertThat(control.getStatus().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
        assertThat(internal.getStatus().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void whileTheEngineIsNotRunningEachTravellerIsUnavailableWithRetryAfter() {
        HttpResponse<Map> answer = client.toBlocking()
                .exchange(
                        HttpRequest.POST(CONTROL, CONTROL_BODY)
                                .contentType(MediaType.APPLICATION_JSON_TYPE)
                                .basicAuth("agency", "agency-dev-password"),
                        Map.class);

        assertThat(answer.getStatus().getCode()).isEqualTo(200);
        assertThat(answer.getHeaders().get(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        Map<String, Object> body = answer.body();
        assertThat(body).containsEntry("mode", "CONTROL_DATE").containsEntry("controlDate", "2025-06-15");
        Map<String, Object> item = ((java.util.List<Map<String, Object>>) body.get("items")).get(0);
        assertThat(item).containsEntry("reference", "seat 12A").containsEntry("result", "UNAVAILABLE");
        assertThat((String) item.get("travellerId")).hasSize(64); // the pseudonym, hex HMAC-SHA-256
        assertThat(body.toString()).doesNotContain("1234567");
    }

    @Test
    void theAnswerIsCsvWhenAskedForAndAnUnknownFormatIsRefused() {
        String csv = client.toBlocking()
                .retrieve(
                        HttpRequest.POST(CONTROL + "?format=csv", CONTROL_BODY)
                                .contentType(MediaType.APPLICATION_JSON_TYPE)
                                .basicAuth("agency", "agency-dev-password"),
                        String.class);
        String viaAccept = client.toBlocking()
                .retrieve(
                        HttpRequest.POST(CONTROL, CONTROL_BODY)
                                .contentType(MediaType.APPLICATION_JSON_TYPE)
                                .accept(StayCalculatorController.TEXT_CSV)
                                .basicAuth("agency", "agency-dev-password"),
                        String.class);

        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv)
                .startsWith(CalculatorCsv.CONTROL_HEADER)
                .contains("seat 12A,")
                .contains(",UNAVAILABLE,");
        assertThat(viaAccept).isEqualTo(csv);
        assertField(bad(CONTROL + "?format=xml", CONTROL_BODY), "format", "json or csv");
    }

    @Test
    void aMalformedOrMissingControlDateNamesTheField() {
        assertField(
                bad(CONTROL, "{\"controlDate\":\"2025-13-01\",\"travellers\":[" + TRAVELLER + "]}"),
                "controlDate",
                "not a date");
        assertField(bad(CONTROL, "{\"travellers\":[" + TRAVELLER + "]}"), "controlDate", "missing");
        assertField(
                badCsv(
                        CONTROL + "?controlDate=15.06.2025",
                        "document_country,document_number,birth_date\n" + "UZB,AB1234567,1990-05-17\n"),
                "controlDate",
                "not a date");
    }

    @Test
    void aMissingOrMalformedIdentityFieldNamesTheTravellerAndTheField() {
        assertField(
                bad(
                        CONTROL,
                        "{\"controlDate\":\"2025-06-15\",\"travellers\":[" + TRAVELLER
                                + ",{\"documentCountry\":\"UZB\",\"birthDate\":\"1990-05-17\"}]}"),
                "travellers[1].documentNumber",
                "missing");
        assertField(
                bad(
                        CONTROL,
                        "{\"controlDate\":\"2025-06-15\",\"travellers\":[{\"documentCountry\":\"UZB\","
                                + "\"documentNumber\":\"AB1234567\",\"birthDate\":\"17/05/1990\"}]}"),
                "travellers[0].birthDate",
                "not a date");
        assertField(bad(CONTROL, "{\"controlDate\":\"2025-06-15\"}"), "travellers", "missing");
        assertField(
                badCsv(
                        CONTROL + "?controlDate=2025-06-15",
                        "document_country,document_number,birth_date\n"
                                + "UZB,AB1234567,1990-05-17\n"
                                + ",CD7654321,1985-01-01\n"),
                "document_country (line 3)",
                "missing");
        assertField(
                badCsv(CONTROL + "?controlDate=2025-06-15", "document_country,birth_date\nUZB,1990-05-17\n"),
                "header",
                "document_number");
    }

    @Test
    void aBodyThatIsNotJsonOrHasAWrongShapeNamesTheBody() {
        HttpClientResponseException broken = bad(CONTROL, "{\"controlDate\": \"2025-06-15\", \"travellers\": [");
        HttpClientResponseException wrongShape =
                bad(CONTROL, "{\"controlDate\":\"2025-06-15\",\"travellers\":\"all\"}");
        assertField(broken, "body", "not JSON of the expected shape");
        assertField(wrongShape, "body", "not JSON of the expected shape");
    }

    @Test
    void theReferenceMustNotBeTheDocumentNumber() {
        assertField(
                bad(
                        CONTROL,
                        "{\"controlDate\":\"2025-06-15\",\"travellers\":[{\"reference\":\"ab-1234567\","
                                + "\"documentCountry\":\"UZB\",\"documentNumber\":\"AB 1234567\",\"birthDate\":\"1990-05-17\"}]}"),
                "travellers[0].reference",
                "document number");
    }

    @Test
    void aBatchOverTheLimitIsRefused() {
        String four = "{\"controlDate\":\"2025-06-15\",\"travellers\":[" + TRAVELLER + "," + TRAVELLER + "," + TRAVELLER
                + "," + TRAVELLER + "]}";
        assertField(bad(CONTROL, four), "travellers", "more than the limit of 3");
        assertField(
                badCsv(
                        CONTROL + "?controlDate=2025-06-15",
                        "document_country,document_number,birth_date\n"
                                + "UZB,A1,1990-05-17\nUZB,A2,1990-05-17\nUZB,A3,1990-05-17\nUZB,A4,1990-05-17\n"),
                "travellers",
                "more than the limit of 3");
    }

    @Test
    void aPlannedExitBeforeItsEntryOrOverlappingStaysAreRefused() {
        assertField(
                bad(
                        PLAN,
                        "{\"plannedStays\":[{\"entry\":\"2025-07-10\",\"exit\":\"2025-07-01\"}],\"travellers\":["
                                + TRAVELLER + "]}"),
                "plannedStays[0].exit",
                "before the planned entry 2025-07-10");
        assertField(
                bad(
                        PLAN,
                        "{\"plannedStays\":[{\"entry\":\"2025-07-01\",\"exit\":\"2025-07-10\"},"
                                + "{\"entry\":\"2025-07-10\",\"exit\":\"2025-07-20\"}],\"travellers\":[" + TRAVELLER
                                + "]}"),
                "plannedStays",
                "overlap");
        assertField(bad(PLAN, "{\"travellers\":[" + TRAVELLER + "]}"), "plannedStays", "missing");
        assertField(
                bad(PLAN, "{\"plannedStays\":[{\"entry\":\"2025-07-01\"}],\"travellers\":[" + TRAVELLER + "]}"),
                "plannedStays[0].exit",
                "missing");
        assertField(
                badCsv(
                        PLAN + "?entry=2025-07-10&exit=2025-07-01",
                        "document_country,document_number,birth_date\n" + "UZB,AB1234567,1990-05-17\n"),
                "exit",
                "before the planned entry");
    }

    @Test
    void aManifestThatIsNotUtf8IsRefusedNotRepaired() {
        byte[] latin1 = "document_country,document_number,birth_date\nUZB,\u00c9AB1234567,1990-05-17\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        HttpClientResponseException e = refused(HttpRequest.POST(CONTROL + "?controlDate=2025-06-15", latin1)
                .contentType(StayCalculatorController.TEXT_CSV)
                .basicAuth("agency", "agency-dev-password"));
        assertField(e, "body", "not valid UTF-8");
    }
}
