package org.borderflows.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DeploymentTest {
    @Test
    void aCrossingIsDatedInTheConfiguredZone() {
        Deployment kazakhstan = new Deployment("kaz", ZoneId.of("Asia/Almaty"));

        assertThat(kazakhstan.reportingCountry()).isEqualTo("KAZ");
        // 31 December 2025 20:00 UTC is 1 January 2026 01:00 in Almaty (UTC+5)
        assertThat(kazakhstan.localDate(Instant.parse("2025-12-31T20:00:00Z"))).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void residentsAreTheReportingCountrysCitizens() {
        assertThat(Deployment.DEFAULT.isResidentByCitizenship("kaz")).isTrue();
        assertThat(Deployment.DEFAULT.isResidentByCitizenship("UZB")).isFalse();
    }
}
