package org.borderflows.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streaming reader of a JSON body that is one card object or an array of card objects; the array is read
 * element by element, never whole. An element that is not an object is a malformed record and reading goes
 * on. A JSON syntax error cannot be skipped reliably, so it ends the body: the record at that position is
 * rejected with the error's line and column, and the response says the rest was not read. The body is decoded as
 * strict UTF-8 ({@link StrictUtf8Reader}): invalid bytes inside a string reject only the object holding them.
 */
public final class JsonCardReader implements CardReader {
    private final InputStream in;
    private JsonParser parser;
    private boolean started;
    private boolean inArray;
    private boolean finished;
    private boolean singleObjectRead;
    private long position;

    public JsonCardReader(InputStream in) {
        this.in = in;
    }

    @Override
    public RawCard next() throws IOException {
        if (finished) {
            return null;
        }
        long current = position + 1;
        try {
            if (singleObjectRead) {
                // after a single top-level object nothing may follow
                finished = true;
                return trailingContent() ? trailingError(current) : null;
            }
            if (!started) {
                started = true;
                parser = JsonCards.FACTORY.createParser(new StrictUtf8Reader(in));
                JsonToken first = parser.nextToken();
                if (first == null) {
                    finished = true;
                    return null;
                }
                if (first == JsonToken.START_OBJECT) {
                    position = current;
                    singleObjectRead = true;
                    return JsonCards.readObject(parser, current);
                }
                if (first != JsonToken.START_ARRAY) {
                    finished = true;
                    return RawCard.malformed(
                            current,
                            "the body must be a JSON object or an array of objects, not " + JsonCards.describe(first),
                            null);
                }
                inArray = true;
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                finished = true;
                if (token == null) {
                    return RawCard.malformed(current, "invalid JSON: the array is not closed", null);
                }
                return trailingContent() ? trailingError(current) : null;
            }
            position = current;
            if (token == JsonToken.START_OBJECT) {
                return JsonCards.readObject(parser, current);
            }
            if (token == JsonToken.START_ARRAY) {
                parser.skipChildren();
            }
            return RawCard.malformed(
                    current, "array element " + current + " is " + JsonCards.describe(token) + ", not an object", null);
        } catch (JsonProcessingException e) {
            finished = true;
            position = current;
            return RawCard.malformed(current, JsonCards.describe(e) + "; the rest of the body was not read", null);
        }
    }

    private boolean trailingContent() throws IOException {
        return parser.nextToken() != null;
    }

    private RawCard trailingError(long at) {
        return RawCard.malformed(at, "content after the end of the JSON " + (inArray ? "array" : "object"), null);
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
        in.close();
    }
}
