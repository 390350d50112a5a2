package org.finassist.server.chat;

import org.springframework.http.HttpStatusCode;
import org.finassist.server.web.Problems;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.finassist.core.assistant.AssistantService;
import org.finassist.core.assistant.TurnRequest;
import org.finassist.core.privacy.PiiMasker;
import org.finassist.server.kb.CustomerKnowledgeBases;
import org.finassist.core.router.Scenario;
import org.finassist.server.security.Callers;
import org.finassist.server.web.BoundedBody;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/chat}: the chat widget's API. Answers as server-sent events: {@code meta}, {@code route},
 * {@code citations}, {@code reasoning} (when asked), {@code token}, {@code handoff} (the conversation went to a
 * person: reason code and Chinese message),
 * {@code usage}, {@code error}, {@code done}.
 * Errors carry a Chinese {@code message} for the customer and an English {@code detail} for operators.
 */
@RestController
class ChatController {

    static final int MAX_MESSAGE_CHARS = 2000;
    private static final int MAX_BODY = 64 * 1024;
    private static final int HISTORY = 12;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final AssistantService assistant;
    private final ConversationStore store;
    private final org.springframework.beans.factory.ObjectProvider<CustomerKnowledgeBases> published;

    ChatController(AssistantService assistant, ConversationStore store,
                   org.springframework.beans.factory.ObjectProvider<CustomerKnowledgeBases> published) {
        this.assistant = assistant;
        this.store = store;
        this.published = published;
    }

    private static final java.util.regex.Pattern TURN_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @PostMapping("/api/chat")
    void chat(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ChatRequestBody body;
        try {
            body = parse(request);
        } catch (ChatInputException e) {
            error(response, e.status, e.code, e.customerMessage, e.getMessage());
            return;
        }
        Scenario scenario = body.scenario() == null || body.scenario().isBlank() ? null
                : Scenario.fromId(body.scenario()).orElse(null);
        if (body.scenario() != null && !body.scenario().isBlank() && scenario == null) {
            error(response, 400, "unknown_scenario", "暂不支持该业务场景。", "Unknown scenario '" + body.scenario() + "'");
            return;
        }
        // customers search only knowledge bases published to them; another is answered as if it did not exist
        java.util.List<String> hidden = body.knowledgeBases() == null || body.knowledgeBases().isEmpty()
                ? java.util.List.of() : published.getIfAvailable(() -> requested -> java.util.List.copyOf(requested))
                .notPublished(body.knowledgeBases());
        if (!hidden.isEmpty()) {
            error(response, 400, "unknown_knowledge_base", "没有找到您要查询的知识库。",
                    "No knowledge base published to customers: " + String.join(", ", hidden));
            return;
        }
        String conversationId = body.conversationId();
        String owner = Callers.subject(request);
        if (conversationId != null && !conversationId.isBlank() && store.exists(conversationId)
                && !store.isOwnedBy(conversationId, owner)) {
            // another customer's conversation: answered as if it did not exist, and never continued
            error(response, 404, "no_such_conversation", "没有找到这段对话，请重新发起咨询。",
                    "Conversation " + conversationId + " does not exist for this caller");
            return;
        }
        if (conversationId == null || conversationId.isBlank() || !store.exists(conversationId)) {
            conversationId = conversationId == null || conversationId.isBlank() || conversationId.length() > 36
                    ? UUID.randomUUID().toString() : conversationId;
            store.create(conversationId, scenario == null ? null : scenario.id(), owner);
        }
        String turnId = body.turnId();
        ChatSse sse = new ChatSse(response);
        if (turnId != null) {
            var done = store.answer(conversationId, turnId);
            if (done.isPresent()) {
                ChatReplay.send(sse, conversationId, done.get());
                return;
            }
        }
        boolean retry = turnId != null && store.hasQuestion(conversationId, turnId);
        var history = store.history(conversationId, HISTORY, retry ? turnId : null);
        // the assistant works on the question as it is stored, masked: personal data must not steer it (a password
        // "668899" taken for a stock code) nor come back in an answer; the history it reads is masked alike. The
        // stream keeps the text as typed only to mask the stored answer against it (ConversationStore#addAnswer)
        String question = PiiMasker.mask(body.message());
        ChatTurnStream stream = new ChatTurnStream(sse, store, conversationId, body.message(),
                Boolean.TRUE.equals(body.showReasoning()), turnId, retry);
        assistant.turn(new TurnRequest(history, question, scenario, body.knowledgeBases(),
                Boolean.TRUE.equals(body.showReasoning())), stream);
    }

    @PostMapping("/api/chat/{conversationId}/handoff")
    ResponseEntity<?> handOff(@PathVariable String conversationId, HttpServletRequest request) {
        if (!store.isOwnedBy(conversationId, Callers.subject(request))) {
            // unknown, or another customer's: the same 404, so ids cannot be probed
            return Problems.response(HttpStatusCode.valueOf(404), "no_such_conversation",
                    "Conversation " + conversationId + " does not exist for this caller", "没有找到这段对话，请重新发起咨询。");
        }
        boolean marked = store.handOff(conversationId);
        return ResponseEntity.ok(Map.of("conversationId", conversationId, "handedOff", marked,
                "message", marked ? "正在为您转接人工客服，请稍候。" : "这段对话还没有回答，请先描述您的问题。"));
    }

    /** The widget polls this for an agent's replies after a hand-off ({@code role} = {@code agent}). */
    @org.springframework.web.bind.annotation.GetMapping("/api/chat/{conversationId}/messages")
    ResponseEntity<?> messages(@PathVariable String conversationId, HttpServletRequest request,
                               @org.springframework.web.bind.annotation.RequestParam(defaultValue = "0") long after) {
        if (!store.isOwnedBy(conversationId, Callers.subject(request))) {
            return Problems.response(HttpStatusCode.valueOf(404), "no_such_conversation",
                    "Conversation " + conversationId + " does not exist for this caller", "没有找到这段对话，请重新发起咨询。");
        }
        return ResponseEntity.ok(Map.of("conversationId", conversationId,
                "messages", store.messagesAfter(conversationId, after)));
    }

    private static ChatRequestBody parse(HttpServletRequest request) throws IOException {
        byte[] raw = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(), MAX_BODY);
        if (raw == null) {
            throw new ChatInputException(413, "too_large", "消息太长了，请精简后再发送。", "Body larger than " + MAX_BODY + " bytes");
        }
        ChatRequestBody body;
        try {
            body = JSON.readValue(raw, ChatRequestBody.class);
        } catch (Exception e) {
            throw new ChatInputException(400, "malformed_json", "请求格式有误，请刷新页面后重试。",
                    "Body is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (body == null || body.message() == null || body.message().isBlank()) {
            throw new ChatInputException(400, "empty_message", "请输入您的问题。", "'message' is required");
        }
        if (body.turnId() != null && !TURN_ID.matcher(body.turnId()).matches()) {
            throw new ChatInputException(400, "bad_turn_id", "请求格式有误，请刷新页面后重试。",
                    "'turnId' must be 1-64 characters of A-Z a-z 0-9 _ -");
        }
        if (body.message().length() > MAX_MESSAGE_CHARS) {
            throw new ChatInputException(400, "message_too_long", "问题太长了，请控制在" + MAX_MESSAGE_CHARS + "字以内。",
                    "'message' longer than " + MAX_MESSAGE_CHARS + " characters");
        }
        return body;
    }

    private static void error(HttpServletResponse response, int status, String code, String message, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        byte[] bytes = JSON.writeValueAsBytes(Problems.members(Problems.of(HttpStatusCode.valueOf(status), code, detail, message)));
        response.getOutputStream().write(bytes);
    }

    static final class ChatInputException extends RuntimeException {
        final int status;
        final String code;
        final String customerMessage;

        ChatInputException(int status, String code, String customerMessage, String detail) {
            super(detail);
            this.status = status;
            this.code = code;
            this.customerMessage = customerMessage;
        }
    }
}
