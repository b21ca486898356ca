package org.borderflows.engine;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import org.borderflows.platform.DevelopmentDefaults;
import org.borderflows.platform.PlainHttp;
import org.borderflows.platform.config.PseudonymConfiguration;
import org.borderflows.platform.security.ServiceUser;

/**
 * At start-up, before the engine runs: it refuses the development pseudonym key and the {@code *-dev-password} of
 * its status API users outside the local environment ({@link DevelopmentDefaults}), and plain HTTP there unless
 * allowed ({@link PlainHttp}).
 */
@Context
final class DevelopmentDefaultsCheck {
    DevelopmentDefaultsCheck(
            Environment environment,
            @Value("${" + DevelopmentDefaults.ALLOW_PROPERTY + ":false}") boolean allow,
            @Value("${" + PlainHttp.HTTPS_PROPERTY + ":false}") boolean https,
            @Nullable @Value("${" + PlainHttp.KEY_STORE_PROPERTY + ":}") String keyStore,
            @Value("${" + PlainHttp.ALLOW_PROPERTY + ":false}") boolean allowPlainHttp,
            PseudonymConfiguration pseudonym,
            List<ServiceUser> users) {
        List<DevelopmentDefaults.InUse> inUse = new ArrayList<>(pseudonym.developmentKeyInUse());
        inUse.addAll(ServiceUser.developmentPasswords(users, "BORDER_FLOWS_"));
        DevelopmentDefaults.of(environment.getActiveNames(), allow).check("stay-engine", inUse);
        PlainHttp.check("stay-engine", https, keyStore, allowPlainHttp, environment.getActiveNames());
    }
}
