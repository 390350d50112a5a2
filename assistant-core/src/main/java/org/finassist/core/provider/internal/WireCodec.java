package org.finassist.core.provider.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.Usage;
import org.finassist.core.provider.FailureKind;
import org.finassist.core.provider.Flavor;
import org.finassist.core.provider.ProviderException;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** OpenAI chat-completions JSON in and out, with the DeepSeek and StepFun extensions the stock client drops. */
final class WireCodec {

    /**
     * Buffers recycled through a small shared pool: provider calls run on virtual threads, which Jackson's default
     * per-thread recycler serves with fresh 8 KB and 4 KB buffers for every parser and generator (issue 19).
     */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.newBoundedPool(32)).build());
    /** Parameters the router owns; a caller's values for these are replaced, never passed through. */
    private static final Set<String> OWNED = Set.of("model", "messages", "stream", "stream_options");

    private WireCodec() {
    }

    static byte[] requestBody(String upstreamModel, List<Message> messages, Map<String, Object> parameters,
                              boolean stream) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", upstreamModel);
        ArrayNode array = body.putArray("messages");
        for (Message m : messages) {
            ObjectNode node = array.addObject();
            node.put("role", m.role());
            if (m.content() != null) {
                node.put("content", m.content());
            } else {
                node.putNull("content");
            }
            m.extra().forEach((k, v) -> node.set(k, JSON.valueToTree(v)));
        }
        parameters.forEach((k, v) -> {
            if (!OWNED.contains(k)) {
                body.set(k, JSON.valueToTree(v));
            }
        });
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Request parameters cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    static JsonNode parse(byte[] body, String what) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new ProviderException(FailureKind.MALFORMED_RESPONSE, "Malformed " + what + " from upstream: "
                    + e.getMessage());
        }
    }

    static JsonNode parse(String body, String what) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new ProviderException(FailureKind.MALFORMED_RESPONSE, "Malformed " + what + " from upstream: "
                    + abbreviate(body));
        }
    }

    /** Reasoning text of a message or delta, wherever the flavor puts it. */
    static String reasoning(JsonNode messageOrDelta, Flavor flavor) {
        JsonNode node = switch (flavor) {
            case STEPFUN -> first(messageOrDelta, "reasoning", "reasoning_content");
            default -> first(messageOrDelta, "reasoning_content", "reasoning");
        };
        return node == null || node.isNull() ? null : node.asText();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** A finish reason, where StepFun's blank {@code ""} on every chunk means none yet. */
    static String finishReason(JsonNode choice) {
        String fr = text(choice, "finish_reason");
        return fr == null || fr.isBlank() ? null : fr;
    }

    static Usage usage(JsonNode usage) {
        if (usage == null || usage.isNull() || !usage.isObject()) {
            return null;
        }
        int prompt = usage.path("prompt_tokens").asInt(0);
        int completion = usage.path("completion_tokens").asInt(0);
        int reasoning = usage.path("completion_tokens_details").path("reasoning_tokens").asInt(0);
        // DeepSeek: prompt_cache_hit_tokens; StepFun: top-level cached_tokens; OpenAI: prompt_tokens_details
        int cacheHit;
        if (usage.has("prompt_cache_hit_tokens")) {
            cacheHit = usage.path("prompt_cache_hit_tokens").asInt(0);
        } else if (usage.has("cached_tokens")) {
            cacheHit = usage.path("cached_tokens").asInt(0);
        } else {
            cacheHit = usage.path("prompt_tokens_details").path("cached_tokens").asInt(0);
        }
        return new Usage(prompt, completion, reasoning, cacheHit);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(JsonNode node) {
        return JSON.convertValue(node, Map.class);
    }

    /** The message of an OpenAI-shaped error body, or the body itself, shortened. */
    static String errorMessage(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode msg = node.path("error").path("message");
            if (msg.isTextual()) {
                return msg.asText();
            }
            if (node.path("message").isTextual()) {
                return node.path("message").asText();
            }
        } catch (Exception ignored) {
            // not JSON: fall through to the raw text
        }
        return abbreviate(body);
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    private static JsonNode first(JsonNode node, String a, String b) {
        JsonNode v = node.get(a);
        return v != null && !v.isNull() ? v : node.get(b);
    }
}
