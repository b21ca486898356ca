package org.borderflows.intake;

/**
 * Bytes that are not valid UTF-8, as {@link StrictUtf8Reader} passes them on: each byte {@code b} (0x80-0xFF)
 * becomes the lone low surrogate {@code U+DC00 + b}. Strict UTF-8 decoding never yields an unpaired surrogate, so
 * one in a field's text means the field's bytes were not valid UTF-8 (RULES.md §1: such a record is rejected
 * as MALFORMED, never read with U+FFFD in place of the bytes). {@link #visible} shows them as {@code \xC3}
 * for a rejection's payload, which must itself be valid text.
 */
public final class Utf8Escapes {
    private Utf8Escapes() {}

    static char escape(byte b) {
        return (char) (0xDC00 | (b & 0xFF));
    }

    /** The index of the first unpaired surrogate (an undecodable byte) in s, or -1 when s is valid text. */
    public static int firstInvalid(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /**
     * Why s is not valid UTF-8 text, naming the first bad byte and its character position (1-based), without
     * quoting the text (it may be a document number); null when s is valid.
     */
    public static String problem(String s) {
        int at = firstInvalid(s);
        if (at < 0) {
            return null;
        }
        char c = s.charAt(at);
        String what = c >= 0xDC80 && c <= 0xDCFF
                ? String.format("the byte 0x%02X at character %d", c & 0xFF, at + 1)
                : String.format("an unpaired surrogate U+%04X at character %d", (int) c, at + 1);
        return "is not valid UTF-8: " + what + " cannot be decoded";
    }

    /** s with every undecodable byte written as {@code \xHH} (and any other unpaired surrogate as U+FFFD). */
    public static String visible(String s) {
        if (s == null || firstInvalid(s) < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (c >= 0xDC80 && c <= 0xDCFF) {
                out.append(String.format("\\x%02X", c & 0xFF));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
