package org.borderflows.intake;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Keeps raw document numbers out of everything the intake publishes or answers (RULES.md §2): the payload of a
 * rejected record is the record as received with its document number replaced by {@link #MASK}.
 */
public final class Masking {
    /** What a document number is replaced by: fixed length, so not even its length leaks. */
    public static final String MASK = "********";

    private static final int MAX_TEXT = 2000;

    private Masking() {}

    /**
     * The payload of a rejection. A readable record: its card fields as received, as a JSON object, with
     * document_number masked. A record whose structure could not be read: its text, where the document number
     * cannot be located, so every word containing a digit is masked (see {@link #maskText}).
     */
    public static String maskedPayload(RawCard card) {
        if (card.isMalformed()) {
            return card.unreadableText() == null ? "" : maskText(card.unreadableText());
        }
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JsonCards.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            for (CardField field : CardField.values()) {
                String value = card.get(field);
                if (value != null) {
                    json.writeStringField(
                            field.fieldName(), field == CardField.DOCUMENT_NUMBER ? MASK : Utf8Escapes.visible(value));
                } else if (card.hasBadShape(field)) {
                    json.writeStringField(field.fieldName(), "<object or array>");
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Masks free text of unknown structure: every run of letters and digits that contains a digit becomes
     * {@code ***} (document numbers contain digits; so do dates, which is the price of not leaking one).
     * At most 2,000 characters are kept. Bytes that were not valid UTF-8 are shown as {@code \xHH}.
     */
    public static String maskText(String text) {
        if (text == null) {
            return "";
        }
        int n = Math.min(text.length(), MAX_TEXT);
        StringBuilder out = new StringBuilder(n + 16);
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                out.append(c);
                i++;
                continue;
            }
            int start = i;
            boolean digit = false;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                digit |= Character.isDigit(text.charAt(i));
                i++;
            }
            if (digit) {
                out.append("***");
            } else {
                out.append(text, start, i);
            }
        }
        if (text.length() > MAX_TEXT) {
            out.append("…");
        }
        return Utf8Escapes.visible(out.toString());
    }
}
