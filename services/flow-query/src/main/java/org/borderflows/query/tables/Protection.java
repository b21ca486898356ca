package org.borderflows.query.tables;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Confidentiality of published tables (RULES.md §10, Statistics NZ rules): counts 1-5 are suppressed, other
 * counts are randomly rounded to base 3. The random draw of a cell is HMAC-SHA-256(key, cell identity), so the
 * same question always gets the same answer and repeating it reveals nothing; totals are separate cells with
 * their own identity, protected independently.
 */
public final class Protection {
    private final byte[] key;

    public Protection(byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("protection key must not be empty");
        }
        this.key = key.clone();
    }

    /**
     * The protected value of a count: null when suppressed (1-5); 0 and multiples of 3 unchanged; otherwise the
     * lower multiple of 3 with probability 2/3 (remainder 1) or 1/3 (remainder 2), else the upper one. A negative
     * figure (a net migration) is protected as its size is: -1 to -5 suppressed, others rounded away from or
     * towards zero like the positive count.
     */
    public Long protect(String cellIdentity, long count) {
        if (count < 0) {
            Long size = protect(cellIdentity, -count);
            return size == null ? null : -size;
        }
        if (count >= 1 && count <= 5) {
            return null;
        }
        long remainder = Math.floorMod(count, 3);
        if (remainder == 0) {
            return count;
        }
        double down = remainder == 1 ? 2.0 / 3 : 1.0 / 3;
        return draw(cellIdentity) < down ? count - remainder : count - remainder + 3;
    }

    /** A number in [0, 1) derived from the keyed hash of the cell identity. */
    double draw(String cellIdentity) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] hash = mac.doFinal(cellIdentity.getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(hash).getLong() >>> 11; // 53 random bits
            return bits / (double) (1L << 53);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
