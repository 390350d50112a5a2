package org.finassist.server.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The {@code dev} profile's loopback trust: an unauthenticated caller whose connection comes from 127.0.0.0/8 or
 * ::1 passes every rule. The address is the connection's (or, behind a proxy listed in
 * {@code server.tomcat.remoteip.internal-proxies}, the one that proxy reports): a forwarded header from anyone
 * else is ignored by the container before this runs.
 */
final class DevLoopback {

    private static final IpAddressMatcher V4 = new IpAddressMatcher("127.0.0.0/8");
    private static final IpAddressMatcher V6 = new IpAddressMatcher("::1");

    private DevLoopback() {
    }

    static boolean isLoopback(HttpServletRequest request) {
        String a = request.getRemoteAddr();
        if (a == null) {
            return false;
        }
        // the container's usual spellings first: the matchers parse the address (a regex and an InetAddress)
        return a.startsWith("127.") || "0:0:0:0:0:0:0:1".equals(a) || V4.matches(a) || V6.matches(a);
    }

    static AuthorizationManager<RequestAuthorizationContext> manager() {
        return (auth, ctx) -> new AuthorizationDecision(isLoopback(ctx.getRequest()));
    }

    /**
     * OpenAI SDKs always send some bearer; on dev loopback a token that is neither an API key nor a JWT is ignored
     * instead of failing the request.
     */
    static BearerTokenResolver lenient(BearerTokenResolver delegate) {
        return request -> {
            String token = delegate.resolve(request);
            if (token != null && isLoopback(request) && !token.startsWith(ApiKeyAuthenticationProvider.PREFIX)
                    && token.chars().filter(c -> c == '.').count() != 2) {
                return null;
            }
            return token;
        };
    }
}
