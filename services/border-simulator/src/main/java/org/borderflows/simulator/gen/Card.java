package org.borderflows.simulator.gen;

import java.util.List;

/**
 * A migration card as sent (RULES.md §1), every field as text exactly as it goes on the wire (null = absent),
 * with the simulator's bookkeeping: the traveller, when it is delivered, whether it is a duplicate copy and which
 * fault touched it.
 */
public record Card(
        String eventId,
        String cardNumber,
        String direction,
        String crossedAt,
        String borderPost,
        String documentCountry,
        String documentNumber,
        String birthDate,
        String sex,
        String citizenship,
        String purpose,
        Integer intendedStayDays,
        String transport,
        int travellerNumber,
        long deliverAtMillis,
        boolean duplicateCopy,
        Fault fault,
        String faultDetail) {

    /** RULES.md §1 field names, the CSV header and JSON keys. */
    public static final List<String> FIELDS = List.of(
            "event_id",
            "card_number",
            "direction",
            "crossed_at",
            "border_post",
            "document_country",
            "document_number",
            "birth_date",
            "sex",
            "citizenship",
            "purpose",
            "intended_stay_days",
            "transport");

    /** The field values in {@link #FIELDS} order. */
    public List<String> values() {
        return java.util.Arrays.asList(
                eventId,
                cardNumber,
                direction,
                crossedAt,
                borderPost,
                documentCountry,
                documentNumber,
                birthDate,
                sex,
                citizenship,
                purpose,
                intendedStayDays == null ? null : intendedStayDays.toString(),
                transport);
    }

    public Card withField(String field, String value) {
        return new Card(
                field.equals("event_id") ? value : eventId,
                field.equals("card_number") ? value : cardNumber,
                field.equals("direction") ? value : direction,
                field.equals("crossed_at") ? value : crossedAt,
                field.equals("border_post") ? value : borderPost,
                field.equals("document_country") ? value : documentCountry,
                field.equals("document_number") ? value : documentNumber,
                field.equals("birth_date") ? value : birthDate,
                field.equals("sex") ? value : sex,
                field.equals("citizenship") ? value : citizenship,
                field.equals("purpose") ? value : purpose,
                field.equals("intended_stay_days") ? Integer.valueOf(value) : intendedStayDays,
                field.equals("transport") ? value : transport,
                travellerNumber,
                deliverAtMillis,
                duplicateCopy,
                fault,
                faultDetail);
    }

    public Card delivered(long atMillis, boolean copy, Fault f, String detail) {
        return new Card(
                eventId,
                cardNumber,
                direction,
                crossedAt,
                borderPost,
                documentCountry,
                documentNumber,
                birthDate,
                sex,
                citizenship,
                purpose,
                intendedStayDays,
                transport,
                travellerNumber,
                atMillis,
                copy,
                f,
                detail);
    }
}
