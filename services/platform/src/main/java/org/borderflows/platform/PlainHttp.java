package org.borderflows.platform;

import java.util.Collection;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a service may answer in plain HTTP. Its API (cards, traveller status, tables) carries passwords and
 * personal data, so outside the local environment a service serves HTTPS (Micronaut SSL, the keys below) or refuses
 * to start, naming them; plain HTTP elsewhere needs {@code BORDER_FLOWS_ALLOW_PLAIN_HTTP=true} (property
 * {@value #ALLOW_PROPERTY}), for a service behind a proxy or service mesh that terminates TLS for it.
 */
public final class PlainHttp {
    private static final Logger LOG = LoggerFactory.getLogger(PlainHttp.class);

    public static final String ALLOW_PROPERTY = "border-flows.allow-plain-http";
    public static final String ALLOW_VARIABLE = "BORDER_FLOWS_ALLOW_PLAIN_HTTP";
    public static final String HTTPS_PROPERTY = "micronaut.server.ssl.enabled";
    public static final String HTTPS_VARIABLE = "BORDER_FLOWS_HTTPS_ENABLED";
    public static final String KEY_STORE_PROPERTY = "micronaut.server.ssl.key-store.path";
    public static final String KEY_STORE_VARIABLE = "BORDER_FLOWS_HTTPS_KEY_STORE";
    public static final String KEY_STORE_PASSWORD_PROPERTY = "micronaut.server.ssl.key-store.password";
    public static final String KEY_STORE_PASSWORD_VARIABLE = "BORDER_FLOWS_HTTPS_KEY_STORE_PASSWORD";

    private PlainHttp() {}

    /**
     * Refuses to start (an {@link IllegalStateException} naming the settings) on plain HTTP outside the local
     * environments unless allowed, and on HTTPS without a key store.
     *
     * @param keyStore the key store's path as configured ({@code file:} prefix and all), blank when unset
     */
    public static void check(
            String service, boolean https, String keyStore, boolean allowPlain, Collection<String> environments) {
        if (https) {
            String path = keyStore == null ? "" : keyStore.trim();
            if (path.isEmpty() || path.equals("file:")) {
                throw new IllegalStateException(service + " cannot serve HTTPS without a key store: set "
                        + KEY_STORE_PROPERTY + " (" + KEY_STORE_VARIABLE + ", a PKCS12 file) and "
                        + KEY_STORE_PASSWORD_PROPERTY + " (" + KEY_STORE_PASSWORD_VARIABLE + ").");
            }
            return;
        }
        String local = environments.stream()
                .map(e -> e.trim().toLowerCase(Locale.ROOT))
                .filter(DevelopmentDefaults.LOCAL_ENVIRONMENTS::contains)
                .findFirst()
                .orElse(null);
        if (local != null) {
            return;
        }
        if (!allowPlain) {
            throw new IllegalStateException(service + " refuses to serve plain HTTP outside the local environment:"
                    + " set " + HTTPS_PROPERTY + " (" + HTTPS_VARIABLE + "=true) with " + KEY_STORE_PROPERTY + " ("
                    + KEY_STORE_VARIABLE + ") and " + KEY_STORE_PASSWORD_PROPERTY + " (" + KEY_STORE_PASSWORD_VARIABLE
                    + "), or, behind a proxy that terminates TLS, " + ALLOW_VARIABLE + "=true (" + ALLOW_PROPERTY
                    + ").");
        }
        LOG.warn(
                "{} serves plain HTTP ({} is true): its passwords and answers travel unencrypted up to the proxy"
                        + " in front of it",
                service,
                ALLOW_PROPERTY);
    }
}
