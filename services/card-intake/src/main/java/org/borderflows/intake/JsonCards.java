package org.borderflows.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;

/** Reading one card from a JSON object, shared by the JSON and NDJSON readers. */
final class JsonCards {
    /** Bounded: no string or nesting in a card body can make the parser hold much memory. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(CsvCardReader.MAX_RECORD_CHARS)
                    .maxNestingDepth(64)
                    .maxNumberLength(64)
                    .build())
            .build();

    private JsonCards() {}

    /**
     * Reads the object whose START_OBJECT is the parser's current token into a card. Scalars are taken as their
     * text (a number 30 becomes "30"); null means absent; an object or array value marks the field as badly
     * shaped; fields that are not card fields are ignored.
     */
    static RawCard readObject(JsonParser parser, long position) throws IOException {
        RawCard card = new RawCard(position);
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            CardField field = CardField.byName(name);
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                parser.skipChildren();
                if (field != null) {
                    card.markBadShape(field);
                }
            } else if (field != null && value != JsonToken.VALUE_NULL) {
                card.set(field, parser.getText());
            } else if (field == null) {
                checkOtherName(card, name, value == JsonToken.VALUE_STRING ? parser.getText() : null);
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new JsonParseException(parser, "the object is not closed");
        }
        return card;
    }

    /** Invalid UTF-8 in a name that is not a card field, or in its value, is a problem of the whole record. */
    private static void checkOtherName(RawCard card, String name, String value) {
        String nameProblem = Utf8Escapes.problem(name);
        if (nameProblem != null) {
            card.markRecordProblem("a name of the object " + nameProblem);
            return;
        }
        String valueProblem = value == null ? null : Utf8Escapes.problem(value);
        if (valueProblem != null) {
            String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
            card.markRecordProblem("the value of \"" + shown + "\" (not a card field) " + valueProblem);
        }
    }

    /** A parse error described without echoing the input (which may hold a document number). */
    static String describe(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
        return "invalid JSON" + where + ": " + Masking.maskText(firstLine(e.getOriginalMessage()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }
}
