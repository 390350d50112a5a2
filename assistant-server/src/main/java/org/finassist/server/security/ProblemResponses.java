package org.finassist.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors written by servlet filters, before Spring MVC: RFC 9457 problem details with {@code code} and a Chinese
 * {@code message}, or OpenAI's error object under {@code /v1} (the gateway's clients parse only that).
 */
final class ProblemResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    /** What one refusal says: the status, its code (and the OpenAI {@code type}/{@code code}), and the texts. */
    record Refusal(int status, String title, String code, String openAiType, String openAiCode, String message,
                   String detail) {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, Refusal r) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (path(request).startsWith("/v1/")) {
            response.setContentType("application/json");
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", r.detail());
            error.put("type", r.openAiType());
            error.put("param", null);
            error.put("code", r.openAiCode());
            body.put("error", error);
        } else {
            response.setContentType("application/problem+json");
            body.put("type", "about:blank");
            body.put("title", r.title());
            body.put("status", r.status());
            body.put("detail", r.detail());
            body.put("code", r.code());
            body.put("message", r.message());
        }
        response.setStatus(r.status());
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }

    /** The container's decoded, normalised path: the one Spring MVC routes on. */
    static String path(HttpServletRequest request) {
        String servlet = request.getServletPath();
        String info = request.getPathInfo();
        return (servlet == null ? "" : servlet) + (info == null ? "" : info);
    }
}
