package org.finassist.server.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import org.finassist.core.chat.RouterException;
import org.finassist.server.gateway.internal.ChatCompletionWire;

import java.io.IOException;

/** Writes gateway JSON and OpenAI-shaped errors. */
final class GatewayResponses {

    private GatewayResponses() {
    }

    static void json(HttpServletResponse response, int status, JsonNode body) throws IOException {
        json(response, status, ChatCompletionWire.JSON.writeValueAsBytes(body));
    }

    static void json(HttpServletResponse response, int status, byte[] bytes) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    static void error(HttpServletResponse response, GatewayException e) throws IOException {
        json(response, e.status, ChatCompletionWire.error(e.getMessage(), e.type, e.param, e.code));
    }

    static GatewayException of(RouterException e) {
        return switch (e.kind()) {
            case UNKNOWN_MODEL -> new GatewayException(404, "invalid_request_error", "model_not_found", "model",
                    e.getMessage());
            case INVALID_REQUEST -> new GatewayException(400, "invalid_request_error", "invalid_request", null,
                    e.getMessage());
            case CONTEXT_TOO_LONG -> new GatewayException(400, "invalid_request_error", "context_length_exceeded",
                    "messages", e.getMessage());
            case STREAM_INTERRUPTED -> new GatewayException(502, "server_error", "stream_interrupted", null,
                    e.getMessage());
            case UNAVAILABLE, DEADLINE -> new GatewayException(503, "server_error", "all_providers_failed", null,
                    e.getMessage());
            case CANCELLED -> new GatewayException(499, "server_error", "cancelled", null, e.getMessage());
        };
    }
}
