package org.finassist.server.kb;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.finassist.rag.KnowledgeIndex;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry of knowledge bases (table {@code kb_knowledge_base}) in front of the knowledge index, with whether
 * each is published to customers.
 */
class KnowledgeBases implements CustomerKnowledgeBases {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    record KnowledgeBase(String id, String name, String description, Instant createdAt, boolean published) {
    }

    private final JdbcClient jdbc;
    private final KnowledgeIndex index;

    KnowledgeBases(JdbcClient jdbc, KnowledgeIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    List<KnowledgeBase> list() {
        return jdbc.sql("SELECT id, name, description, created_at, published FROM kb_knowledge_base ORDER BY id")
                .query((rs, n) -> new KnowledgeBase(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getBoolean(5))).list();
    }

    Optional<KnowledgeBase> find(String id) {
        return list().stream().filter(kb -> kb.id().equals(id)).findFirst();
    }

    boolean create(String id, String name, String description, boolean published) {
        if (find(id).isPresent()) return false;
        jdbc.sql("INSERT INTO kb_knowledge_base (id, name, description, created_at, published) VALUES (?, ?, ?, ?, ?)")
                .params(id, name, description, LocalDateTime.now(ZoneOffset.UTC), published).update();
        return true;
    }

    /** Publishes to customers or withdraws; false when there is no such knowledge base. */
    boolean publish(String id, boolean published) {
        return jdbc.sql("UPDATE kb_knowledge_base SET published = ? WHERE id = ?").params(published, id).update() > 0;
    }

    @Override
    public List<String> notPublished(java.util.Collection<String> requested) {
        java.util.Set<String> published = new java.util.HashSet<>(jdbc.sql(
                "SELECT id FROM kb_knowledge_base WHERE published = TRUE").query(String.class).list());
        return requested.stream().filter(id -> !published.contains(id)).distinct().toList();
    }

    boolean delete(String id) {
        index.deleteKnowledgeBase(id);
        return jdbc.sql("DELETE FROM kb_knowledge_base WHERE id = ?").param(id).update() > 0;
    }
}
