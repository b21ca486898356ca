package org.borderflows.intake;

import java.io.InputStream;
import java.util.Locale;

/** The input formats of the gateway and the loader, and their readers. */
public enum CardFormat {
    /** Header row of RULES.md §1 names, then one record per line, RFC 4180 quoting. */
    CSV("text/csv"),
    /** One JSON object per line. */
    NDJSON("application/x-ndjson"),
    /** One JSON object, or an array of objects. */
    JSON("application/json");

    private final String mediaType;

    CardFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * A streaming reader of the body, decoded as strict UTF-8 ({@link StrictUtf8Reader}): a field whose bytes
     * are not valid UTF-8 makes its record a rejection, the other records are read as usual.
     */
    public CardReader open(InputStream in) {
        return switch (this) {
            case CSV -> new CsvCardReader(new StrictUtf8Reader(in));
            case NDJSON -> new NdjsonCardReader(new StrictUtf8Reader(in));
            case JSON -> new JsonCardReader(in);
        };
    }

    /**
     * The format of a Content-Type header value (parameters such as charset ignored), or null if unsupported.
     * Also accepts the common aliases application/csv, application/ndjson and application/jsonl.
     */
    public static CardFormat ofMediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/csv", "application/csv" -> CSV;
            case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines" -> NDJSON;
            case "application/json" -> JSON;
            default -> null;
        };
    }

    /** The format of a file from its name (a trailing .gz ignored), or null. */
    public static CardFormat ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        if (n.endsWith(".csv")) {
            return CSV;
        }
        if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
            return NDJSON;
        }
        if (n.endsWith(".json")) {
            return JSON;
        }
        return null;
    }
}
