package org.borderflows.query.tables;

import java.util.List;
import java.util.Map;

/** Minimal JSON writing for the table responses: exact control of key order, nulls and number format. */
public final class Json {
    private Json() {}

    public static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    public static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return plain(v);
        }
        if (v instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",")
                        .append(string(String.valueOf(e.getKey())))
                        .append(':')
                        .append(value(e.getValue()));
                first = false;
            }
            return out.append('}').toString();
        }
        if (v instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",").append(value(list.get(i)));
            }
            return out.append(']').toString();
        }
        return string(v.toString());
    }

    /** Numbers without a useless ".0"; doubles rounded to one decimal. */
    public static String plain(Object v) {
        if (v instanceof Double d) {
            double rounded = Math.round(d * 10) / 10.0;
            return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
        }
        return v.toString();
    }
}
