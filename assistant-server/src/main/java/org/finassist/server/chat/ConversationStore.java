package org.finassist.server.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.Message;
import org.finassist.core.privacy.PiiMasker;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Conversation history of /api/chat in H2 or PostgreSQL. Text is stored with personal data masked. */
final class ConversationStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcClient jdbc;

    ConversationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM chat_conversations WHERE id = ?").param(id).query(Long.class).single() > 0;
    }

    void create(String id, String scenario, String owner) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO chat_conversations (id, scenario, owner, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, scenario, owner, now, now).update();
    }

    /** True when the conversation exists and belongs to {@code owner} (a customer subject, see Callers). */
    boolean isOwnedBy(String id, String owner) {
        return jdbc.sql("SELECT COUNT(*) FROM chat_conversations WHERE id = ? AND owner = ?").params(id, owner)
                .query(Long.class).single() > 0;
    }

    /** The last {@code limit} messages, oldest first. */
    List<Message> history(String id, int limit) {
        return history(id, limit, null);
    }

    /** The last {@code limit} messages, oldest first, without those of turn {@code excludeTurnId} (a retry). */
    List<Message> history(String id, int limit, String excludeTurnId) {
        List<Message> newestFirst = jdbc.sql("SELECT role, content FROM chat_messages WHERE conversation_id = ? "
                        + "AND (turn_id IS NULL OR turn_id <> ?) ORDER BY id DESC LIMIT ?")
                .params(id, excludeTurnId == null ? "" : excludeTurnId, limit)
                // an agent's reply is the assistant's side of the conversation for the model
                .query((rs, n) -> new Message("agent".equals(rs.getString(1)) ? "assistant" : rs.getString(1),
                        rs.getString(2), null)).list();
        return newestFirst.reversed();
    }

    void addUser(String id, String text, String scenario) {
        addUser(id, text, scenario, null);
    }

    void addUser(String id, String text, String scenario, String turnId) {
        jdbc.sql("INSERT INTO chat_messages (conversation_id, role, content, scenario, turn_id, created_at)"
                        + " VALUES (?, 'user', ?, ?, ?, ?)")
                .params(id, PiiMasker.mask(text), scenario, turnId, OffsetDateTime.now()).update();
        touch(id);
    }

    /** Stores the answer and returns its message id (the widget's feedback names it). */
    long addAnswer(String id, String scenario, Completion c) {
        return addAnswer(id, scenario, c, null);
    }

    long addAnswer(String id, String scenario, Completion c, String turnId) {
        return addAnswer(id, scenario, c, turnId, List.of());
    }

    /** {@code cited}: the passages the answer was given ({@code n, id, source, heading}), kept for feedback review. */
    long addAnswer(String id, String scenario, Completion c, String turnId, List<Map<String, Object>> cited) {
        return addAnswer(id, scenario, c, turnId, cited, null);
    }

    /** {@code outcome}: how the turn ended ({@code answered}, {@code declined}, {@code withheld}, {@code handed_off}). */
    long addAnswer(String id, String scenario, Completion c, String turnId, List<Map<String, Object>> cited,
                   String outcome) {
        return addAnswer(id, scenario, c, turnId, cited, outcome, null);
    }

    /**
     * {@code question}: the customer's text the answer replies to. Personal values found in it are masked in the
     * stored answer too, wherever the answer repeats them without the label that identified them (a password taken
     * for a stock code and quoted back: "没有找到“668899.SH”").
     */
    long addAnswer(String id, String scenario, Completion c, String turnId, List<Map<String, Object>> cited,
                   String outcome, String question) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO chat_messages (conversation_id, role, content, scenario, provider, model, prompt_tokens,"
                        + " completion_tokens, reasoning_tokens, cache_hit_tokens, cost_cny, route_trail, turn_id,"
                        + " citations, outcome, created_at) VALUES (?, 'assistant', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, PiiMasker.maskEchoing(c.content() == null ? "" : c.content(), question), scenario, c.provider(), c.model(),
                        c.usage().promptTokens(), c.usage().completionTokens(), c.usage().reasoningTokens(),
                        c.usage().cacheHitTokens(), c.costCny(), trail(c), turnId, json(cited), outcome,
                        OffsetDateTime.now())
                .update(key, "id");
        touch(id);
        return key.getKeyAs(Number.class).longValue();
    }

    /** A stored answer of one turn, for replaying it to a client that lost the stream. */
    record StoredAnswer(long messageId, String content, String scenario, String provider, String model) {
    }

    Optional<StoredAnswer> answer(String id, String turnId) {
        return jdbc.sql("SELECT id, content, scenario, provider, model FROM chat_messages WHERE conversation_id = ?"
                        + " AND turn_id = ? AND role = 'assistant' ORDER BY id DESC LIMIT 1")
                .params(id, turnId)
                .query((rs, n) -> new StoredAnswer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).optional();
    }

    boolean hasQuestion(String id, String turnId) {
        return jdbc.sql("SELECT COUNT(*) FROM chat_messages WHERE conversation_id = ? AND turn_id = ? AND role = 'user'")
                .params(id, turnId).query(Long.class).single() > 0;
    }

    /**
     * The customer pressed the widget's button: marks the last answer handed off and puts the conversation in the
     * agents' inbox (reason {@code button}); false when the conversation has no answer yet.
     */
    boolean handOff(String id) {
        Optional<Long> last = jdbc.sql("SELECT MAX(id) FROM chat_messages WHERE conversation_id = ? AND role = 'assistant'")
                .param(id).query(Long.class).optional();
        boolean marked = last.isPresent() && jdbc.sql("UPDATE chat_messages SET handed_off = TRUE WHERE id = ?")
                .param(last.get()).update() > 0;
        if (marked) {
            markHandedOff(id, "button");
        }
        return marked;
    }

    /**
     * Puts the conversation in the agents' inbox with {@code reason}, unless it is already waiting or claimed there
     * (the first reason stays).
     */
    void markHandedOff(String id, String reason) {
        jdbc.sql("UPDATE chat_conversations SET handoff_reason = ?, handoff_at = ?, handoff_status = 'waiting',"
                        + " handoff_agent = NULL WHERE id = ? AND (handoff_status IS NULL OR handoff_status = 'resolved')")
                .params(reason, OffsetDateTime.now(), id).update();
    }

    /** A message of the conversation as the widget shows it. */
    record Shown(long id, String role, String content, OffsetDateTime createdAt) {
    }

    /** Messages after {@code afterId}, oldest first: the widget polls this for an agent's replies. */
    List<Shown> messagesAfter(String id, long afterId) {
        return jdbc.sql("SELECT id, role, content, created_at FROM chat_messages WHERE conversation_id = ? AND id > ?"
                        + " ORDER BY id LIMIT 200")
                .params(id, afterId)
                .query((rs, n) -> new Shown(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class))).list();
    }

    private void touch(String id) {
        jdbc.sql("UPDATE chat_conversations SET updated_at = ? WHERE id = ?").params(OffsetDateTime.now(), id).update();
    }

    private static String json(List<Map<String, Object>> cited) {
        if (cited == null || cited.isEmpty()) return null;
        try {
            return JSON.writeValueAsString(cited);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String trail(Completion c) {
        try {
            return JSON.writeValueAsString(c.trail());
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
