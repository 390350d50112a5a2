package org.finassist.core.chat;

import java.util.Map;
import java.util.Objects;

/**
 * One chat message. {@code extra} carries OpenAI fields the router passes through untouched
 * ({@code name}, {@code tool_calls}, {@code tool_call_id}).
 */
public record Message(String role, String content, Map<String, Object> extra) {

    public Message {
        Objects.requireNonNull(role, "role");
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public static Message system(String content) {
        return new Message("system", content, Map.of());
    }

    public static Message user(String content) {
        return new Message("user", content, Map.of());
    }

    public static Message assistant(String content) {
        return new Message("assistant", content, Map.of());
    }
}
