package org.finassist.server.chat;

import org.finassist.server.security.Callers;
import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpStatus;
import org.finassist.server.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/chat/{conversationId}/feedback}: helpful or not (with a reason) on one answer, from the widget.
 * {@code GET /api/chat/feedback}: the newest feedback with its question and answer, for the knowledge-base owners.
 */
@RestController
class FeedbackController {

    static final Set<String> REASONS = Set.of("inaccurate", "irrelevant", "outdated", "unclear", "other");
    private static final int MAX_COMMENT = 500;

    record FeedbackBody(Long messageId, Boolean helpful, String reason, String comment) {
    }

    private final FeedbackStore store;

    FeedbackController(FeedbackStore store) {
        this.store = store;
    }

    @PostMapping("/api/chat/{conversationId}/feedback")
    ResponseEntity<?> give(@PathVariable String conversationId, @RequestBody FeedbackBody body,
                           jakarta.servlet.http.HttpServletRequest request) {
        if (body.messageId() == null || body.helpful() == null) {
            return bad("missing_field", "反馈提交失败，请刷新后重试。", "'messageId' and 'helpful' are required");
        }
        String reason = body.helpful() ? null : body.reason();
        if (reason != null && !REASONS.contains(reason)) {
            return bad("unknown_reason", "请选择一个原因。", "'reason' must be one of " + REASONS);
        }
        String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            return bad("comment_too_long", "补充说明请控制在" + MAX_COMMENT + "字以内。",
                    "'comment' longer than " + MAX_COMMENT + " characters");
        }
        if (!store.isAnswerOf(conversationId, body.messageId(), Callers.subject(request))) {
            // not an answer of this conversation, or the conversation is another customer's: the same 404
            return Problems.response(HttpStatus.NOT_FOUND, "no_such_answer",
                    "Message " + body.messageId() + " is not an answer of conversation " + conversationId,
                    "没有找到这条回答，请刷新后重试。");
        }
        store.save(conversationId, body.messageId(), body.helpful(), reason, comment);
        return ResponseEntity.ok(Map.of("saved", true, "message", "感谢您的反馈！"));
    }

    @GetMapping("/api/chat/feedback")
    List<FeedbackStore.Entry> recent(@RequestParam(defaultValue = "50") int limit) {
        return store.recent(Math.clamp(limit, 1, 500));
    }

    private static ResponseEntity<ProblemDetail> bad(String code, String message, String detail) {
        return Problems.response(HttpStatus.BAD_REQUEST, code, detail, message);
    }
}
