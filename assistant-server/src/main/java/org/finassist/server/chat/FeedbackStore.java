package org.finassist.server.chat;

import org.finassist.core.privacy.PiiMasker;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.util.List;

/** Customers' feedback on answers, one row per answer, with the question and answer it was about. */
final class FeedbackStore {

    /** {@code citations}: the passages the answer was given, as stored JSON ({@code [{n, id, source, heading}]}). */
    record Entry(long id, String conversationId, long messageId, boolean helpful, String reason, String comment,
                 String scenario, String question, String answer, OffsetDateTime createdAt,
                 @com.fasterxml.jackson.annotation.JsonRawValue String citations) {
    }

    private final JdbcClient jdbc;

    FeedbackStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the message is an answer of that conversation and the conversation belongs to {@code owner}. */
    boolean isAnswerOf(String conversationId, long messageId, String owner) {
        return jdbc.sql("SELECT COUNT(*) FROM chat_messages m JOIN chat_conversations c ON c.id = m.conversation_id"
                        + " WHERE m.id = ? AND m.conversation_id = ? AND m.role = 'assistant' AND c.owner = ?")
                .params(messageId, conversationId, owner).query(Long.class).single() > 0;
    }

    /** Replaces any earlier feedback on the same answer: a customer may change their mind. */
    void save(String conversationId, long messageId, boolean helpful, String reason, String comment) {
        jdbc.sql("DELETE FROM chat_feedback WHERE message_id = ?").param(messageId).update();
        jdbc.sql("INSERT INTO chat_feedback (conversation_id, message_id, helpful, reason, comment, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(conversationId, messageId, helpful, reason, comment == null ? null : PiiMasker.mask(comment),
                        OffsetDateTime.now())
                .update();
    }

    /** The newest entries first, each with the customer's question that preceded the answer. */
    List<Entry> recent(int limit) {
        return jdbc.sql("SELECT f.id, f.conversation_id, f.message_id, f.helpful, f.reason, f.comment, a.scenario,"
                        + " (SELECT q.content FROM chat_messages q WHERE q.conversation_id = a.conversation_id"
                        + "   AND q.role = 'user' AND q.id < a.id ORDER BY q.id DESC LIMIT 1), a.content, f.created_at, a.citations"
                        + " FROM chat_feedback f JOIN chat_messages a ON a.id = f.message_id"
                        + " ORDER BY f.id DESC LIMIT ?")
                .param(limit)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class), rs.getString(11)))
                .list();
    }
}
