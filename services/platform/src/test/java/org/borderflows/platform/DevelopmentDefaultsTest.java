package org.borderflows.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DevelopmentDefaultsTest {
    private static final List<DevelopmentDefaults.InUse> PSEUDONYM_KEY = List.of(TravellerPseudonymiser.KEY_SETTING);

    @Test
    void outsideTheLocalEnvironmentTheDevelopmentKeyStopsTheServiceNamingTheSetting() {
        DevelopmentDefaults production = DevelopmentDefaults.of(List.of("k8s", "cloud"), false);

        assertThatThrownBy(() -> production.check("stay-engine", PSEUDONYM_KEY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stay-engine refuses to start on development defaults")
                .hasMessageContaining(
                        "border-flows.pseudonym.key-file (BORDER_FLOWS_PSEUDONYM_KEY_FILE, or BORDER_FLOWS_PSEUDONYM_KEY)")
                .hasMessageContaining("MICRONAUT_ENVIRONMENTS=local")
                .hasMessageContaining("BORDER_FLOWS_ALLOW_DEVELOPMENT_DEFAULTS=true");
    }

    @Test
    void noEnvironmentAtAllIsNotLocal() {
        assertThatThrownBy(() -> DevelopmentDefaults.of(List.of(), false).check("card-loader", PSEUDONYM_KEY))
                .hasMessageContaining("border-flows.pseudonym.key-file");
    }

    @Test
    void theLocalEnvironmentTestsAndTheExplicitFlagAllowThem() {
        assertThatCode(() -> DevelopmentDefaults.of(List.of("local"), false).check("x", PSEUDONYM_KEY))
                .doesNotThrowAnyException();
        assertThatCode(() -> DevelopmentDefaults.of(List.of(" Local"), false).check("x", PSEUDONYM_KEY))
                .doesNotThrowAnyException();
        assertThatCode(() -> DevelopmentDefaults.of(List.of("test"), false).check("x", PSEUDONYM_KEY))
                .doesNotThrowAnyException();
        assertThatCode(() -> DevelopmentDefaults.of(List.of("k8s"), true).check("x", PSEUDONYM_KEY))
                .doesNotThrowAnyException();
    }

    @Test
    void realSecretsNeedNoPermission() {
        assertThatCode(() -> DevelopmentDefaults.of(List.of(), false).check("x", List.of()))
                .doesNotThrowAnyException();
    }

    @Test
    void theDevelopmentKeyIsInUseWhenNeitherAFileNorAnotherKeyIsGiven() {
        assertThat(TravellerPseudonymiser.isDevelopment(null, null)).isTrue();
        assertThat(TravellerPseudonymiser.isDevelopment("", " ")).isTrue();
        assertThat(TravellerPseudonymiser.isDevelopment(null, TravellerPseudonymiser.DEVELOPMENT_KEY))
                .isTrue();
        assertThat(TravellerPseudonymiser.isDevelopment("/etc/border-flows/pseudonym/key", null))
                .isFalse();
        assertThat(TravellerPseudonymiser.isDevelopment(null, "a-real-secret")).isFalse();
    }
}
