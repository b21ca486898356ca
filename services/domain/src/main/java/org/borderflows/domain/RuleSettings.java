package org.borderflows.domain;

/**
 * Thresholds and deployment settings of RULES.md; {@link #defaults(String)} gives exactly the documented values.
 *
 * @param reportingCountry ISO alpha-3 of the country operating the border posts (§1, §3)
 * @param visitDays a spell shorter than this is a VISIT (§4, 90)
 * @param longTermDays a spell at least this long is LONG_TERM (§4, 365)
 * @param windowDays the 12/16 window W (§5, 487)
 * @param thresholdDays the 12/16 threshold T (§5, 365)
 * @param authorisedWindowDays the authorised-stay window (§7, 180)
 * @param authorisedMaxDays the days present allowed in that window (§7, 90)
 * @param visaFree who is under the authorised-stay regime (§7)
 * @param borderWorker who is a frontier (border) worker on a day (docs/rules.md §4a)
 */
public record RuleSettings(
        String reportingCountry,
        int visitDays,
        int longTermDays,
        int windowDays,
        int thresholdDays,
        int authorisedWindowDays,
        int authorisedMaxDays,
        VisaFreeRegime visaFree,
        BorderWorkerRule borderWorker) {

    public RuleSettings {
        if (thresholdDays >= windowDays) {
            throw new IllegalArgumentException("thresholdDays must be below windowDays");
        }
        if (authorisedMaxDays > authorisedWindowDays) {
            throw new IllegalArgumentException("authorisedMaxDays must not exceed authorisedWindowDays");
        }
    }

    public static RuleSettings defaults(String reportingCountry) {
        return new RuleSettings(
                reportingCountry, 90, 365, 487, 365, 180, 90, VisaFreeRegime.defaults(), BorderWorkerRule.UN_1998);
    }

    /**
     * The 12/16 window in whole months (W / (365.25 / 12), rounded: 16 for W = 487): how many months after its
     * crossing month a month's outcomes can still change, so the stages at which its estimate is published (§6).
     */
    public int windowMonths() {
        return (int) Math.round(windowDays * 12 / 365.25);
    }

    /** N = W - T of the 12/16 rule (§5, 122 days). */
    public int allowanceDays() {
        return windowDays - thresholdDays;
    }
}
