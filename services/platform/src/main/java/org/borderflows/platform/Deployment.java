package org.borderflows.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Deployment settings of RULES.md §1: the reporting country (ISO 3166-1 alpha-3, the country operating the
 * border posts) and its time zone, in which a crossing's date is taken. Configured by {@link
 * org.borderflows.platform.config.DeploymentConfiguration} (which validates the code against ISO 3166); {@link
 * #DEFAULT} is the development deployment of the tests and benchmarks.
 */
public record Deployment(String reportingCountry, ZoneId timeZone) {
    public static final Deployment DEFAULT = new Deployment("KAZ", ZoneId.of("Asia/Almaty"));

    public Deployment {
        if (reportingCountry == null || !reportingCountry.matches("[A-Za-z]{3}")) {
            throw new IllegalArgumentException(
                    "reporting country must be an ISO 3166-1 alpha-3 code, got '" + reportingCountry + "'");
        }
        reportingCountry = reportingCountry.toUpperCase(Locale.ROOT);
    }

    /** The crossing date of an instant: its date in the reporting country's time zone. */
    public LocalDate localDate(Instant instant) {
        return instant.atZone(timeZone).toLocalDate();
    }

    /** Residence status at the start (RULES.md §3): resident if a citizen of the reporting country. */
    public boolean isResidentByCitizenship(String citizenship) {
        return reportingCountry.equalsIgnoreCase(citizenship);
    }
}
