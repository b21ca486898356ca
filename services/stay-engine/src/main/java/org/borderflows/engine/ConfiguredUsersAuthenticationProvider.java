package org.borderflows.engine;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** HTTP basic authentication against the users of the configuration ({@link AgencyUser}). */
@Singleton
public class ConfiguredUsersAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {
    private final List<AgencyUser> users;

    public ConfiguredUsersAuthenticationProvider(List<AgencyUser> users) {
        this.users = users;
    }

    @Override
    public AuthenticationResponse authenticate(
            HttpRequest<B> request, AuthenticationRequest<String, String> authRequest) {
        for (AgencyUser user : users) {
            if (user.name().equals(authRequest.getIdentity())
                    && user.password() != null
                    && MessageDigest.isEqual(
                            user.password().getBytes(StandardCharsets.UTF_8),
                            String.valueOf(authRequest.getSecret()).getBytes(StandardCharsets.UTF_8))) {
                return AuthenticationResponse.success(user.name(), user.roles() == null ? List.of() : user.roles());
            }
        }
        return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
}
