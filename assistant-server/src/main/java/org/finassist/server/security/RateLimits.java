package org.finassist.server.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

/**
 * The two request-rate filters, made once so every security filter chain (the gateway's and the main one) takes
 * from the same buckets. Not a servlet filter itself, so Spring Boot does not register it a second time.
 */
final class RateLimits {

    private final boolean enabled;
    private final RateLimitFilter byAddress;
    private final RateLimitFilter byCaller;

    RateLimits(RateLimitProperties properties) {
        this.enabled = properties.enabled();
        this.byAddress = new RateLimitFilter(RateLimitFilter.Stage.ADDRESS, properties);
        this.byCaller = new RateLimitFilter(RateLimitFilter.Stage.CALLER, properties);
    }

    /** Per address before anything else (failed sign-ins count), per caller once the caller is known. */
    void addTo(HttpSecurity http) {
        if (enabled) {
            http.addFilterBefore(byAddress, DisableEncodeUrlFilter.class);
            http.addFilterBefore(byCaller, AuthorizationFilter.class);
        }
    }
}
