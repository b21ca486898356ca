package org.borderflows.platform;

import java.util.HashMap;
import java.util.Map;

/**
 * The event time the bulk of the traffic has reached (RULES.md §8): the second latest of the border posts' latest
 * event times, so that one post whose clock is wrong, or one card dated far ahead, cannot move it on its own. With
 * a single post it is that post's latest time. Times only move forward per post; the unit is the caller's (epoch
 * milliseconds in the stay engine, epoch days in the query service).
 */
public final class TrafficClock {
    private final Map<String, Long> latestByPost = new HashMap<>();
    private String firstPost;
    private long first = Long.MIN_VALUE;
    private long second = Long.MIN_VALUE;

    /** A crossing at {@code borderPost} at {@code time}; returns {@link #value()}. O(1): each post only moves up. */
    public long see(String borderPost, long time) {
        Long known = latestByPost.get(borderPost);
        if (known != null && time <= known) {
            return value();
        }
        latestByPost.put(borderPost, time);
        if (borderPost.equals(firstPost)) {
            first = time;
        } else if (time > first) {
            second = first;
            first = time;
            firstPost = borderPost;
        } else if (time > second) {
            second = time;
        }
        return value();
    }

    /** The second latest post's time; the only post's with one post; {@code Long.MIN_VALUE} before any. */
    public long value() {
        return second == Long.MIN_VALUE ? first : second;
    }
}
