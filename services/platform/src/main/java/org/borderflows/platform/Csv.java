package org.borderflows.platform;

/**
 * Writing CSV (RFC 4180, §2): a field containing a comma, a double quote, CR or LF is enclosed in double quotes
 * and its double quotes are doubled; any other field is written as it is. The one quoting rule of every CSV the
 * services write (flow tables, simulator card files and ground truth), so that what one writes the intake's
 * reader and any spreadsheet read back unchanged.
 */
public final class Csv {
    private Csv() {}

    /** The field as RFC 4180 writes it; null is an empty field. */
    public static String field(String value) {
        if (value == null) {
            return "";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
        }
        return value;
    }

    /** One record: the values' text (null is empty) quoted where needed, separated by commas, no line end. */
    public static String record(Object... values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(values[i] == null ? null : values[i].toString()));
        }
        return out.toString();
    }
}
