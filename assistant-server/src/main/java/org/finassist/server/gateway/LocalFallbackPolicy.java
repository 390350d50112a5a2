package org.finassist.server.gateway;

import org.finassist.server.gateway.internal.ChatCompletionWire;

import java.util.Map;

/**
 * Whether an API request may be answered by the local grounded model when every provider failed. The local model
 * writes Chinese prose; a caller who pinned {@code provider:model}, requires a tool call ({@code tool_choice}
 * {@code required} or a named function) or asked for a JSON schema would parse it and break downstream, so these
 * get an OpenAI-shaped 503 {@code all_providers_failed} unless the request opts in with the header
 * {@value #OPT_IN_HEADER}{@code : true}.
 */
final class LocalFallbackPolicy {

    static final String OPT_IN_HEADER = "x-finassist-local-fallback";

    private LocalFallbackPolicy() {
    }

    static boolean allows(ChatCompletionWire.Parsed request, boolean pinnedModel, String optInHeader) {
        if ("true".equalsIgnoreCase(optInHeader == null ? null : optInHeader.trim())) {
            return true;
        }
        return !pinnedModel && !requiresTool(request.parameters()) && !requiresSchema(request.parameters());
    }

    private static boolean requiresTool(Map<String, Object> parameters) {
        Object choice = parameters.get("tool_choice");
        return "required".equals(choice) || choice instanceof Map<?, ?>;
    }

    private static boolean requiresSchema(Map<String, Object> parameters) {
        return parameters.get("response_format") instanceof Map<?, ?> format
                && "json_schema".equals(format.get("type"));
    }
}
