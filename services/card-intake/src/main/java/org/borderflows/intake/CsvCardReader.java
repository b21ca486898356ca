package org.borderflows.intake;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Streaming CSV reader (RFC 4180): the first row names the columns with the RULES.md §1 field names (any order,
 * unknown columns ignored), then one record per row. Fields are separated by commas and may be quoted with
 * {@code "}; inside quotes a doubled quote is a quote, and commas and line breaks are data. Rows end with CRLF
 * or LF; blank rows are skipped.
 *
 * <p>The reader gets chars; bytes that were not valid UTF-8 reach it as {@link Utf8Escapes} (see
 * {@link CardFormat#open}), so such a field is flagged on its record ({@link RawCard#set}) and only that record is
 * rejected.
 *
 * <p>A row that breaks the quoting rules or has a different number of fields than the header is returned as a
 * malformed record and reading goes on at the next line. Memory is bounded: a single row may hold at most
 * {@link #MAX_RECORD_CHARS} characters (a longer one, e.g. an unclosed quote, is malformed), so a body of any
 * size streams through a buffer of that size.
 *
 * <p>Hand-written rather than a library because this is the hot loop of the loader: one pass over a char
 * buffer, substrings cut directly from it, no regular expressions. That one state machine over one buffer is why the
 * class is longer than most.
 */
public final class CsvCardReader implements CardReader {
    /** Longest row accepted, in characters. */
    public static final int MAX_RECORD_CHARS = 64 * 1024;
    /** How much of an unreadable row is kept (masked) for its rejection. */
    private static final int KEPT_TEXT = 2000;

    private static final int END = 0;
    private static final int OK = 1;
    private static final int BLANK = 2;
    private static final int MALFORMED = 3;

    /** Thrown when a row outgrows the buffer; preallocated, without stack trace, since it is control flow. */
    private static final class RowTooLong extends IOException {
        RowTooLong() {
            super("row too long", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private static final RowTooLong ROW_TOO_LONG = new RowTooLong();

    private final Reader in;
    private char[] buf = new char[32 * 1024];
    private int pos;
    private int limit;
    private int recStart;
    private int fieldStart;
    private boolean eof;

    private final List<String> fields = new ArrayList<>(16);
    private String error;
    private String errorText;

    private CardField[] columns;
    private boolean finished;
    private long position;

    public CsvCardReader(Reader in) {
        this.in = in;
    }

    @Override
    public RawCard next() throws IOException {
        if (finished) {
            return null;
        }
        if (columns == null) {
            RawCard headerProblem = readHeader();
            if (headerProblem != null || columns == null) {
                finished = true;
                return headerProblem;
            }
        }
        while (true) {
            int result = readRowSafely();
            if (result == END) {
                finished = true;
                return null;
            }
            if (result == BLANK) {
                continue;
            }
            position++;
            if (result == MALFORMED) {
                return RawCard.malformed(position, error, errorText);
            }
            if (fields.size() != columns.length) {
                return RawCard.malformed(
                        position,
                        "the row has " + fields.size() + " fields but the header has " + columns.length,
                        rowText());
            }
            RawCard card = new RawCard(position);
            for (int i = 0; i < columns.length; i++) {
                CardField field = columns[i];
                if (field != null) {
                    card.set(field, fields.get(i));
                } else {
                    String problem = Utf8Escapes.problem(fields.get(i));
                    if (problem != null) {
                        // a column that is not a card field: no field to name
                        card.markRecordProblem("column " + (i + 1) + " (not a card field) " + problem);
                    }
                }
            }
            return card;
        }
    }

    /** Reads the header row; returns a malformed record (position 1) when there is no usable header. */
    private RawCard readHeader() throws IOException {
        if (fill() && buf[pos] == '\uFEFF') {
            pos++; // byte-order mark
        }
        int result;
        do {
            result = readRowSafely();
        } while (result == BLANK);
        if (result == END) {
            return null;
        }
        if (result == MALFORMED) {
            return RawCard.malformed(1, "the header row cannot be read: " + error, errorText);
        }
        CardField[] mapped = new CardField[fields.size()];
        boolean any = false;
        for (int i = 0; i < mapped.length; i++) {
            String problem = Utf8Escapes.problem(fields.get(i));
            if (problem != null) {
                return RawCard.malformed(1, "the header row: column " + (i + 1) + " " + problem, rowText());
            }
            mapped[i] = CardField.byName(fields.get(i).strip().toLowerCase(Locale.ROOT));
            any |= mapped[i] != null;
        }
        if (!any) {
            return RawCard.malformed(
                    1,
                    "the first row is not a header: it must name the columns with the RULES.md §1 field names"
                            + " (event_id, direction, crossed_at, ...)",
                    rowText());
        }
        columns = mapped;
        return null;
    }

    private int readRowSafely() throws IOException {
        try {
            return readRow();
        } catch (RowTooLong e) {
            error = "the row is longer than " + MAX_RECORD_CHARS + " characters (an unclosed quote?)";
            errorText = rowText();
            skipLine();
            return MALFORMED;
        }
    }

    private String rowText() {
        int end = Math.min(pos, limit);
        return new String(buf, recStart, Math.max(0, Math.min(end - recStart, KEPT_TEXT)));
    }

    private int readRow() throws IOException {
        fields.clear();
        error = null;
        errorText = null;
        recStart = pos;
        if (pos >= limit && !fill()) {
            return END;
        }
        char first = buf[pos];
        if (first == '\n') {
            pos++;
            return BLANK;
        }
        if (first == '\r') {
            pos++;
            if (peek(0) == '\n') {
                pos++;
            }
            return BLANK;
        }
        while (true) {
            if (pos >= limit && !fill()) {
                fields.add(""); // a trailing comma at the very end of the input
                return OK;
            }
            if (buf[pos] == '"') {
                int r = readQuoted();
                if (r != -1) {
                    return r;
                }
            } else {
                int r = readUnquoted();
                if (r != -1) {
                    return r;
                }
            }
        }
    }

    /** Reads one unquoted field; returns -1 when another field follows, else the row result. */
    private int readUnquoted() throws IOException {
        fieldStart = pos;
        while (true) {
            if (pos >= limit && !fill()) {
                fields.add(new String(buf, fieldStart, pos - fieldStart));
                return OK;
            }
            char c = buf[pos];
            if (c == ',') {
                fields.add(new String(buf, fieldStart, pos - fieldStart));
                pos++;
                return -1;
            }
            if (c == '\n' || c == '\r') {
                fields.add(new String(buf, fieldStart, pos - fieldStart));
                endOfLine();
                return OK;
            }
            if (c == '"') {
                return malformed("a quote inside an unquoted field (RFC 4180: quote the whole field and double the"
                        + " inner quotes)");
            }
            pos++;
        }
    }

    /** Reads one quoted field; returns -1 when another field follows, else the row result. */
    private int readQuoted() throws IOException {
        pos++; // opening quote
        fieldStart = pos;
        boolean escaped = false;
        while (true) {
            if (pos >= limit && !fill()) {
                return malformed("a quoted field is not closed before the end of the input");
            }
            if (buf[pos] != '"') {
                pos++;
                continue;
            }
            if (peek(1) == '"') {
                escaped = true;
                pos += 2;
                continue;
            }
            String value = new String(buf, fieldStart, pos - fieldStart);
            fields.add(escaped ? value.replace("\"\"", "\"") : value);
            pos++; // closing quote
            int after = peek(0);
            if (after == -1) {
                return OK;
            }
            if (after == ',') {
                pos++;
                return -1;
            }
            if (after == '\n' || after == '\r') {
                endOfLine();
                return OK;
            }
            return malformed("unexpected character after a closing quote (RFC 4180: a quoted field must end at a"
                    + " comma or the end of the line)");
        }
    }

    /** Consumes LF, CR or CRLF at pos. */
    private void endOfLine() throws IOException {
        char c = buf[pos++];
        if (c == '\r' && peek(0) == '\n') {
            pos++;
        }
    }

    private int malformed(String reason) throws IOException {
        error = reason;
        // keep the rest of the line in the rejected text, then go on with the next line
        int lineEnd = pos;
        while (true) {
            if (lineEnd >= limit) {
                int before = recStart;
                if (!fill()) {
                    break;
                }
                lineEnd -= before - recStart;
            }
            if (buf[lineEnd] == '\n' || lineEnd - recStart >= KEPT_TEXT) {
                break;
            }
            lineEnd++;
        }
        errorText = new String(buf, recStart, Math.min(lineEnd, limit) - recStart);
        skipLine();
        return MALFORMED;
    }

    /** Skips to just after the next line feed (or the end of the input), discarding what it passes. */
    private void skipLine() throws IOException {
        while (true) {
            if (pos >= limit) {
                recStart = pos;
                fieldStart = pos;
                if (!fill()) {
                    return;
                }
            }
            if (buf[pos++] == '\n') {
                return;
            }
        }
    }

    /** The character at pos + offset, reading more input if needed; -1 at the end of the input. */
    private int peek(int offset) throws IOException {
        while (pos + offset >= limit) {
            if (!fill()) {
                return -1;
            }
        }
        return buf[pos + offset];
    }

    /**
     * Reads more input after limit, first moving the current row to the front of the buffer (indices shift)
     * and growing it up to the row limit. Returns false at the end of the input.
     */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (recStart > 0) {
            int keep = limit - recStart;
            System.arraycopy(buf, recStart, buf, 0, keep);
            pos -= recStart;
            fieldStart -= recStart;
            limit = keep;
            recStart = 0;
        }
        if (limit >= MAX_RECORD_CHARS) {
            throw ROW_TOO_LONG;
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
