package org.borderflows.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DeploymentTest {
    @Test
    void aCrossingIsDatedInTheConfiguredZone() {
        Deployment kazakhstan = Deployment.of("kaz", "country", "Asia/Almaty", "zone");

        assertThat(kazakhstan.reportingCountry()).isEqualTo("KAZ");
        // 31 December 2025 20:00 UTC is 1 January 2026 01:00 in Almaty (UTC+5)
        assertThat(kazakhstan.localDate(Instant.parse("2025-12-31T20:00:00Z"))).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void aMalformedSettingStopsWithTheNameOfItsKey() {
        assertThatThrownBy(() ->
                        Deployment.of("KAZ", "border-flows.reporting-country", "Asia/Almati", "border-flows.time-zone"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("border-flows.time-zone must be an IANA time zone such as Asia/Almaty, got 'Asia/Almati'");
        assertThatThrownBy(() ->
                        Deployment.of("KZ", "BORDER_FLOWS_REPORTING_COUNTRY", "Asia/Almaty", "BORDER_FLOWS_TIME_ZONE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "BORDER_FLOWS_REPORTING_COUNTRY: reporting country must be an ISO 3166-1 alpha-3 code, got 'KZ'");
        assertThatThrownBy(() -> Deployment.of("KAZ", "country", "", "border-flows.deployment.time-zone"))
                .hasMessageStartingWith("border-flows.deployment.time-zone must be an IANA time zone");
    }
}
