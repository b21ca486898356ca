package org.borderflows.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The traveller pseudonym of RULES.md §2: HMAC-SHA-256(secret key, identity), where the identity is
 * (document country, normalised document number, birth date). The number is normalised by upper-casing and
 * removing spaces and dashes, so "ab-123 456" and "AB123456" are one traveller. Only the hex pseudonym leaves
 * this class; the raw number is never stored, logged or published.
 *
 * <p>The key comes from configuration or a secret file, never from the source tree. The development key is
 * for the local demo only and every use of it is warned about.
 */
public final class TravellerPseudonymiser {
    private static final Logger LOG = LoggerFactory.getLogger(TravellerPseudonymiser.class);
    /** Public, therefore worthless as a secret: only for the local demo and tests. */
    public static final String DEVELOPMENT_KEY = "border-flows-development-key-not-for-production";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public TravellerPseudonymiser(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the pseudonymisation key must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * The key from, in order: the secret file (its content, trimmed), the configured value, or the development
     * key with a warning. Either argument may be null or blank.
     */
    public static TravellerPseudonymiser fromConfig(String keyFile, String keyValue) {
        if (keyFile != null && !keyFile.isBlank()) {
            try {
                return new TravellerPseudonymiser(
                        Files.readString(Path.of(keyFile)).trim().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot read the pseudonymisation key file " + keyFile
                                + " (border-flows.pseudonym.key-file, BORDER_FLOWS_PSEUDONYM_KEY_FILE)",
                        e);
            }
        }
        if (keyValue != null && !keyValue.isBlank()) {
            return new TravellerPseudonymiser(keyValue.getBytes(StandardCharsets.UTF_8));
        }
        LOG.warn("Using the DEVELOPMENT pseudonymisation key: traveller pseudonyms are not secret. "
                + "Set BORDER_FLOWS_PSEUDONYM_KEY_FILE (or BORDER_FLOWS_PSEUDONYM_KEY) outside the local demo.");
        return development();
    }

    /** The setting of the key, as {@link DevelopmentDefaults} names it when the development key would be used. */
    public static final DevelopmentDefaults.InUse KEY_SETTING = new DevelopmentDefaults.InUse(
            "border-flows.pseudonym.key-file", "BORDER_FLOWS_PSEUDONYM_KEY_FILE, or BORDER_FLOWS_PSEUDONYM_KEY");

    /** The key setting when {@link #fromConfig} would use the development key; otherwise none. */
    public static List<DevelopmentDefaults.InUse> developmentKeyInUse(String keyFile, String keyValue) {
        return isDevelopment(keyFile, keyValue) ? List.of(KEY_SETTING) : List.of();
    }

    /** Whether {@link #fromConfig} would use the development key: neither a file nor another value given. */
    public static boolean isDevelopment(String keyFile, String keyValue) {
        boolean noFile = keyFile == null || keyFile.isBlank();
        boolean noValue = keyValue == null || keyValue.isBlank() || keyValue.equals(DEVELOPMENT_KEY);
        return noFile && noValue;
    }

    public static TravellerPseudonymiser development() {
        return new TravellerPseudonymiser(DEVELOPMENT_KEY.getBytes(StandardCharsets.UTF_8));
    }

    /** Upper-cases and removes spaces and dashes (RULES.md §2). */
    public static String normaliseDocumentNumber(String documentNumber) {
        StringBuilder out = new StringBuilder(documentNumber.length());
        for (int i = 0; i < documentNumber.length(); i++) {
            char c = documentNumber.charAt(i);
            if (c != ' ' && c != '-') {
                out.append(c);
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /** The 64-hex-digit pseudonym of a traveller. */
    public String pseudonym(String documentCountry, String documentNumber, LocalDate birthDate) {
        String identity = documentCountry.toUpperCase(Locale.ROOT) + "|" + normaliseDocumentNumber(documentNumber) + "|"
                + birthDate;
        Mac mac = macs.get();
        return HexFormat.of().formatHex(mac.doFinal(identity.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
