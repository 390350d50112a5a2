package org.finassist.server.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** Authenticates a bearer token that is an API key ({@code fa-…}) against the stored hashes. */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    static final String PREFIX = "fa-";

    private final ApiKeyStore keys;

    ApiKeyAuthenticationProvider(ApiKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        return keys.caller(token).map(ApiKeyAuthentication::new)
                .orElseThrow(() -> new BadCredentialsException("Invalid or revoked API key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
