package org.borderflows.intake;

import java.util.Arrays;

/**
 * One record as received, before validation: the text of each card field (null when absent or empty), its
 * 1-based position in the batch, file or topic, and, when its structure could not be read at all, why and the
 * text that could not be read. Parsers produce these; {@link CardIntake} turns each into an accepted crossing
 * or a rejection.
 *
 * <p>Holds the raw document number: instances must never be logged or published; use
 * {@link Masking#maskedPayload(RawCard)} for anything that leaves the intake.
 */
public final class RawCard {
    private final String[] values = new String[CardField.count()];
    private final long position;
    private int badShape;
    private int badEncoding;
    private String recordProblem;
    private String malformedReason;
    private String unreadableText;

    public RawCard(long position) {
        this.position = position;
    }

    /** A record whose structure could not be read (bad CSV quoting, invalid JSON, ...). */
    public static RawCard malformed(long position, String reason, String unreadableText) {
        RawCard card = new RawCard(position);
        card.malformedReason = reason;
        card.unreadableText = unreadableText;
        return card;
    }

    public long position() {
        return position;
    }

    /** The field's text; null when absent, JSON null or empty. */
    public String get(CardField field) {
        return values[field.ordinal()];
    }

    /**
     * Sets a field; an empty string counts as absent (a CSV cell cannot tell empty from missing). A value holding
     * bytes that were not valid UTF-8 ({@link Utf8Escapes}) marks the field as badly encoded.
     */
    public RawCard set(CardField field, String value) {
        values[field.ordinal()] = value == null || value.isEmpty() ? null : value;
        int bit = 1 << field.ordinal();
        badEncoding = value != null && Utf8Escapes.firstInvalid(value) >= 0 ? badEncoding | bit : badEncoding & ~bit;
        return this;
    }

    /** True when the field's bytes were not valid UTF-8 (its value holds them as {@link Utf8Escapes}). */
    public boolean hasBadEncoding(CardField field) {
        return (badEncoding & (1 << field.ordinal())) != 0;
    }

    /**
     * Marks a problem of the record that no card field can be named for, e.g. invalid UTF-8 in a column or JSON
     * name that is not a card field; the record is readable (its fields are kept for the rejection's payload)
     * but rejected as MALFORMED under the field {@code record}.
     */
    public void markRecordProblem(String problem) {
        if (recordProblem == null) {
            recordProblem = problem;
        }
    }

    /** The record-level problem, or null. */
    public String recordProblem() {
        return recordProblem;
    }

    /** Marks a field whose JSON value was an object or array, which no card field can be. */
    public void markBadShape(CardField field) {
        badShape |= 1 << field.ordinal();
        values[field.ordinal()] = null;
    }

    public boolean hasBadShape(CardField field) {
        return (badShape & (1 << field.ordinal())) != 0;
    }

    public boolean isMalformed() {
        return malformedReason != null;
    }

    public String malformedReason() {
        return malformedReason;
    }

    /** The text that could not be read (may hold a document number: mask before use). */
    public String unreadableText() {
        return unreadableText;
    }

    @Override
    public String toString() {
        // Never print the values: they include the raw document number.
        return "RawCard[position=" + position + (isMalformed() ? ", malformed" : "") + ", fields="
                + Arrays.stream(CardField.values())
                        .filter(f -> values[f.ordinal()] != null)
                        .map(CardField::fieldName)
                        .toList()
                + "]";
    }
}
