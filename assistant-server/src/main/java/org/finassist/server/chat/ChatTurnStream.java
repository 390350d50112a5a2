package org.finassist.server.chat;

import org.finassist.core.assistant.TurnListener;
import org.finassist.core.assistant.TurnOutcome;
import org.finassist.core.handoff.HandoffReason;
import org.finassist.core.chat.Attempt;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Passage;
import org.finassist.core.chat.RouterException;
import org.finassist.core.classify.Classification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns one assistant turn into the widget's SSE events and persists both sides of it. */
final class ChatTurnStream implements TurnListener {

    private final ChatSse sse;
    private final ConversationStore store;
    private final String conversationId;
    private final String userText;
    private final boolean showReasoning;
    private final String turnId;
    private final boolean questionStored;
    private String scenario;
    private List<Map<String, Object>> cited = List.of();
    private TurnOutcome outcome;

    ChatTurnStream(ChatSse sse, ConversationStore store, String conversationId, String userText, boolean showReasoning) {
        this(sse, store, conversationId, userText, showReasoning, null, false);
    }

    /** {@code questionStored}: a retry of turn {@code turnId} whose question is already in the history. */
    ChatTurnStream(ChatSse sse, ConversationStore store, String conversationId, String userText, boolean showReasoning,
                   String turnId, boolean questionStored) {
        this.turnId = turnId;
        this.questionStored = questionStored;
        this.sse = sse;
        this.store = store;
        this.conversationId = conversationId;
        this.userText = userText;
        this.showReasoning = showReasoning;
    }

    @Override
    public void onClassified(Classification c) {
        scenario = c.scenario().id();
        if (!questionStored) store.addUser(conversationId, userText, scenario, turnId);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("conversationId", conversationId);
        meta.put("scenario", scenario);
        meta.put("confidence", Math.round(c.confidence() * 1000) / 1000.0);
        meta.put("method", c.method());
        meta.put("aiLabel", org.finassist.core.guardrail.Disclosure.DEFAULT.aigcLabel());
        if (c.symbol() != null) {
            meta.put("symbol", c.symbol());
        }
        sse.event("meta", meta);
    }

    @Override
    public void onCitations(List<Passage> citations) {
        if (citations.isEmpty()) {
            return;
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < citations.size(); i++) {
            Passage p = citations.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", i + 1);
            m.put("id", p.id());
            m.put("source", p.source());
            m.put("heading", p.headingPath());
            m.put("text", p.text());
            m.put("score", Math.round(p.score() * 10000) / 10000.0);
            list.add(m);
        }
        sse.event("citations", list);
        cited = list.stream().map(m -> Map.<String, Object>of("n", m.get("n"), "id", String.valueOf(m.get("id")),
                "source", String.valueOf(m.get("source")), "heading", String.valueOf(m.get("heading")))).toList();
    }

    /** The security a diagnosis was grounded on: the widget shows its card only then (not for an unknown code). */
    @Override
    public void onGrounded(Grounding grounding) {
        if (grounding.subject() != null) {
            sse.event("subject", Map.of("symbol", grounding.subject()));
        }
    }

    @Override
    public void onAttempt(Attempt a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", a.provider());
        m.put("model", a.model());
        m.put("outcome", a.outcome());
        if (a.reason() != null) {
            m.put("reason", a.reason());
        }
        sse.event("route", m);
    }

    @Override
    public void onReasoning(String delta) {
        if (showReasoning) {
            sse.event("reasoning", Map.of("delta", delta));
        }
    }

    @Override
    public void onContent(String delta) {
        sse.event("token", Map.of("delta", delta));
    }

    @Override
    public void onOutcome(TurnOutcome turnOutcome) {
        outcome = turnOutcome;
    }

    /** The conversation goes to the agents' inbox; the widget shows the message and stops offering the button. */
    @Override
    public void onHandoff(HandoffReason reason, String message) {
        store.markHandedOff(conversationId, reason.code());
        sse.event("handoff", Map.of("conversationId", conversationId, "reason", reason.code(), "message", message));
    }

    @Override
    public void onComplete(Completion c) {
        long messageId = store.addAnswer(conversationId, scenario, c, turnId, cited,
                outcome == null ? null : outcome.code(), userText);
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("provider", c.provider());
        usage.put("model", c.model());
        usage.put("route", c.trail().route());
        usage.put("promptTokens", c.usage().promptTokens());
        usage.put("completionTokens", c.usage().completionTokens());
        usage.put("reasoningTokens", c.usage().reasoningTokens());
        usage.put("cacheHitTokens", c.usage().cacheHitTokens());
        usage.put("costCny", c.costCny().toPlainString());
        usage.put("fallbacks", c.trail().fallbacks());
        usage.put("aiGenerated", true);
        sse.event("usage", usage);
        sse.event("done", Map.of("conversationId", conversationId, "messageId", messageId));
    }

    @Override
    public void onError(RouterException e) {
        String message = switch (e.kind()) {
            case INVALID_REQUEST, UNKNOWN_MODEL -> "请求有误，请换个问法再试。";
            case CONTEXT_TOO_LONG -> "对话太长了，请开启新的对话后再问。";
            case STREAM_INTERRUPTED -> "回答中断了，请稍后重试，或点击“转人工”。";
            case UNAVAILABLE, DEADLINE, CANCELLED -> "服务繁忙，请稍后再试，或点击“转人工”。";
        };
        sse.event("error", Map.of("code", e.kind().name().toLowerCase(), "message", message, "detail", e.getMessage()));
        sse.event("done", Map.of("conversationId", conversationId));
    }
}
