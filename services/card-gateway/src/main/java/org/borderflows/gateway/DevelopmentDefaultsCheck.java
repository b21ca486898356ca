package org.borderflows.gateway;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import org.borderflows.platform.DevelopmentDefaults;
import org.borderflows.platform.PlainHttp;
import org.borderflows.platform.config.PseudonymConfiguration;

/**
 * At start-up, before the server listens: the gateway refuses the development pseudonym key and the {@code dev-*}
 * API keys of application.yml outside the local environment ({@link DevelopmentDefaults}), and plain HTTP there unless
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
            List<ApiKeyProperties> apiKeys) {
        List<DevelopmentDefaults.InUse> inUse = new ArrayList<>(pseudonym.developmentKeyInUse());
        if (apiKeys.stream().anyMatch(k -> k.getKey() != null && k.getKey().startsWith("dev-"))) {
            inUse.add(new DevelopmentDefaults.InUse(
                    "border-flows.gateway.api-keys", "a configuration file in MICRONAUT_CONFIG_FILES"));
        }
        DevelopmentDefaults.of(environment.getActiveNames(), allow).check("card-gateway", inUse);
        PlainHttp.check("card-gateway", https, keyStore, allowPlainHttp, environment.getActiveNames());
    }
}
