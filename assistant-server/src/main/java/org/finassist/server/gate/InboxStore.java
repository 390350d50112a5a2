package org.finassist.server.gate;

import org.finassist.core.privacy.PiiMasker;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The agents' inbox over the chat tables: handed-off conversations, their history, claim, reply (stored as an
 * {@code agent} message the widget polls), resolve, and FAQ drafts from resolved answers.
 */
final class InboxStore {

    /** A handed-off conversation as the inbox lists it. */
    record Item(String conversationId, String reason, String status, String agent, OffsetDateTime handedOffAt,
                String lastQuestion) {
    }

    /** One message of a conversation. */
    record Line(long id, String role, String content, String outcome, OffsetDateTime createdAt) {
    }

    /** A FAQ entry written from a resolved hand-off, waiting for a knowledge-base owner. */
    record Draft(long id, String conversationId, String question, String answer, String status,
                 OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;

    InboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Item> list(String status, int limit) {
        return jdbc.sql("SELECT c.id, c.handoff_reason, c.handoff_status, c.handoff_agent, c.handoff_at,"
                        + " (SELECT q.content FROM chat_messages q WHERE q.conversation_id = c.id AND q.role = 'user'"
                        + "   ORDER BY q.id DESC LIMIT 1)"
                        + " FROM chat_conversations c WHERE c.handoff_status IS NOT NULL"
                        + " AND (? = '' OR c.handoff_status = ?) ORDER BY c.handoff_at DESC LIMIT ?")
                .params(status == null ? "" : status, status == null ? "" : status, limit)
                .query((rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6))).list();
    }

    List<Line> history(String conversationId) {
        return jdbc.sql("SELECT id, role, content, outcome, created_at FROM chat_messages WHERE conversation_id = ?"
                        + " ORDER BY id")
                .param(conversationId)
                .query((rs, n) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class))).list();
    }

    /** True when the conversation was waiting and is now this agent's. */
    boolean claim(String conversationId, String agent) {
        return jdbc.sql("UPDATE chat_conversations SET handoff_status = 'claimed', handoff_agent = ? WHERE id = ?"
                        + " AND handoff_status = 'waiting'")
                .params(agent, conversationId).update() > 0;
    }

    /** Stores the agent's reply; false unless the conversation is claimed by this agent. */
    boolean reply(String conversationId, String agent, String text) {
        long mine = jdbc.sql("SELECT COUNT(*) FROM chat_conversations WHERE id = ? AND handoff_status = 'claimed'"
                        + " AND handoff_agent = ?")
                .params(conversationId, agent).query(Long.class).single();
        if (mine == 0) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO chat_messages (conversation_id, role, content, provider, model, created_at)"
                        + " VALUES (?, 'agent', ?, 'agent', ?, ?)")
                .params(conversationId, PiiMasker.mask(text), agent, now).update();
        jdbc.sql("UPDATE chat_conversations SET updated_at = ? WHERE id = ?").params(now, conversationId).update();
        return true;
    }

    boolean resolve(String conversationId, String agent) {
        return jdbc.sql("UPDATE chat_conversations SET handoff_status = 'resolved' WHERE id = ?"
                        + " AND handoff_status = 'claimed' AND handoff_agent = ?")
                .params(conversationId, agent).update() > 0;
    }

    /** Saves a draft from a resolved conversation; false when it is not resolved. */
    boolean saveDraft(String conversationId, String question, String answer) {
        long resolved = jdbc.sql("SELECT COUNT(*) FROM chat_conversations WHERE id = ? AND handoff_status = 'resolved'")
                .param(conversationId).query(Long.class).single();
        if (resolved == 0) {
            return false;
        }
        jdbc.sql("INSERT INTO faq_drafts (conversation_id, question, answer, status, created_at)"
                        + " VALUES (?, ?, ?, 'draft', ?)")
                .params(conversationId, PiiMasker.mask(question), PiiMasker.mask(answer), OffsetDateTime.now()).update();
        return true;
    }

    List<Draft> drafts() {
        return jdbc.sql("SELECT id, conversation_id, question, answer, status, created_at FROM faq_drafts"
                        + " ORDER BY id DESC LIMIT 200")
                .query((rs, n) -> new Draft(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class))).list();
    }

    /** A knowledge-base owner's decision on a draft: {@code approved} or {@code rejected}. */
    boolean review(long draftId, String status) {
        return jdbc.sql("UPDATE faq_drafts SET status = ? WHERE id = ? AND status = 'draft'")
                .params(status, draftId).update() > 0;
    }
}
