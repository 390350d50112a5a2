package org.finassist.server.security;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The request-rate guard (Bucket4j, in memory, per node). Two instances sit in the security filter chain: the
 * {@link Stage#ADDRESS address} stage first of all, so failed sign-ins and bad tokens count too, and the
 * {@link Stage#CALLER caller} stage after authentication, keyed by the API key, customer subject or operator. A
 * refused request gets 429 with {@code Retry-After} (seconds) in problem details, or OpenAI's error object under
 * {@code /v1}. Health probes are not counted: a load balancer's polling must not lock out the clients behind it.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    /** Which bucket this instance takes from. */
    enum Stage { ADDRESS, CALLER }

    static final String WIDGET_TOKEN_PATH = "/api/widget/token";

    private final Stage stage;
    private final RateBuckets main;
    private final RateBuckets widgetTokens;

    RateLimitFilter(Stage stage, RateLimitProperties properties) {
        this.stage = stage;
        this.main = new RateBuckets(stage == Stage.ADDRESS ? properties.perAddress() : properties.perCaller(),
                properties.maxTracked());
        this.widgetTokens = new RateBuckets(properties.widgetToken(), properties.maxTracked());
    }

    /** Two instances of this class run in one chain: each needs its own once-per-request marker. */
    @Override
    protected String getAlreadyFilteredAttributeName() {
        return RateLimitFilter.class.getName() + "." + stage + ".FILTERED";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe refused = stage == Stage.ADDRESS ? byAddress(request) : byCaller();
        if (refused != null) {
            reject(request, response, refused);
            return;
        }
        chain.doFilter(request, response);
    }

    private ConsumptionProbe byAddress(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        ConsumptionProbe p = main.take(address);
        if (!p.isConsumed()) {
            return p;
        }
        if ("POST".equals(request.getMethod()) && WIDGET_TOKEN_PATH.equals(path(request))) {
            ConsumptionProbe t = widgetTokens.take(address);
            return t.isConsumed() ? null : t;
        }
        return null;
    }

    private ConsumptionProbe byCaller() {
        String caller = caller(SecurityContextHolder.getContext().getAuthentication());
        if (caller == null) {
            return null;
        }
        ConsumptionProbe p = main.take(caller);
        return p.isConsumed() ? null : p;
    }

    /** The identity a caller bucket belongs to; null for anonymous requests (the address stage covers them). */
    static String caller(Authentication auth) {
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return null;
        }
        if (auth instanceof ApiKeyAuthentication key) {
            return "key:" + key.key().id();
        }
        if (auth instanceof JwtAuthenticationToken jwt) {
            return "customer:" + jwt.getToken().getSubject();
        }
        return "operator:" + auth.getName();
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response, ConsumptionProbe probe)
            throws IOException {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader("Retry-After", Long.toString(seconds));
        ProblemResponses.write(request, response, new ProblemResponses.Refusal(429, "Too Many Requests",
                "rate_limited", "requests", "rate_limit_exceeded", "请求太频繁了，请稍后再试。",
                "Too many requests; retry after " + seconds + " s."));
    }

    private static String path(HttpServletRequest request) {
        return ProblemResponses.path(request);
    }
}
