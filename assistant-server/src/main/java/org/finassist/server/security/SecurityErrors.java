package org.finassist.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 401 and 403 in the shape of the API asked: OpenAI's error object under {@code /v1}, a sign-in redirect for a
 * browser asking for an operator page, RFC 9457 problem details (with {@code code} and a Chinese {@code message})
 * everywhere else. A 401 names the scheme to use but never challenges for Basic, so browsers do not cache
 * credentials that would then ride along on cross-site requests.
 */
final class SecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (isPage(request)) {
            try {
                login.commence(request, response, e);
            } catch (jakarta.servlet.ServletException se) {
                throw new IOException(se);
            }
            return;
        }
        response.setHeader("WWW-Authenticate", "Bearer");
        write(request, response, 401, "unauthenticated", "身份验证失败，请重新登录后再试。",
                "Authentication required: a customer token, an API key (Authorization: Bearer) or an operator"
                        + " account (HTTP Basic or the sign-in page).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String grants = grantsFor(request);
        write(request, response, 403, "forbidden", "暂无访问权限。",
                "This identity may not call " + request.getMethod() + " " + path(request)
                        + (grants.isEmpty() ? "" : " (granted to: " + grants + ")")
                        + " (see the role × endpoint table in README.md), or the CSRF token is missing.");
    }

    /** The README columns of the first access rule the request matches, so an operator learns which role is missing. */
    private static String grantsFor(HttpServletRequest request) {
        return AccessRules.RULES.stream()
                .filter(rule -> PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.pattern())
                        .matches(request))
                .findFirst()
                .map(rule -> rule.grantees().stream().map(Grantee::column).sorted().collect(Collectors.joining(", ")))
                .orElse("");
    }

    static boolean isPage(HttpServletRequest request) {
        String p = path(request);
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html")
                && !(p.startsWith("/api/") || p.startsWith("/v1/") || p.startsWith("/admin/")
                || p.startsWith("/actuator"));
    }

    private static String path(HttpServletRequest request) {
        // the container's decoded, normalised path: the one Spring MVC routes on
        String servlet = request.getServletPath();
        String info = request.getPathInfo();
        return (servlet == null ? "" : servlet) + (info == null ? "" : info);
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
                              String message, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (path(request).startsWith("/v1/")) {
            response.setContentType("application/json");
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", detail);
            error.put("type", status == 401 ? "authentication_error" : "permission_error");
            error.put("param", null);
            error.put("code", status == 401 ? "invalid_api_key" : "forbidden");
            body.put("error", error);
        } else {
            response.setContentType("application/problem+json");
            body.put("type", "about:blank");
            body.put("title", status == 401 ? "Unauthorized" : "Forbidden");
            body.put("status", status);
            body.put("detail", detail);
            body.put("code", code);
            body.put("message", message);
        }
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
