package org.finassist.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.List;

/**
 * Writes an operator's every change (any method but GET/HEAD/OPTIONS: keys, accounts, knowledge bases, batches,
 * witness decisions) and every view of personal data or export (customers' feedback, witness audits, this trail)
 * to the {@link OperatorAudit} trail, after the response status is known. The path is recorded, never the body.
 */
final class OperatorAuditInterceptor implements HandlerInterceptor {

    /** GET paths that show personal data or export records. */
    private static final List<String> VIEWS = List.of("/api/chat/feedback", "/api/witness/sessions/", "/api/audit",
            "/admin/");

    private final OperatorAudit audit;

    OperatorAuditInterceptor(OperatorAudit audit) {
        this.audit = audit;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof UsernamePasswordAuthenticationToken) || !auth.isAuthenticated()) {
            return; // customers and API clients are not operators; their records carry their own owner
        }
        String method = request.getMethod();
        String path = request.getRequestURI();
        boolean change = !List.of("GET", "HEAD", "OPTIONS").contains(method);
        boolean view = VIEWS.stream().anyMatch(path::startsWith) && !path.equals("/api/witness/sessions/");
        if (change || view) {
            audit.record("operator:" + auth.getName(), method, path, response.getStatus());
        }
    }
}
