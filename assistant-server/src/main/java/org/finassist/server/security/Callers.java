package org.finassist.server.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.regex.Pattern;

/**
 * The customer a request acts for, which every customer record (conversations, feedback, hand-offs, opening
 * sessions) is bound to: a JWT's subject; for an API key with the {@code chat} scope the customer named in
 * {@value #CUSTOMER_HEADER} (the brokerage's back end vouches for it), else the key itself; an unauthenticated
 * loopback caller in the {@code dev} profile is {@value #DEV_SUBJECT}.
 */
public final class Callers {

    public static final String CUSTOMER_HEADER = "X-FinAssist-Customer";
    static final String DEV_SUBJECT = "dev-loopback";
    private static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9_.:@-]{1,120}");

    private Callers() {
    }

    /** {@link #subject(HttpServletRequest)} of the request this thread serves. */
    public static String currentSubject() {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes a) {
            return subject(a.getRequest());
        }
        throw new IllegalStateException("No HTTP request on this thread");
    }

    /** The API key the current request was authenticated with, or null (JWT, operator, anonymous). */
    public static org.finassist.server.keys.VirtualKey currentKey() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof ApiKeyAuthentication key
                ? key.key().key() : null;
    }

    /**
     * The name of the current request's authenticated caller (an API key's is {@code key:<name>}), or null when
     * nobody is signed in; read from the security context, not the servlet request (the gateway's chain does not
     * wrap requests).
     */
    public static String currentCallerName() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken ? null : auth.getName();
    }

    /** The owner subject of the current request's records; never null inside a secured request. */
    public static String subject(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getSubject();
        }
        if (auth instanceof ApiKeyAuthentication key) {
            String customer = request.getHeader(CUSTOMER_HEADER);
            return customer != null && CUSTOMER_ID.matcher(customer).matches()
                    ? customer : "key:" + key.key().id();
        }
        if (auth == null || auth instanceof AnonymousAuthenticationToken) {
            return DEV_SUBJECT;
        }
        return "operator:" + auth.getName();
    }
}
