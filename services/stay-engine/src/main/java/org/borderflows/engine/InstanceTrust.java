package org.borderflows.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS trust of the calls between engine instances: every instance serves HTTPS with a certificate of the same
 * key store (one Secret for the StatefulSet), so an instance trusts the certificates that sign its own: the last
 * certificate of each key's chain (the CA, or the certificate itself when self-signed). No other trust store is
 * configured or needed; host names are still verified (the certificate must name the instances' host names).
 */
final class InstanceTrust {
    private InstanceTrust() {}

    /**
     * @param keyStore the server's key store as configured ({@code micronaut.server.ssl.key-store.path}: a
     *     {@code file:} path or a plain one), PKCS12
     */
    static SSLContext ofOwnKeyStore(String keyStore, String password) {
        Path path = Path.of(keyStore.startsWith("file:") ? keyStore.substring("file:".length()) : keyStore);
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore own = KeyStore.getInstance("PKCS12");
            own.load(in, secret);
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            for (String alias : Collections.list(own.aliases())) {
                Certificate[] chain = own.getCertificateChain(alias);
                Certificate signer =
                        chain != null && chain.length > 0 ? chain[chain.length - 1] : own.getCertificate(alias);
                if (signer != null) {
                    anchors.setCertificateEntry("signer-" + anchors.size(), signer);
                }
            }
            if (anchors.size() == 0) {
                throw new IllegalStateException(
                        "micronaut.server.ssl.key-store.path: " + path + " holds no certificate");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "micronaut.server.ssl.key-store.path: cannot read " + path + " as a PKCS12 key store: "
                            + e.getMessage(),
                    e);
        }
    }
}
