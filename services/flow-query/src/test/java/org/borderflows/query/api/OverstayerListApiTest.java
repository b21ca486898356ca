package org.borderflows.query.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.borderflows.query.CubeLoader;
import org.borderflows.query.Fixtures;
import org.borderflows.query.tables.Cube;
import org.borderflows.schema.DurationClass;
import org.borderflows.schema.Purpose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/overstayers} (RULES.md §7, EES Art. 12): the border agency's list, usable for action, as JSON and
 * CSV; refused to the public and to statisticians; a bad parameter is a 400 naming it. Clock 15.03.2026.
 */
@MicronautTest(environments = "no-kafka")
class OverstayerListApiTest {
    private static final LocalDate CLOCK = LocalDate.of(2026, 3, 15);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Cube cube;

    /**
     * A: UZB tourist, card "MC 1001", entered at the airport 04.01.2026, authorised until 01.03.2026: 14 days over.
     * B: CHN on business, card {@code KZ,"2002"} (a comma and quotes: CSV quoting), entered by road 10.12.2025,
     * authorised until 09.03.2026: 6 days over. C: entered 01.02.2026 with no card number, authorised until
     * 01.05.2026: not due, not listed.
     */
    @BeforeEach
    void load() {
        if (cube.size() == 0) {
            new CubeLoader(cube)
                    .add(Fixtures.openStay("pseudo-a", LocalDate.of(2026, 1, 4), DurationClass.PENDING, CLOCK)
                            .setCitizenship("UZB")
                            .setPurpose(Purpose.TOURISM)
                            .setStartCardNumber("MC 1001")
                            .setLatestAuthorisedExit(LocalDate.of(2026, 3, 1))
                            .build())
                    .add(Fixtures.openStay("pseudo-b", LocalDate.of(2025, 12, 10), DurationClass.PENDING, CLOCK)
                            .setCitizenship("CHN")
                            .setPurpose(Purpose.BUSINESS)
                            .setStartBorderPost("KZ-KOR-ROAD")
                            .setStartCardNumber("KZ,\"2002\"")
                            .setLatestAuthorisedExit(LocalDate.of(2026, 3, 9))
                            .build())
                    .add(Fixtures.openStay("pseudo-c", LocalDate.of(2026, 2, 1), DurationClass.PENDING, CLOCK)
                            .setCitizenship("UZB")
                            .setPurpose(Purpose.TOURISM)
                            .setLatestAuthorisedExit(LocalDate.of(2026, 5, 1))
                            .build());
        }
    }

    private HttpResponse<String> get(HttpRequest<?> request) {
        return http.toBlocking().exchange(request, String.class);
    }

    private static MutableHttpRequest<?> agency(String uri) {
        return HttpRequest.GET(uri).basicAuth("agency", "agency-dev-password");
    }

    private static final String ROW_A = "{\"cardNumber\":\"MC 1001\",\"entryBorderPost\":\"KZ-ALA-AIR\","
            + "\"entryDate\":\"2026-01-04\",\"latestAuthorisedExit\":\"2026-03-01\",\"overstayDays\":14,"
            + "\"citizenship\":\"UZB\",\"purpose\":\"TOURISM\",\"sex\":\"M\",\"ageGroup\":\"25-29\","
            + "\"travellerId\":\"pseudo-a\",\"spellId\":\"pseudo-a:e-2026-01-04\"}";
    private static final String ROW_B = "{\"cardNumber\":\"KZ,\\\"2002\\\"\",\"entryBorderPost\":\"KZ-KOR-ROAD\","
            + "\"entryDate\":\"2025-12-10\",\"latestAuthorisedExit\":\"2026-03-09\",\"overstayDays\":6,"
            + "\"citizenship\":\"CHN\",\"purpose\":\"BUSINESS\",\"sex\":\"M\",\"ageGroup\":\"25-29\","
            + "\"travellerId\":\"pseudo-b\",\"spellId\":\"pseudo-b:e-2025-12-10\"}";

    @Test
    void theAgencyGetsEachOverstayerWithTheEntryCardLongestOverstayFirst() {
        HttpResponse<String> response = get(agency("/api/v1/overstayers"));

        assertThat(response.body())
                .isEqualTo("{\"asOf\":\"2026-03-15\",\"overstayers\":[" + ROW_A + "," + ROW_B + "]}");
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("X-As-Of")).isEqualTo("2026-03-15");
        assertThat(response.header("Cache-Control")).isEqualTo("private, no-store");
    }

    @Test
    void csvForTheAcceptHeaderAndTheFormatParameterQuotedAsRfc4180() {
        HttpResponse<String> byHeader = get(agency("/api/v1/overstayers").accept("text/csv"));
        HttpResponse<String> byParameter = get(agency("/api/v1/overstayers?format=csv"));

        assertThat(byHeader.body())
                .isEqualTo("cardNumber,entryBorderPost,entryDate,latestAuthorisedExit,overstayDays,citizenship,purpose,"
                        + "sex,ageGroup,travellerId,spellId\r\n"
                        + "MC 1001,KZ-ALA-AIR,2026-01-04,2026-03-01,14,UZB,TOURISM,M,25-29,pseudo-a,"
                        + "pseudo-a:e-2026-01-04\r\n"
                        + "\"KZ,\"\"2002\"\"\",KZ-KOR-ROAD,2025-12-10,2026-03-09,6,CHN,BUSINESS,M,25-29,pseudo-b,"
                        + "pseudo-b:e-2025-12-10\r\n");
        assertThat(byHeader.header("Content-Type")).startsWith("text/csv");
        assertThat(byHeader.header("Content-Disposition")).isEqualTo("attachment; filename=\"overstayers.csv\"");
        assertThat(byParameter.body()).isEqualTo(byHeader.body());
        assertThat(byParameter.header("Content-Disposition")).isEqualTo("attachment; filename=\"overstayers.csv\"");
    }

    @Test
    void filtersByBorderPostOfEntryCitizenshipAndPurpose() {
        assertThat(get(agency("/api/v1/overstayers?borderPost=KZ-KOR-ROAD")).body())
                .isEqualTo("{\"asOf\":\"2026-03-15\",\"overstayers\":[" + ROW_B + "]}");
        assertThat(get(agency("/api/v1/overstayers?citizenship=UZB&purpose=TOURISM"))
                        .body())
                .isEqualTo("{\"asOf\":\"2026-03-15\",\"overstayers\":[" + ROW_A + "]}");
        assertThat(get(agency("/api/v1/overstayers?citizenship=UZB,CHN")).body())
                .isEqualTo("{\"asOf\":\"2026-03-15\",\"overstayers\":[" + ROW_A + "," + ROW_B + "]}");
        assertThat(get(agency("/api/v1/overstayers?purpose=WORK")).body())
                .isEqualTo("{\"asOf\":\"2026-03-15\",\"overstayers\":[]}");
    }

    @Test
    void thePublicAndStatisticiansAreRefused() {
        assertThat(status(HttpRequest.GET("/api/v1/overstayers"))).isEqualTo(401);
        assertThat(status(HttpRequest.GET("/api/v1/overstayers?format=csv"))).isEqualTo(401);
        assertThat(status(
                        HttpRequest.GET("/api/v1/overstayers").basicAuth("statistician", "statistician-dev-password")))
                .isEqualTo(403);
        assertThat(status(HttpRequest.GET("/api/v1/overstayers").basicAuth("agency", "wrong-password")))
                .isEqualTo(401);
    }

    @Test
    void aBadParameterIsA400NamingItAndTheReason() {
        assertBadRequest("/api/v1/overstayers?citizenship=uzb", "citizenship", "'uzb' is not a valid citizenship");
        assertBadRequest("/api/v1/overstayers?purpose=HOLIDAY", "purpose", "'HOLIDAY' is not a valid purpose");
        assertBadRequest("/api/v1/overstayers?borderPost=KZ%20ALA", "borderPost", "'KZ ALA' is not a valid borderPost");
        assertBadRequest("/api/v1/overstayers?citizenship=", "citizenship", "citizenship must not be empty");
        assertBadRequest("/api/v1/overstayers?documentNumber=AB123", "documentNumber", "unknown parameter");
        assertBadRequest("/api/v1/overstayers?format=xml", "format", "format must be json or csv");
    }

    @Test
    void theOverstayRatesOfTheSameStaysValidateAsSdmxMl30WithTheRatesAsAttributes() throws Exception {
        // Every series (border post, citizenship, purpose) of every frequency. March 2026: A (UZB) and B (CHN) each 1
        // expected departure, inside on 15.03.2026: 1 in-country overstay, 100.00 %. The year 2026 (provisional,
        // not over) also holds C (UZB, due 01.05.2026, not due): UZB 2 expected, 1 in country, 50.00 %.
        String schema = get(HttpRequest.GET("/sdmx/2.1/schema/dataflow/BORDER_FLOWS/OVERSTAY_RATES/1.0"))
                .body();
        String data = get(HttpRequest.GET("/sdmx/2.1/data/OVERSTAY_RATES")
                        .accept("application/vnd.sdmx.structurespecificdata+xml;version=3.0.0")
                        .basicAuth("statistician", "statistician-dev-password"))
                .body();
        org.borderflows.query.sdmx.SdmxSchemas.validateMl30(data, schema);
        assertThat(data)
                .contains("<Series FREQ=\"M\" TRANSFORMATION=\"N\" BORDER_POST=\"KZ-ALA-AIR\" CITIZENSHIP=\"UZB\""
                        + " PURPOSE=\"TOURISM\"><Obs TIME_PERIOD=\"2026-03\" OBS_VALUE=\"1\" OBS_STATUS=\"P\""
                        + " CONF_STATUS=\"F\" DEPARTED_ON_TIME=\"0\" OUT_OF_COUNTRY_OVERSTAYS=\"0\""
                        + " IN_COUNTRY_OVERSTAYS=\"1\" IN_COUNTRY_NOT_DUE=\"0\" OVERSTAYS=\"1\" OVERSTAY_RATE=\"100.00\""
                        + " IN_COUNTRY_OVERSTAY_RATE=\"100.00\">")
                .contains("<Series FREQ=\"A\" TRANSFORMATION=\"N\" BORDER_POST=\"KZ-ALA-AIR\" CITIZENSHIP=\"UZB\""
                        + " PURPOSE=\"TOURISM\"><Obs TIME_PERIOD=\"2026\" OBS_VALUE=\"2\" OBS_STATUS=\"P\""
                        + " CONF_STATUS=\"F\" DEPARTED_ON_TIME=\"0\" OUT_OF_COUNTRY_OVERSTAYS=\"0\""
                        + " IN_COUNTRY_OVERSTAYS=\"1\" IN_COUNTRY_NOT_DUE=\"1\" OVERSTAYS=\"1\" OVERSTAY_RATE=\"50.00\""
                        + " IN_COUNTRY_OVERSTAY_RATE=\"50.00\">");
    }

    private int status(HttpRequest<?> request) {
        try {
            return get(request).status().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private void assertBadRequest(String uri, String parameter, String reason) {
        assertThatThrownBy(() -> get(agency(uri))).isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(400);
            assertThat(e.getResponse().getBody(String.class).orElseThrow())
                    .contains(reason)
                    .contains("\"parameter\":\"" + parameter + "\"");
        });
    }
}
