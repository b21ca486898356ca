package org.borderflows.engine;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.borderflows.platform.DevelopmentDefaults;
import org.borderflows.platform.TravellerPseudonymiser;

/**
 * At start-up, before the engine runs: it refuses the development pseudonym key and the {@code *-dev-password} of
 * its status API users outside the local environment ({@link DevelopmentDefaults}).
 */
@Context
final class DevelopmentDefaultsCheck {
    DevelopmentDefaultsCheck(
            Environment environment,
            @Value("${" + DevelopmentDefaults.ALLOW_PROPERTY + ":false}") boolean allow,
            @Nullable @Value("${border-flows.pseudonym.key-file:}") String keyFile,
            @Nullable @Value("${border-flows.pseudonym.key:}") String key,
            List<AgencyUser> users) {
        List<DevelopmentDefaults.InUse> inUse = new ArrayList<>();
        if (TravellerPseudonymiser.isDevelopment(keyFile, key)) {
            inUse.add(TravellerPseudonymiser.KEY_SETTING);
        }
        users.stream()
                .filter(u -> u.password() != null && u.password().endsWith("-dev-password"))
                .forEach(u -> inUse.add(new DevelopmentDefaults.InUse(
                        "border-flows.security.users." + u.name() + ".password",
                        "BORDER_FLOWS_" + u.name().toUpperCase(Locale.ROOT) + "_PASSWORD")));
        DevelopmentDefaults.of(environment.getActiveNames(), allow).check("stay-engine", inUse);
    }
}
