package org.borderflows.simulator.out;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long a client waits before re-sending a batch. When the gateway answers 429 or 503 with a
 * {@code Retry-After} header (RFC 9110 §10.2.3: delay-seconds or an HTTP date), it says when it can take the
 * batch, and the client waits that long rather than its own guess, bounded by a cap so that a wrong header
 * cannot stall a border post. Otherwise (no or unreadable header, connection errors) the delay doubles per
 * attempt from 400 ms up to 10 s (or the cap, if lower).
 */
final class RetryDelay {
    /** The longest wait, whatever the header says. */
    static final Duration DEFAULT_CAP = Duration.ofSeconds(30);

    private final Duration cap;

    RetryDelay(Duration cap) {
        this.cap = cap;
    }

    /** The wait before attempt {@code attempt + 1}, given the answer's Retry-After header if any. */
    Duration before(int attempt, Optional<String> retryAfter, Instant now) {
        Duration asked = retryAfter.flatMap(value -> parse(value, now)).orElse(null);
        Duration delay = asked != null ? asked : Duration.ofMillis(Math.min(10_000, 200L << Math.min(attempt, 20)));
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /** delay-seconds ({@code 120}) or an IMF-fixdate ({@code Wed, 21 Oct 2026 07:28:00 GMT}); empty if neither. */
    static Optional<Duration> parse(String value, Instant now) {
        String v = value.trim();
        if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(
                    v.length() > 9 ? Duration.ofSeconds(999_999_999) : Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration until = Duration.between(now, at);
            return Optional.of(until.isNegative() ? Duration.ZERO : until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
