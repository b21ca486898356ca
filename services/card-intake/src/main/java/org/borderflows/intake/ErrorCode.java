package org.borderflows.intake;

/** The machine-readable reasons of a rejection ({@code FieldError.code}). */
public final class ErrorCode {
    /** A required field is absent or empty. */
    public static final String MISSING = "MISSING";
    /** The value is not in the field's format (a date, an instant with offset, an integer, a code's shape). */
    public static final String BAD_FORMAT = "BAD_FORMAT";
    /** Well-formed but outside the allowed range (length, 0-3650 days, age over 120, born after crossing). */
    public static final String OUT_OF_RANGE = "OUT_OF_RANGE";
    /** Not one of the field's codes (direction, sex, purpose, transport, ISO 3166-1 alpha-3 or ICAO Doc 9303 code). */
    public static final String UNKNOWN_CODE = "UNKNOWN_CODE";
    /** crossed_at is later than now plus the clock-skew allowance. */
    public static final String IN_FUTURE = "IN_FUTURE";
    /** crossed_at is before 1990. */
    public static final String TOO_OLD = "TOO_OLD";
    /** The border post is not one the submitter may report for. */
    public static final String NOT_OWN_POST = "NOT_OWN_POST";
    /**
     * The record's structure could not be read (field "record"), or a field's bytes are not valid UTF-8 (that
     * field, or "record" when the bytes are in a name that is not a card field).
     */
    public static final String MALFORMED = "MALFORMED";

    private ErrorCode() {}
}
