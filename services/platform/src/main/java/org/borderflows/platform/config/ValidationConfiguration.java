package org.borderflows.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The card validation of RULES.md §1 shared by the two intakes, the card gateway and the card loader
 * ({@code border-flows.validation.*}). Bound at start-up ({@link Context}): a malformed value stops the service.
 *
 * @param clockSkew {@code border-flows.validation.clock-skew}: how far in the future {@code crossed_at} may be
 *     before the card is IN_FUTURE (border posts' clocks drift); unset: 10 minutes
 */
@Context
@ConfigurationProperties("border-flows.validation")
public record ValidationConfiguration(@Nullable Duration clockSkew) {

    public static final Setting CLOCK_SKEW =
            new Setting("border-flows.validation.clock-skew", "BORDER_FLOWS_CLOCK_SKEW", "10m");

    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    public ValidationConfiguration {
        clockSkew = clockSkew == null ? duration(CLOCK_SKEW.defaultValue()) : clockSkew;
        if (clockSkew.isNegative()) {
            throw CLOCK_SKEW.invalid("must not be negative, got " + clockSkew);
        }
    }

    /** The command-line programs' validation: BORDER_FLOWS_CLOCK_SKEW (10m, 30s, 1h or ISO-8601 such as PT10M). */
    public static ValidationConfiguration fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static ValidationConfiguration fromEnvironment(Map<String, String> environment) {
        String value = CLOCK_SKEW.from(environment).trim();
        try {
            return new ValidationConfiguration(duration(value));
        } catch (DateTimeParseException e) {
            throw CLOCK_SKEW.invalid("'" + value + "' is not a duration (such as 10m, 30s or PT10M)", e);
        }
    }

    /** A duration as Micronaut reads one: a number with ms, s, m, h or d, or ISO-8601. */
    private static Duration duration(String value) {
        Matcher m = SHORT.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
