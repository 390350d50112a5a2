package org.finassist.server.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The platform's one error shape: RFC 9457 problem details ({@code application/problem+json}) with a stable
 * machine-readable {@code code}, an English {@code detail} for operators and, where a customer may read it, a Chinese
 * {@code message}. The OpenAI-compatible gateway under {@code /v1} keeps OpenAI's error object instead.
 */
public final class Problems {

    /** Shown to a customer when nothing more specific applies. */
    public static final String GENERIC_MESSAGE = "请求有误，请检查后重试。";

    private Problems() {
    }

    /** A problem with a stable {@code code}, an English {@code detail} and a Chinese {@code message}. */
    public static ProblemDetail of(HttpStatusCode status, String code, String detail, String customerMessage) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setProperty("code", code);
        if (customerMessage != null) {
            p.setProperty("message", customerMessage);
        }
        return p;
    }

    /** {@link #of} as a response entity (Spring writes it as {@code application/problem+json}). */
    public static ResponseEntity<ProblemDetail> response(HttpStatusCode status, String code, String detail,
                                                         String customerMessage) {
        return ResponseEntity.status(status).body(of(status, code, detail, customerMessage));
    }

    /**
     * The problem as the JSON members RFC 9457 puts at the top level, for code that writes a response itself with its
     * own JSON mapper (a streaming endpoint before its first event).
     */
    public static java.util.Map<String, Object> members(ProblemDetail p) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("type", p.getType() == null ? "about:blank" : p.getType().toString());
        m.put("title", p.getTitle());
        m.put("status", p.getStatus());
        m.put("detail", p.getDetail());
        if (p.getProperties() != null) {
            m.putAll(p.getProperties());
        }
        return m;
    }

    /** An operator endpoint's problem: English only. */
    public static ResponseEntity<ProblemDetail> response(HttpStatusCode status, String code, String detail) {
        return response(status, code, detail, null);
    }
}
