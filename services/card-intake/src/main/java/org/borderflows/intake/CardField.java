package org.borderflows.intake;

/**
 * The fields of a migration card (RULES.md §1), with the snake_case names used in CSV headers, JSON objects and
 * the {@code field} of a rejection reason.
 */
public enum CardField {
    EVENT_ID("event_id"),
    CARD_NUMBER("card_number"),
    DIRECTION("direction"),
    CROSSED_AT("crossed_at"),
    BORDER_POST("border_post"),
    DOCUMENT_COUNTRY("document_country"),
    DOCUMENT_NUMBER("document_number"),
    BIRTH_DATE("birth_date"),
    SEX("sex"),
    CITIZENSHIP("citizenship"),
    PURPOSE("purpose"),
    INTENDED_STAY_DAYS("intended_stay_days"),
    TRANSPORT("transport");

    /** The field name of a reason that concerns the record as a whole (e.g. a malformed CSV line). */
    public static final String RECORD = "record";

    private static final CardField[] ALL = values();

    private final String fieldName;

    CardField(String fieldName) {
        this.fieldName = fieldName;
    }

    /** The RULES.md §1 name, e.g. {@code birth_date}. */
    public String fieldName() {
        return fieldName;
    }

    public static int count() {
        return ALL.length;
    }

    public static CardField at(int ordinal) {
        return ALL[ordinal];
    }

    /** The field with this snake_case name (exact, as RULES.md §1 spells it), or null if it is not a card field. */
    public static CardField byName(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "event_id" -> EVENT_ID;
            case "card_number" -> CARD_NUMBER;
            case "direction" -> DIRECTION;
            case "crossed_at" -> CROSSED_AT;
            case "border_post" -> BORDER_POST;
            case "document_country" -> DOCUMENT_COUNTRY;
            case "document_number" -> DOCUMENT_NUMBER;
            case "birth_date" -> BIRTH_DATE;
            case "sex" -> SEX;
            case "citizenship" -> CITIZENSHIP;
            case "purpose" -> PURPOSE;
            case "intended_stay_days" -> INTENDED_STAY_DAYS;
            case "transport" -> TRANSPORT;
            default -> null;
        };
    }
}
