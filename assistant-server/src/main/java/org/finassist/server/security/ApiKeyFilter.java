package org.finassist.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards /v1, /api and /admin. With no active key, only loopback clients are served; once a key exists, a valid
 * {@code Authorization: Bearer} is required (loopback clients too unless {@code loopback-without-key}). /admin is
 * loopback-only unless an admin token is configured. Errors use OpenAI's shape for /v1.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeyStore keys;
    private final SecurityProperties properties;

    ApiKeyFilter(ApiKeyStore keys, SecurityProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/v1/") || path.startsWith("/api/") || path.startsWith("/admin/"))
                || isCorsPreflight(request);
    }

    /** Browsers send a preflight without credentials by design; Spring's CORS handling answers it, nothing more. */
    private static boolean isCorsPreflight(HttpServletRequest request) {
        return "OPTIONS".equals(request.getMethod()) && request.getHeader("Origin") != null
                && request.getHeader("Access-Control-Request-Method") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        boolean loopback = isLoopback(request.getRemoteAddr());
        String bearer = bearer(request);
        if (path.startsWith("/admin/")) {
            if (loopback || (!properties.adminToken().isEmpty() && bearer != null && constantTimeEquals(bearer, properties.adminToken()))) {
                chain.doFilter(request, response);
            } else {
                deny(response, path, 403, "permission_error", "Admin endpoints are served to loopback clients or with the admin token only.");
            }
            return;
        }
        var caller = keys.caller(bearer);
        if (caller.isPresent()) {
            chain.doFilter(caller.get().wrap(request), response);
            return;
        }
        if (loopback && (properties.loopbackWithoutKey() || !keys.anyActive())) {
            // SDKs always send some bearer; on loopback without keys it is ignored
            chain.doFilter(request, response);
            return;
        }
        if (bearer != null) {
            deny(response, path, 401, "authentication_error", "Invalid API key.");
            return;
        }
        if (!keys.anyActive()) {
            deny(response, path, 403, "permission_error", "No API key is configured, so only loopback clients are served."
                    + " Create a key with POST /admin/api-keys from the server itself.");
            return;
        }
        deny(response, path, 401, "authentication_error", "Missing API key: send Authorization: Bearer <key>.");
    }

    private static String bearer(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String v = h.substring(7).trim();
        return v.isEmpty() ? null : v;
    }

    static boolean isLoopback(String address) {
        // the servlet container gives a literal address; no DNS look-up happens here
        return address != null && (address.startsWith("127.") || "::1".equals(address)
                || "0:0:0:0:0:0:0:1".equals(address) || address.startsWith("::ffff:127."));
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static void deny(HttpServletResponse response, String path, int status, String type, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        String code = status == 401 ? "invalid_api_key" : "forbidden";
        String body = path.startsWith("/api/")
                ? "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + (status == 401 ? "身份验证失败，请重新登录后再试。" : "暂无访问权限。")
                  + "\",\"detail\":\"" + message + "\"}}"
                : "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":\"" + code + "\"}}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
