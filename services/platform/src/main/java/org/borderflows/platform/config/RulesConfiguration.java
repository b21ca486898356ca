package org.borderflows.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.Map;
import org.borderflows.domain.RuleSettings;

/**
 * The parameters of the rules ({@code border-flows.rules.*}), one value each for every service of a deployment: the
 * stay engine's rules, flow-query's reading of them (what is final, the estimator, the revisions' stages), and, as
 * plain numbers, the simulator's independent truth and the DuckDB peer. Unset: the values of docs/rules.md. Bound at
 * start-up ({@link Context}): a value out of range stops the service with a message naming its key.
 *
 * @param visitDays {@code border-flows.rules.visit-days}: a spell shorter than this is a VISIT (§4, 90)
 * @param longTermDays {@code border-flows.rules.long-term-days}: a spell at least this long is LONG_TERM (§4, 365)
 * @param windowDays {@code border-flows.rules.window-days}: the 12/16 window W (§5, 487)
 * @param thresholdDays {@code border-flows.rules.threshold-days}: the 12/16 threshold T (§5, 365), below W
 * @param authorisedWindowDays {@code border-flows.rules.authorised-window-days}: the authorised-stay window (§7, 180)
 * @param authorisedMaxDays {@code border-flows.rules.authorised-max-days}: the days allowed in it (§7, 90)
 */
@Context
@ConfigurationProperties("border-flows.rules")
public record RulesConfiguration(
        @Nullable Integer visitDays,
        @Nullable Integer longTermDays,
        @Nullable Integer windowDays,
        @Nullable Integer thresholdDays,
        @Nullable Integer authorisedWindowDays,
        @Nullable Integer authorisedMaxDays) {

    /** The documented values, defined once, in the domain. */
    private static final RuleSettings DOCUMENTED = RuleSettings.defaults(null);

    public static final Setting VISIT_DAYS = rule("visit-days", DOCUMENTED.visitDays());
    public static final Setting LONG_TERM_DAYS = rule("long-term-days", DOCUMENTED.longTermDays());
    public static final Setting WINDOW_DAYS = rule("window-days", DOCUMENTED.windowDays());
    public static final Setting THRESHOLD_DAYS = rule("threshold-days", DOCUMENTED.thresholdDays());
    public static final Setting AUTHORISED_WINDOW_DAYS =
            rule("authorised-window-days", DOCUMENTED.authorisedWindowDays());
    public static final Setting AUTHORISED_MAX_DAYS = rule("authorised-max-days", DOCUMENTED.authorisedMaxDays());

    public RulesConfiguration {
        visitDays = days(VISIT_DAYS, visitDays);
        longTermDays = days(LONG_TERM_DAYS, longTermDays);
        windowDays = days(WINDOW_DAYS, windowDays);
        thresholdDays = days(THRESHOLD_DAYS, thresholdDays);
        authorisedWindowDays = days(AUTHORISED_WINDOW_DAYS, authorisedWindowDays);
        authorisedMaxDays = days(AUTHORISED_MAX_DAYS, authorisedMaxDays);
        if (longTermDays <= visitDays) {
            throw LONG_TERM_DAYS.invalid("must be above visit-days (" + visitDays + "), got " + longTermDays);
        }
        if (thresholdDays >= windowDays) {
            throw THRESHOLD_DAYS.invalid("must be below window-days (" + windowDays + "), got " + thresholdDays);
        }
        if (authorisedMaxDays > authorisedWindowDays) {
            throw AUTHORISED_MAX_DAYS.invalid(
                    "must not exceed authorised-window-days (" + authorisedWindowDays + "), got " + authorisedMaxDays);
        }
    }

    /** The values of docs/rules.md. */
    public static RulesConfiguration defaults() {
        return fromEnvironment(Map.of());
    }

    /** The command-line programs' rules: BORDER_FLOWS_RULES_WINDOW_DAYS and the like, each defaulting as documented. */
    public static RulesConfiguration fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static RulesConfiguration fromEnvironment(Map<String, String> environment) {
        return new RulesConfiguration(
                number(VISIT_DAYS, environment),
                number(LONG_TERM_DAYS, environment),
                number(WINDOW_DAYS, environment),
                number(THRESHOLD_DAYS, environment),
                number(AUTHORISED_WINDOW_DAYS, environment),
                number(AUTHORISED_MAX_DAYS, environment));
    }

    /** The domain's settings of these rules for a reporting country (what the engine and flow-query run). */
    public RuleSettings settings(String reportingCountry) {
        return new RuleSettings(
                reportingCountry,
                visitDays,
                longTermDays,
                windowDays,
                thresholdDays,
                authorisedWindowDays,
                authorisedMaxDays,
                DOCUMENTED.visaFree(),
                DOCUMENTED.borderWorker());
    }

    private static Setting rule(String name, int defaultDays) {
        return new Setting(
                "border-flows.rules." + name,
                "BORDER_FLOWS_RULES_" + name.toUpperCase(Locale.ROOT).replace('-', '_'),
                String.valueOf(defaultDays));
    }

    private static int days(Setting setting, Integer value) {
        int days = value == null ? Integer.parseInt(setting.defaultValue()) : value;
        if (days < 1) {
            throw setting.invalid("must be a positive number of days, got " + days);
        }
        return days;
    }

    private static Integer number(Setting setting, Map<String, String> environment) {
        String value = environment.get(setting.variable());
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw setting.invalid("'" + value + "' is not a whole number of days", e);
        }
    }
}
