package org.borderflows.platform.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.borderflows.platform.DevelopmentDefaults;
import org.borderflows.platform.TravellerPseudonymiser;

/**
 * The secret key of the traveller pseudonym of RULES.md §2 ({@code border-flows.pseudonym.*}): from a file
 * (preferred) or a value; neither is the public development key, refused outside the local environment by each
 * service's development-defaults check. Bound at start-up ({@link Context}): a key file that cannot be read stops
 * the service.
 *
 * @param keyFile {@code border-flows.pseudonym.key-file}, a file holding the key (its content, trimmed)
 * @param key {@code border-flows.pseudonym.key}, the key itself, when there is no file
 */
@Context
@ConfigurationProperties("border-flows.pseudonym")
public record PseudonymConfiguration(@Nullable String keyFile, @Nullable String key) {

    public static final Setting KEY_FILE =
            new Setting("border-flows.pseudonym.key-file", "BORDER_FLOWS_PSEUDONYM_KEY_FILE", null);
    public static final Setting KEY = new Setting("border-flows.pseudonym.key", "BORDER_FLOWS_PSEUDONYM_KEY", null);

    public PseudonymConfiguration {
        keyFile = keyFile == null || keyFile.isBlank() ? null : keyFile.trim();
        key = key == null || key.isBlank() ? null : key;
        if (keyFile != null && !Files.isReadable(Path.of(keyFile))) {
            throw KEY_FILE.invalid("cannot read the key file '" + keyFile + "'");
        }
    }

    /** The command-line programs' key: BORDER_FLOWS_PSEUDONYM_KEY_FILE, else BORDER_FLOWS_PSEUDONYM_KEY. */
    public static PseudonymConfiguration fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static PseudonymConfiguration fromEnvironment(Map<String, String> environment) {
        return new PseudonymConfiguration(KEY_FILE.from(environment), KEY.from(environment));
    }

    /** The pseudonymiser of this key (the development key, with a warning, when none is set). */
    public TravellerPseudonymiser pseudonymiser() {
        return TravellerPseudonymiser.fromConfig(keyFile, key);
    }

    /** The key setting when the development key would be used, for {@link DevelopmentDefaults}; otherwise none. */
    public List<DevelopmentDefaults.InUse> developmentKeyInUse() {
        return TravellerPseudonymiser.developmentKeyInUse(keyFile, key);
    }
}
