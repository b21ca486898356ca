package org.borderflows.query.sdmx;

import java.util.List;
import org.borderflows.query.tables.Frequency;

/**
 * Codes shared by every structure: the total code, the SDMX cross-domain observation status and confidentiality
 * codes, and the mapping of a dataset value to an SDMX id.
 */
public final class Codes {
    /** The total over a dimension (SDMX convention {@code _T}): in a key, the dimension is summed, not split. */
    public static final String TOTAL = "_T";

    /** Subset of the SDMX cross-domain code list CL_OBS_STATUS used here. */
    public static final String NORMAL = "A";

    public static final String PROVISIONAL = "P";
    public static final String ESTIMATED = "E";

    /** Subset of the SDMX cross-domain code list CL_CONF_STATUS used here. */
    public static final String FREE = "F";

    public static final String CONFIDENTIAL = "C";

    static final Codelist OBS_STATUS = new Codelist(
            "CL_OBS_STATUS",
            "Observation status (SDMX cross-domain code list, subset)",
            List.of(
                    new Codelist.Code(NORMAL, "Normal value: final", NORMAL),
                    new Codelist.Code(
                            PROVISIONAL,
                            "Provisional value: the period holds the month of the clock, not over yet",
                            PROVISIONAL),
                    new Codelist.Code(
                            ESTIMATED,
                            "Estimated value: provisional 12/16 outcomes replaced by their expected outcome",
                            ESTIMATED)));

    static final Codelist CONF_STATUS = new Codelist(
            "CL_CONF_STATUS",
            "Confidentiality status (SDMX cross-domain code list, subset)",
            List.of(
                    new Codelist.Code(FREE, "Free: published (randomly rounded to base 3 for the public)", FREE),
                    new Codelist.Code(
                            CONFIDENTIAL, "Confidential: suppressed (count 1-5, RULES.md §10)", CONFIDENTIAL)));

    /** Codes of the SDMX cross-domain code list CL_FREQ used here (monthly, quarterly, annual). */
    public static final String MONTHLY = "M";

    public static final String QUARTERLY = "Q";
    public static final String ANNUAL = "A";

    /** TRANSFORMATION: the period's own figure, or the year-ended total (12 months ending with the period). */
    public static final String NOT_TRANSFORMED = "N";

    public static final String YEAR_ENDED = "YE";

    static final Codelist FREQ = new Codelist(
            "CL_FREQ",
            "Frequency (SDMX cross-domain code list, subset)",
            List.of(
                    new Codelist.Code(MONTHLY, "Monthly", MONTHLY),
                    new Codelist.Code(QUARTERLY, "Quarterly", QUARTERLY),
                    new Codelist.Code(ANNUAL, "Annual", ANNUAL)));

    static final Codelist TRANSFORMATION = new Codelist(
            "CL_TRANSFORMATION",
            "Transformation of the period's figure",
            List.of(
                    new Codelist.Code(NOT_TRANSFORMED, "Non-transformed: the period's own total", NOT_TRANSFORMED),
                    new Codelist.Code(
                            YEAR_ENDED, "Year-ended: total of the 12 months ending with the period", YEAR_ENDED)));

    /**
     * The table frequency of a FREQ and TRANSFORMATION code pair, or null when the pair is not published (a year-ended
     * total is monthly: one per month it ends with).
     */
    public static Frequency frequency(String freq, String transformation) {
        boolean yearEnded = YEAR_ENDED.equals(transformation);
        return switch (freq) {
            case MONTHLY -> yearEnded ? Frequency.YEAR_ENDED : Frequency.MONTH;
            case QUARTERLY -> yearEnded ? null : Frequency.QUARTER;
            case ANNUAL -> yearEnded ? null : Frequency.YEAR;
            default -> null;
        };
    }

    /** The direction code of net migration (year-ended 12/16 totals). */
    public static final String NET = org.borderflows.query.tables.YearEnded.NET;

    private Codes() {}

    /**
     * The SDMX id of a dataset value: ids allow letters, digits, {@code _ @ $ -}, and a key uses {@code +} as "or",
     * so {@code +} is written {@code _PLUS} ({@code 85+} becomes {@code 85_PLUS}); every other value is its own id.
     */
    public static String id(String value) {
        return value.replace("+", "_PLUS");
    }

    /** SDMX id of a dataset name or a camel-case dimension/measure name: {@code borderPost} gives BORDER_POST. */
    public static String upperSnake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }
}
