package org.borderflows.query;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import org.borderflows.platform.DevelopmentDefaults;
import org.borderflows.platform.PlainHttp;
import org.borderflows.platform.security.ServiceUser;

/**
 * At start-up, before the server listens: flow-query refuses the development protection key and the
 * {@code *-dev-password} of its users outside the local environment ({@link DevelopmentDefaults}), and plain HTTP there unless
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
            QueryConfig config,
            List<ServiceUser> users) {
        List<DevelopmentDefaults.InUse> inUse = new ArrayList<>();
        if (QueryConfig.DEV_PROTECTION_KEY.equals(config.protectionKey())) {
            inUse.add(new DevelopmentDefaults.InUse("flow-query.protection-key", "FLOW_QUERY_PROTECTION_KEY"));
        }
        inUse.addAll(ServiceUser.developmentPasswords(users, "FLOW_QUERY_"));
        DevelopmentDefaults.of(environment.getActiveNames(), allow).check("flow-query", inUse);
        PlainHttp.check("flow-query", https, keyStore, allowPlainHttp, environment.getActiveNames());
    }
}
