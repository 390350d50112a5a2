package org.finassist.server.gateway.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.finassist.core.chat.Attempt;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.Usage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** OpenAI chat-completions wire format of the gateway: parses requests, writes responses and stream chunks. */
public final class ChatCompletionWire {

    /**
     * Buffers are recycled through a small shared pool, not Jackson's default per-thread one: every gateway request
     * runs on a new virtual thread, so a per-thread recycler allocated fresh 8 KB and 4 KB buffers for every parser
     * and generator (issue 19: 14 % of a gateway request's allocation).
     */
    public static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.newBoundedPool(32)).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Parameters the gateway handles itself; everything else is passed through to the provider. */
    private static final Set<String> OWN = Set.of("model", "messages", "stream", "stream_options", "n");
    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool", "developer");

    /** A parsed request. */
    public record Parsed(String model, List<Message> messages, Map<String, Object> parameters, boolean stream,
                         boolean includeUsage) {
    }

    /** A request the wire format cannot accept: which parameter and why. */
    public static final class Invalid extends RuntimeException {
        public final String param;

        Invalid(String param, String message) {
            super(message);
            this.param = param;
        }
    }

    private ChatCompletionWire() {
    }

    public static JsonNode readTree(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new Invalid(null, "The request body must be a JSON object.");
            }
            return node;
        } catch (Invalid e) {
            throw e;
        } catch (Exception e) {
            String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new Invalid(null, "The request body is not valid JSON (UTF-8 expected): " + m);
        }
    }

    @SuppressWarnings("unchecked")
    public static Parsed parse(JsonNode root) {
        JsonNode model = root.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw new Invalid("model", "'model' is required: a route such as finassist-qa, or provider:model.");
        }
        JsonNode messages = root.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new Invalid("messages", "'messages' must be a non-empty array.");
        }
        if (root.has("n") && root.get("n").asInt(1) != 1) {
            throw new Invalid("n", "Only n=1 is supported.");
        }
        List<Message> list = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            list.add(message(messages.get(i), i));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            if (!OWN.contains(e.getKey())) {
                params.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
            }
        });
        boolean stream = root.path("stream").asBoolean(false);
        boolean includeUsage = root.path("stream_options").path("include_usage").asBoolean(false);
        return new Parsed(model.asText().strip(), list, params, stream, includeUsage);
    }

    @SuppressWarnings("unchecked")
    private static Message message(JsonNode m, int i) {
        String where = "messages[" + i + "]";
        if (!m.isObject()) {
            throw new Invalid(where, where + " must be an object.");
        }
        String role = m.path("role").asText("");
        if (!ROLES.contains(role)) {
            throw new Invalid(where + ".role", where + ".role must be one of " + ROLES + ".");
        }
        JsonNode content = m.get("content");
        String text;
        if (content == null || content.isNull()) {
            text = null;
        } else if (content.isTextual()) {
            text = content.asText();
        } else if (content.isArray()) {
            StringBuilder sb = new StringBuilder();
            content.forEach(part -> {
                if ("text".equals(part.path("type").asText())) {
                    sb.append(part.path("text").asText());
                }
            });
            text = sb.toString();
        } else {
            throw new Invalid(where + ".content", where + ".content must be a string or an array of parts.");
        }
        if (text == null && !m.has("tool_calls")) {
            throw new Invalid(where + ".content", where + ".content is required.");
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        for (String k : List.of("name", "tool_calls", "tool_call_id")) {
            if (m.has(k)) {
                extra.put(k, JSON.convertValue(m.get(k), Object.class));
            }
        }
        return new Message("developer".equals(role) ? "system" : role, text, extra);
    }

    /**
     * A whole answer as OpenAI's {@code chat.completion}, written straight to bytes: no tree is built and no
     * record is converted to one first (a gateway request's hot path, issue 19 profile).
     */
    public static byte[] response(String id, long created, String model, Completion c) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(
                512 + (c.content() == null ? 0 : 3 * c.content().length())); // content is null beside tool calls
        try (com.fasterxml.jackson.core.JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeStringField("object", "chat.completion");
            g.writeNumberField("created", created);
            g.writeStringField("model", model);
            g.writeArrayFieldStart("choices");
            g.writeStartObject();
            g.writeNumberField("index", 0);
            g.writeObjectFieldStart("message");
            g.writeStringField("role", "assistant");
            g.writeStringField("content", c.content());
            if (c.reasoning() != null) {
                g.writeStringField("reasoning_content", c.reasoning());
            }
            if (!c.toolCalls().isEmpty()) {
                g.writeObjectField("tool_calls", c.toolCalls());
            }
            g.writeEndObject();
            g.writeStringField("finish_reason", c.finishReason() == null ? "stop" : c.finishReason());
            g.writeEndObject();
            g.writeEndArray();
            g.writeObjectField("usage", usage(c.usage()));
            g.writeFieldName("finassist");
            writeMeta(g, c);
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // into memory: cannot happen
        }
        return bytes.toByteArray();
    }

    private static void writeMeta(com.fasterxml.jackson.core.JsonGenerator g, Completion c) throws java.io.IOException {
        g.writeStartObject();
        g.writeStringField("provider", c.provider());
        g.writeStringField("model", c.model());
        g.writeStringField("route", c.trail() == null ? null : c.trail().route());
        g.writeStringField("cost_cny", c.costCny().toPlainString());
        g.writeArrayFieldStart("trail");
        if (c.trail() != null) {
            for (Attempt a : c.trail().attempts()) {
                g.writeObject(a);
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    public static ObjectNode chunk(String id, long created, String model) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", id);
        root.put("object", "chat.completion.chunk");
        root.put("created", created);
        root.put("model", model);
        return root;
    }

    public static ObjectNode deltaChunk(String id, long created, String model, String field, Object value,
                                        String finishReason) {
        ObjectNode root = chunk(id, created, model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (field != null) {
            delta.set(field, JSON.valueToTree(value));
        }
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        return root;
    }

    public static ObjectNode usage(Usage u) {
        ObjectNode n = JSON.createObjectNode();
        n.put("prompt_tokens", u.promptTokens());
        n.put("completion_tokens", u.completionTokens());
        n.put("total_tokens", u.totalTokens());
        n.putObject("prompt_tokens_details").put("cached_tokens", u.cacheHitTokens());
        n.putObject("completion_tokens_details").put("reasoning_tokens", u.reasoningTokens());
        return n;
    }

    public static ObjectNode meta(Completion c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("provider", c.provider());
        n.put("model", c.model());
        n.put("route", c.trail() == null ? null : c.trail().route());
        n.put("cost_cny", c.costCny().toPlainString());
        ArrayNode trail = n.putArray("trail");
        if (c.trail() != null) {
            for (Attempt a : c.trail().attempts()) {
                trail.add(JSON.valueToTree(a));
            }
        }
        return n;
    }

    public static ObjectNode error(String message, String type, String param, String code) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode e = root.putObject("error");
        e.put("message", message);
        e.put("type", type);
        if (param == null) {
            e.putNull("param");
        } else {
            e.put("param", param);
        }
        e.put("code", code);
        return root;
    }
}
