package org.borderflows.intake;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parsers of the card's dates, instants and integers that return null instead of throwing. The common forms
 * ({@code 2026-03-01T08:15:00+05:00}, {@code 2026-03-01T03:15:00.250Z}, {@code 1990-05-17}) are read by hand,
 * character by character, because the loader parses millions of them; anything else ISO-8601 allows goes to
 * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}.
 */
final class FastParse {
    private FastParse() {}

    /** An ISO-8601 date-time with an offset (Z or ±hh:mm), or null. A date-time without offset is null. */
    static Instant instant(String s) {
        Instant fast = fastInstant(s);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant fastInstant(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        LocalDate date = date(s, 0);
        int hour = digits2(s, 11);
        int minute = digits2(s, 14);
        int second = digits2(s, 17);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            i++;
            int scale = 100_000_000;
            int start = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (i - start >= 9) {
                    return null;
                }
                nanos += (s.charAt(i) - '0') * scale;
                scale /= 10;
                i++;
            }
            if (i == start || i >= n) {
                return null;
            }
        }
        int offsetSeconds;
        char sign = s.charAt(i);
        if (sign == 'Z' && i == n - 1) {
            offsetSeconds = 0;
        } else if ((sign == '+' || sign == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
            int oh = digits2(s, i + 1);
            int om = digits2(s, i + 4);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                return null;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
        } else {
            return null;
        }
        long epochSecond = date.toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** A date YYYY-MM-DD (exactly), or null. */
    static LocalDate date(String s) {
        return s.length() == 10 ? date(s, 0) : null;
    }

    private static LocalDate date(String s, int at) {
        if (s.length() < at + 10 || s.charAt(at + 4) != '-' || s.charAt(at + 7) != '-') {
            return null;
        }
        int year = digits2(s, at) * 100 + digits2(s, at + 2);
        int month = digits2(s, at + 5);
        int day = digits2(s, at + 8);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null; // e.g. 2025-02-30
        }
    }

    /** Two decimal digits at i as a number, or a negative number if they are not digits. */
    private static int digits2(String s, int i) {
        int a = s.charAt(i) - '0';
        int b = s.charAt(i + 1) - '0';
        if (a < 0 || a > 9 || b < 0 || b > 9) {
            return -1000;
        }
        return a * 10 + b;
    }

    /** A decimal integer (optional sign, at most 9 digits), or null. */
    static Integer integer(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (i == n || n - i > 9) {
            return null;
        }
        int value = 0;
        for (; i < n; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            value = value * 10 + d;
        }
        return negative ? -value : value;
    }
}
