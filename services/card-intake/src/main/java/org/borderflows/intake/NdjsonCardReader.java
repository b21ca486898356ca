package org.borderflows.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Streaming NDJSON reader: one JSON object per line, blank lines skipped. Each line is parsed on its own, so a
 * broken line is one malformed record and the next line is read normally. A line may hold at most
 * {@link CsvCardReader#MAX_RECORD_CHARS} characters.
 */
public final class NdjsonCardReader implements CardReader {
    private static final int KEPT_TEXT = 2000;

    private final Reader in;
    private char[] buf = new char[32 * 1024];
    private int pos;
    private int limit;
    private boolean eof;
    private long position;

    public NdjsonCardReader(Reader in) {
        this.in = in;
    }

    @Override
    public RawCard next() throws IOException {
        while (true) {
            int start = pos;
            int nl = indexOfNewline(start);
            while (nl < 0 && !eof) {
                if (limit - pos >= CsvCardReader.MAX_RECORD_CHARS) {
                    position++;
                    String text = new String(buf, pos, KEPT_TEXT);
                    skipLongLine();
                    return RawCard.malformed(
                            position,
                            "the line is longer than " + CsvCardReader.MAX_RECORD_CHARS + " characters",
                            text);
                }
                int scanned = limit - pos;
                fill();
                nl = indexOfNewline(pos + scanned);
            }
            start = pos;
            int end = nl < 0 ? limit : nl;
            if (start == end && nl < 0) {
                return null; // end of input
            }
            pos = nl < 0 ? limit : nl + 1;
            if (end > start && buf[end - 1] == '\r') {
                end--;
            }
            if (isBlank(start, end)) {
                continue;
            }
            position++;
            return parseLine(start, end);
        }
    }

    private RawCard parseLine(int start, int end) throws IOException {
        try (JsonParser parser = JsonCards.FACTORY.createParser(buf, start, end - start)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return RawCard.malformed(
                        position, "the line is " + JsonCards.describe(first) + ", not a JSON object", text(start, end));
            }
            RawCard card = JsonCards.readObject(parser, position);
            if (parser.nextToken() != null) {
                return RawCard.malformed(position, "content after the JSON object on the line", text(start, end));
            }
            return card;
        } catch (JsonProcessingException e) {
            return RawCard.malformed(position, JsonCards.describe(e), text(start, end));
        }
    }

    private String text(int start, int end) {
        return new String(buf, start, Math.min(end - start, KEPT_TEXT));
    }

    private boolean isBlank(int start, int end) {
        for (int i = start; i < end; i++) {
            char c = buf[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private int indexOfNewline(int from) {
        for (int i = from; i < limit; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void skipLongLine() throws IOException {
        while (true) {
            int nl = indexOfNewline(pos);
            if (nl >= 0) {
                pos = nl + 1;
                return;
            }
            pos = limit;
            if (!fill()) {
                return;
            }
        }
    }

    /** Moves the unread part to the front, grows the buffer if full, reads more. False at the end of input. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
