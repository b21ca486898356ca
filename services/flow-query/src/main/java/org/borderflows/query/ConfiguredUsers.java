package org.borderflows.query;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.borderflows.platform.DevelopmentDefaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HTTP basic authentication against the users of the configuration ({@code flow-query.users.<name>}). */
@Singleton
final class ConfiguredUsers<B> implements HttpRequestAuthenticationProvider<B> {
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredUsers.class);
    private final Map<String, UserConfig> users;

    ConfiguredUsers(List<UserConfig> users) {
        this.users = users.stream().collect(Collectors.toMap(UserConfig::name, Function.identity()));
        users.stream()
                .filter(u -> u.password() != null && u.password().endsWith(DevelopmentDefaults.PASSWORD_SUFFIX))
                .forEach(
                        u -> LOG.warn("user '{}' has its development password: set it in the configuration", u.name()));
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> auth) {
        UserConfig user = users.get(auth.getIdentity());
        if (user == null || user.password() == null) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.USER_NOT_FOUND);
        }
        boolean same = MessageDigest.isEqual(
                user.password().getBytes(StandardCharsets.UTF_8),
                auth.getSecret().getBytes(StandardCharsets.UTF_8));
        return same
                ? AuthenticationResponse.success(user.name(), user.roles() == null ? List.of() : user.roles())
                : AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
}
