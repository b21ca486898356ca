package org.borderflows.query.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP layer on a cube filled directly (no Kafka): roles, formats, caching headers, errors. */
@MicronautTest(environments = "no-kafka")
class QueryApiTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Cube cube;

    @BeforeEach
    void load() {
        if (cube.size() == 0) {
            CubeLoader loader = new CubeLoader(cube);
            LocalDate clock = LocalDate.of(2026, 3, 15);
            for (int i = 0; i < 7; i++) {
                loader.add(Fixtures.openStay("t" + i, LocalDate.of(2026, 2, 1 + i), DurationClass.PENDING, clock)
                        .build());
            }
            loader.add(Fixtures.openStay("s1", LocalDate.of(2026, 1, 4), DurationClass.PENDING, clock)
                    .setSuspectedOverstay(true)
                    .setLatestAuthorisedExit(LocalDate.of(2026, 3, 1))
                    .build());
        }
    }

    private HttpResponse<String> get(HttpRequest<?> request) {
        return http.toBlocking().exchange(request, String.class);
    }

    @Test
    void statisticiansGetExactCounts() {
        String body = get(HttpRequest.GET("/api/v1/datasets/spells?by=month")
                        .basicAuth("statistician", "statistician-dev-password"))
                .body();
        assertThat(body)
                .isEqualTo("{\"dataset\":\"spells\",\"asOf\":\"2026-03-15\",\"protected\":false,\"from\":\"2026-01\","
                        + "\"to\":\"2026-03\",\"by\":[\"month\"],\"rows\":[{\"month\":\"2026-01\",\"count\":1,"
                        + "\"status\":\"final\"},{\"month\":\"2026-02\",\"count\":7,\"status\":\"final\"}]}");
    }

    @Test
    void thePublicGetsProtectedCounts() {
        HttpResponse<String> response = get(HttpRequest.GET("/api/v1/datasets/spells?by=month"));
        assertThat(response.body())
                .contains("\"protected\":true")
                .contains("{\"month\":\"2026-01\",\"count\":null,\"status\":\"suppressed\"}");
        assertThat(response.body()).containsAnyOf("\"count\":6,", "\"count\":9,");
        assertThat(response.header("Cache-Control")).contains("max-age");
    }

    @Test
    void csvIsServedForTheAcceptHeaderAndTheFormatParameter() {
        HttpResponse<String> byHeader = get(HttpRequest.GET("/api/v1/datasets/spells?by=month")
                .basicAuth("statistician", "statistician-dev-password")
                .accept("text/csv"));
        HttpResponse<String> byParameter = get(HttpRequest.GET("/api/v1/datasets/spells?by=month&format=csv")
                .basicAuth("statistician", "statistician-dev-password"));
        assertThat(byHeader.body()).isEqualTo("month,count,status\r\n2026-01,1,final\r\n2026-02,7,final\r\n");
        assertThat(byHeader.header("Content-Disposition")).isEqualTo("attachment; filename=\"spells.csv\"");
        assertThat(byParameter.body()).isEqualTo(byHeader.body());
        assertThat(byHeader.header("X-As-Of")).isEqualTo("2026-03-15");
        assertThat(byHeader.header("X-Protected")).isEqualTo("false");
    }

    @Test
    void anUnchangedAnswerIsNotModified() {
        HttpResponse<String> first = get(HttpRequest.GET("/api/v1/datasets/spells?by=month"));
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        HttpResponse<String> second =
                get(HttpRequest.GET("/api/v1/datasets/spells?by=month").header("If-None-Match", etag));
        assertThat(second.status().getCode()).isEqualTo(304);
    }

    @Test
    void anUnknownDimensionIsABadRequestNamingIt() {
        assertThatThrownBy(() -> get(HttpRequest.GET("/api/v1/datasets/spells?by=colour")))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(400);
                    assertThat(e.getResponse().getBody(String.class).orElseThrow())
                            .contains("unknown dimension 'colour'")
                            .contains("\"parameter\":\"by\"");
                });
    }

    @Test
    void theOverstayerListIsForTheAgencyOnly() {
        assertThat(get(HttpRequest.GET("/api/v1/overstayers").basicAuth("agency", "agency-dev-password"))
                        .body())
                .contains("\"travellerId\":\"s1\"")
                .contains("\"overstayDays\":14");
        assertThatThrownBy(() -> get(HttpRequest.GET("/api/v1/overstayers")))
                .isInstanceOfSatisfying(
                        HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(401));
        assertThatThrownBy(() -> get(
                        HttpRequest.GET("/api/v1/overstayers").basicAuth("statistician", "statistician-dev-password")))
                .isInstanceOfSatisfying(
                        HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(403));
    }

    @Test
    void theCatalogueTheOpenApiDocumentAndTheDashboardAreServed() {
        assertThat(get(HttpRequest.GET("/api/v1/datasets")).body()).contains("\"name\":\"migration-12-16\"");
        assertThat(get(HttpRequest.GET("/swagger/flow-query-1.yml")).body()).contains("/api/v1/datasets/{name}");
        assertThat(get(HttpRequest.GET("/")).body()).contains("<html");
    }
}
