package org.finassist.server.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatusCode;

/**
 * OpenAI's error object for errors raised on the gateway's paths outside its controller: OpenAI client libraries parse
 * {@code {"error":{"message","type","param","code"}}}, not problem details.
 */
final class GatewayErrors {

    private GatewayErrors() {
    }

    static boolean isGatewayPath(String path) {
        return path != null && (path.equals("/v1") || path.startsWith("/v1/"));
    }

    static Map<String, Object> body(String message, HttpStatusCode status, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message == null ? "Request failed" : message);
        error.put("type", status.is5xxServerError() ? "server_error" : "invalid_request_error");
        error.put("param", null);
        error.put("code", code);
        return Map.of("error", error);
    }
}
