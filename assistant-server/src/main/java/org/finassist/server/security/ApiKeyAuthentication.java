package org.finassist.server.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated with an API key: the principal is the key's name, the authorities its scopes. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final ApiKeyStore.KeyCaller key;

    ApiKeyAuthentication(ApiKeyStore.KeyCaller key) {
        super(key.scopes().stream().map(g -> new SimpleGrantedAuthority(g.authority())).toList());
        this.key = key;
        setAuthenticated(true);
    }

    ApiKeyStore.KeyCaller key() {
        return key;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return "key:" + key.name();
    }
}
