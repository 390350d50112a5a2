package org.finassist.server.chat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends a turn's stored answer again, in the events a live answer uses, to a client that lost the stream and asked
 * again with the same turn id: no model is called and nothing is stored twice.
 */
final class ChatReplay {

    private ChatReplay() {
    }

    static void send(ChatSse sse, String conversationId, ConversationStore.StoredAnswer answer) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("conversationId", conversationId);
        meta.put("scenario", answer.scenario());
        meta.put("replayed", true);
        sse.event("meta", meta);
        sse.event("token", Map.of("delta", answer.content()));
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("provider", answer.provider());
        usage.put("model", answer.model());
        usage.put("replayed", true);
        usage.put("aiGenerated", true);
        sse.event("usage", usage);
        sse.event("done", Map.of("conversationId", conversationId, "messageId", answer.messageId()));
    }
}
