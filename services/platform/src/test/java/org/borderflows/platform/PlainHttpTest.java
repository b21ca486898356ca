package org.borderflows.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainHttpTest {
    private static final String KEY_STORE = "file:/etc/border-flows/https/keystore.p12";

    @Test
    void plainHttpOutsideTheLocalEnvironmentStopsTheServiceNamingTheSettings() {
        assertThatThrownBy(() -> PlainHttp.check("flow-query", false, "", false, List.of("k8s")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("flow-query refuses to serve plain HTTP outside the local environment")
                .hasMessageContaining("micronaut.server.ssl.enabled (BORDER_FLOWS_HTTPS_ENABLED=true)")
                .hasMessageContaining("micronaut.server.ssl.key-store.path (BORDER_FLOWS_HTTPS_KEY_STORE)")
                .hasMessageContaining("BORDER_FLOWS_ALLOW_PLAIN_HTTP=true (border-flows.allow-plain-http)");
        assertThatThrownBy(() -> PlainHttp.check("card-gateway", false, null, false, List.of()))
                .hasMessageContaining("card-gateway refuses to serve plain HTTP");
    }

    @Test
    void theLocalEnvironmentsAndTheExplicitFlagAllowPlainHttp() {
        assertThatCode(() -> PlainHttp.check("x", false, "", false, List.of("k8s", " Local")))
                .doesNotThrowAnyException();
        assertThatCode(() -> PlainHttp.check("x", false, "", false, List.of("test")))
                .doesNotThrowAnyException();
        assertThatCode(() -> PlainHttp.check("x", false, "", true, List.of("k8s")))
                .doesNotThrowAnyException();
    }

    @Test
    void httpsNeedsAKeyStoreInEveryEnvironment() {
        assertThatCode(() -> PlainHttp.check("x", true, KEY_STORE, false, List.of("k8s")))
                .doesNotThrowAnyException();
        for (String unset : new String[] {null, "", " ", "file:"}) {
            assertThatThrownBy(() -> PlainHttp.check("stay-engine", true, unset, true, List.of("local")))
                    .hasMessageContaining("stay-engine cannot serve HTTPS without a key store")
                    .hasMessageContaining("micronaut.server.ssl.key-store.path (BORDER_FLOWS_HTTPS_KEY_STORE");
        }
    }
}
