package org.borderflows.platform.security;

import io.micronaut.context.annotation.Requires;
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

/**
 * HTTP basic authentication against the {@link ServiceUser}s of the configuration, in the services that have them
 * (the stay engine and flow-query; the gateway authenticates border posts by API key instead). Passwords are compared
 * in constant time.
 */
@Singleton
@Requires(property = "border-flows.security.users")
public final class ConfiguredUsers<B> implements HttpRequestAuthenticationProvider<B> {
    private final Map<String, ServiceUser> users;

    public ConfiguredUsers(List<ServiceUser> users) {
        this.users = users.stream().collect(Collectors.toMap(ServiceUser::name, Function.identity()));
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> auth) {
        ServiceUser user = users.get(auth.getIdentity());
        if (user == null || user.password() == null) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.USER_NOT_FOUND);
        }
        boolean same = MessageDigest.isEqual(
                user.password().getBytes(StandardCharsets.UTF_8),
                String.valueOf(auth.getSecret()).getBytes(StandardCharsets.UTF_8));
        return same
                ? AuthenticationResponse.success(user.name(), user.roles())
                : AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
}
