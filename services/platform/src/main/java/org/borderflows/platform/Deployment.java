package org.borderflows.platform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Deployment settings of RULES.md §1: the reporting country (ISO 3166-1 alpha-3, the country operating the
 * border posts) and its time zone, in which a crossing's date is taken. From the environment:
 * {@code BORDER_FLOWS_REPORTING_COUNTRY} (default KAZ) and {@code BORDER_FLOWS_TIME_ZONE} (default Asia/Almaty).
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

    public static Deployment fromEnvironment() {
        return of(
                System.getenv().getOrDefault("BORDER_FLOWS_REPORTING_COUNTRY", DEFAULT.reportingCountry()),
                "BORDER_FLOWS_REPORTING_COUNTRY",
                System.getenv()
                        .getOrDefault(
                                "BORDER_FLOWS_TIME_ZONE", DEFAULT.timeZone().getId()),
                "BORDER_FLOWS_TIME_ZONE");
    }

    /**
     * From configured values, failing with a message that names the setting ({@code countrySetting},
     * {@code zoneSetting}: the key or variable the value came from) when a value is missing or malformed.
     */
    public static Deployment of(String country, String countrySetting, String zone, String zoneSetting) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone == null ? "" : zone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    zoneSetting + " must be an IANA time zone such as Asia/Almaty, got '" + zone + "'", e);
        }
        try {
            return new Deployment(country, zoneId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(countrySetting + ": " + e.getMessage(), e);
        }
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
