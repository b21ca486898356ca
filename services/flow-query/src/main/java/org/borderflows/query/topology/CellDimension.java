package org.borderflows.query.topology;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every dimension a table cell can have ({@link Contributions} writes them), with the bits the cube packs its
 * values in. A cell whose dimensions all have bits is packed into one {@code long} (with 12 bits of month): about
 * 30 bytes a cell instead of several hundred; a dimension without bits (the per-person overstayer list's) keeps its
 * dataset as maps. A new dimension is declared here, with its bits, or it cannot be written.
 */
public enum CellDimension {
    BORDER_POST("borderPost", 9),
    DIRECTION("direction", 1),
    RESIDENCE_STATUS("residenceStatus", 1),
    CITIZENSHIP("citizenship", 9),
    SEX("sex", 2),
    AGE_GROUP("ageGroup", 5),
    PURPOSE("purpose", 3),
    DURATION_CLASS("durationClass", 3),
    /** Whether a spell's duration class can no longer change. */
    FINAL("final", 1),
    KIND("kind", 1),
    LABOUR("labour", 1),
    /** A 12/16 outcome: long-term migration or not. */
    LTM("ltm", 1),
    /** Month of a 12/16 outcome's final date. */
    FINAL_MONTH("finalMonth", 9),
    /** Day of the month of a 12/16 outcome's final date (§5: provisional until the clock is past it). */
    FINAL_DAY("finalDay", 5),
    /**
     * The time back on the old side that dates a 12/16 outcome's situation beyond its final date (the estimator's
     * cohort, §6), in bins of {@link MigrationContribution#TIME_BACK_BIN_DAYS} days, "-" when none: for a long-term
     * migration, the days from the crossing to its first time back; for a crossing that is not one, the days from its
     * decisive time back to its final date (N less any earlier time back).
     */
    TIME_BACK("timeBack", 5),
    /**
     * The traveller's own earlier outcomes (RULES.md §5, §6): whole years from the crossing whose long-term migration
     * gave a 12/16 crossing's status before it (for a resident leaving, his arrival) to the crossing, 0, 1 or
     * {@link MigrationContribution#STATUS_YEARS_CAP} (that many or more); "-" while the status is the one from
     * citizenship.
     */
    STATUS_YEARS("statusYears", 2),
    /** Day of the month of the start of an open spell (the query derives its class from it), "-" when closed. */
    START_DAY("startDay", 6),
    /** Month a stay ended, OPEN while it has not: the stock of stays. */
    END_MONTH("endMonth", 9),
    /**
     * Day of the month of a date the clock decides on: in {@code overstays}, the day an in-country overstay begins;
     * in {@code overstay-rates}, the latest authorised exit of a stay with no exit yet.
     */
    DAY("day", 6),
    /** Labour flows: IN, OUT, RETURN, DEPARTURE. */
    FLOW("flow", 2),
    /** Overstays: AT_EXIT or IN_COUNTRY. */
    TYPE("type", 1),
    /** How an expected departure of {@code overstay-rates} ended: ON_TIME, OUT_OF_COUNTRY or NO_EXIT. */
    DEPARTURE("departure", 2),
    /** What a border-workers cell counts: WORKER or CROSSING. */
    COUNTED("counted", 1),
    /** Data quality: RECEIVED, REJECTED, DUPLICATE, ORPHAN_EXIT, BROKEN_SPELL, LATE. */
    ISSUE("issue", 3),
    /** The rejection reason code. */
    REASON("reason", 8),
    // The per-person overstayer list (agency only): kept as maps.
    SPELL_ID("spellId", 0),
    TRAVELLER_ID("travellerId", 0),
    ENTRY_DATE("entryDate", 0),
    LATEST_AUTHORISED_EXIT("latestAuthorisedExit", 0),
    CARD_NUMBER("cardNumber", 0);

    private static final Map<String, CellDimension> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toMap(CellDimension::key, Function.identity()));

    private final String key;
    private final int bits;

    CellDimension(String key, int bits) {
        this.key = key;
        this.bits = bits;
    }

    /** The dimension's name in cells, queries and answers. */
    public String key() {
        return key;
    }

    /** Bits of its packed values; 0: not packed. */
    public int bits() {
        return bits;
    }

    /** The packing bits of the dimension named {@code key}; 0 when it has none or is unknown. */
    public static int bitsOf(String key) {
        CellDimension d = BY_KEY.get(key);
        return d == null ? 0 : d.bits;
    }
}
