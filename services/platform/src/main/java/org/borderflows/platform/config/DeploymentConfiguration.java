package org.borderflows.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.borderflows.platform.Deployment;

/**
 * The deployment of RULES.md §1 ({@code border-flows.deployment.*}): the reporting country, operating the border
 * posts, and its time zone, in which a crossing's date is taken. All services and instances of one deployment
 * have the same two values. Bound at start-up ({@link Context}): a malformed value stops the service.
 *
 * @param reportingCountry {@code border-flows.deployment.reporting-country}, an ISO 3166-1 alpha-3 code (any case)
 * @param timeZone {@code border-flows.deployment.time-zone}, an IANA zone id such as Asia/Almaty
 */
@Context
@ConfigurationProperties("border-flows.deployment")
public record DeploymentConfiguration(@Nullable String reportingCountry, @Nullable String timeZone) {

    public static final Setting REPORTING_COUNTRY =
            new Setting("border-flows.deployment.reporting-country", "BORDER_FLOWS_REPORTING_COUNTRY", "KAZ");
    public static final Setting TIME_ZONE =
            new Setting("border-flows.deployment.time-zone", "BORDER_FLOWS_TIME_ZONE", "Asia/Almaty");

    private static final Set<String> ALPHA_3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    public DeploymentConfiguration {
        String country = reportingCountry == null ? "" : reportingCountry.trim().toUpperCase(Locale.ROOT);
        if (!ALPHA_3.contains(country)) {
            throw REPORTING_COUNTRY.invalid("'" + reportingCountry + "' is not an ISO 3166-1 alpha-3 country code");
        }
        reportingCountry = country;
        timeZone = timeZone == null ? "" : timeZone.trim();
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw TIME_ZONE.invalid("'" + timeZone + "' is not a time zone (an IANA id such as Asia/Almaty)", e);
        }
    }

    /** The command-line programs' deployment: BORDER_FLOWS_REPORTING_COUNTRY and BORDER_FLOWS_TIME_ZONE. */
    public static DeploymentConfiguration fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static DeploymentConfiguration fromEnvironment(Map<String, String> environment) {
        return new DeploymentConfiguration(REPORTING_COUNTRY.from(environment), TIME_ZONE.from(environment));
    }

    public Deployment deployment() {
        return new Deployment(reportingCountry, zone());
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
