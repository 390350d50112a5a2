package org.finassist.server.kb;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.finassist.rag.KnowledgeIndex;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The registry of knowledge bases (table {@code kb_knowledge_base}) in front of the knowledge index. */
class KnowledgeBases {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    record KnowledgeBase(String id, String name, String description, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final KnowledgeIndex index;

    KnowledgeBases(JdbcClient jdbc, KnowledgeIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    List<KnowledgeBase> list() {
        return jdbc.sql("SELECT id, name, description, created_at FROM kb_knowledge_base ORDER BY id")
                .query((rs, n) -> new KnowledgeBase(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC))).list();
    }

    Optional<KnowledgeBase> find(String id) {
        return list().stream().filter(kb -> kb.id().equals(id)).findFirst();
    }

    boolean create(String id, String name, String description) {
        if (find(id).isPresent()) return false;
        jdbc.sql("INSERT INTO kb_knowledge_base (id, name, description, created_at) VALUES (?, ?, ?, ?)")
                .params(id, name, description, LocalDateTime.now(ZoneOffset.UTC)).update();
        return true;
    }

    boolean delete(String id) {
        index.deleteKnowledgeBase(id);
        return jdbc.sql("DELETE FROM kb_knowledge_base WHERE id = ?").param(id).update() > 0;
    }
}
