package org.borderflows.query.tables;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Values of one dimension and their codes (codes are assigned in order of first appearance). */
final class Dictionary {
    private final int maxCodes;
    private final Map<String, Integer> codes = new ConcurrentHashMap<>();
    private volatile String[] values = new String[16];
    private int size;

    Dictionary(int bits) {
        this.maxCodes = 1 << bits;
    }

    /** The code of a value, adding it if new; -1 when the dictionary is full. */
    int code(String value) {
        Integer code = codes.get(value);
        if (code != null) {
            return code;
        }
        if (size >= maxCodes) {
            return -1;
        }
        if (size == values.length) {
            values = java.util.Arrays.copyOf(values, values.length * 2);
        }
        values[size] = value;
        codes.put(value, size);
        return size++;
    }

    int existing(String value) {
        Integer code = codes.get(value);
        return code == null ? -1 : code;
    }

    String value(int code) {
        return values[code];
    }
}
