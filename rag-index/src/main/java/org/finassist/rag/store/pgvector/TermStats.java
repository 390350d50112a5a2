package org.finassist.rag.store.pgvector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-knowledge-base term statistics for BM25: {@code kb_term} (document frequency per term) and {@code kb_stats}
 * (chunks and tokens per knowledge base). Maintained set-based from the chunk rows, inside the writer's transaction.
 */
final class TermStats {

    private final String chunk;
    private final String term;
    private final String stats;

    TermStats(String schema) {
        this.chunk = schema + ".kb_chunk";
        this.term = schema + ".kb_term";
        this.stats = schema + ".kb_stats";
    }

    /**
     * Locks the knowledge base's statistics row for the rest of the transaction. Writers of one knowledge base thus
     * run one after another: their df updates touch the same term rows and would otherwise deadlock.
     */
    void lock(Connection c, String kbId) throws SQLException {
        update(c, "INSERT INTO " + stats + " AS s (kb_id, chunks, tokens) VALUES (?, 0, 0)"
                + " ON CONFLICT (kb_id) DO UPDATE SET chunks = s.chunks", kbId);
    }

    /** Counts a document's chunk rows in; call after inserting them. */
    void add(Connection c, String kbId, String docId) throws SQLException {
        update(c, "INSERT INTO " + term + " AS t (kb_id, term, df) SELECT ?, u.lexeme, count(*) FROM " + chunk
                + " c, unnest(c.tokens) u WHERE c.kb_id = ? AND c.doc_id = ? GROUP BY u.lexeme ORDER BY u.lexeme"
                + " ON CONFLICT (kb_id, term) DO UPDATE SET df = t.df + EXCLUDED.df", kbId, kbId, docId);
        update(c, "UPDATE " + stats + " s SET chunks = s.chunks + d.n, tokens = s.tokens + d.t FROM (SELECT count(*) n,"
                + " coalesce(sum(token_count), 0) t FROM " + chunk + " WHERE kb_id = ? AND doc_id = ?) d"
                + " WHERE s.kb_id = ?", kbId, docId, kbId);
    }

    /** Counts a document's chunk rows out; call before deleting them. */
    void remove(Connection c, String kbId, String docId) throws SQLException {
        String docTerms = "(SELECT u.lexeme, count(*) n FROM " + chunk + " c, unnest(c.tokens) u"
                + " WHERE c.kb_id = ? AND c.doc_id = ? GROUP BY u.lexeme) d";
        update(c, "DELETE FROM " + term + " t USING " + docTerms
                + " WHERE t.kb_id = ? AND t.term = d.lexeme AND t.df <= d.n", kbId, docId, kbId);
        update(c, "UPDATE " + term + " t SET df = t.df - d.n FROM " + docTerms
                + " WHERE t.kb_id = ? AND t.term = d.lexeme", kbId, docId, kbId);
        update(c, "UPDATE " + stats + " s SET chunks = s.chunks - d.n, tokens = s.tokens - d.t FROM (SELECT count(*) n,"
                + " coalesce(sum(token_count), 0) t FROM " + chunk + " WHERE kb_id = ? AND doc_id = ?) d"
                + " WHERE s.kb_id = ?", kbId, docId, kbId);
    }

    void dropKnowledgeBase(Connection c, String kbId) throws SQLException {
        update(c, "DELETE FROM " + term + " WHERE kb_id = ?", kbId);
        update(c, "DELETE FROM " + stats + " WHERE kb_id = ?", kbId);
    }

    /** Fills the statistics of chunk rows written before they existed (no statistics at all, but chunks). */
    void backfillIfMissing(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM " + stats + ")"
                     + " AND EXISTS (SELECT 1 FROM " + chunk + ")")) {
            rs.next();
            if (!rs.getBoolean(1)) return;
            st.executeUpdate("UPDATE " + chunk + " SET token_count = (SELECT coalesce(sum(array_length(positions, 1)), 0)"
                    + " FROM unnest(tokens)) WHERE token_count IS NULL");
            st.executeUpdate("INSERT INTO " + term + " (kb_id, term, df) SELECT c.kb_id, u.lexeme, count(*) FROM "
                    + chunk + " c, unnest(c.tokens) u GROUP BY c.kb_id, u.lexeme");
            st.executeUpdate("INSERT INTO " + stats + " (kb_id, chunks, tokens) SELECT kb_id, count(*),"
                    + " sum(token_count) FROM " + chunk + " GROUP BY kb_id");
        }
    }

    /** Statistics of {@code terms} summed over the knowledge bases {@code kbIds}; unknown terms are absent. */
    CorpusStats lookup(Connection c, Collection<String> kbIds, Collection<String> terms) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT term, CAST(sum(df) AS bigint), NULL FROM " + term
                + " WHERE kb_id = ANY(?) AND term = ANY(?) GROUP BY term UNION ALL SELECT NULL,"
                + " CAST(coalesce(sum(chunks), 0) AS bigint), CAST(coalesce(sum(tokens), 0) AS bigint) FROM " + stats
                + " WHERE kb_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", kbIds.toArray()));
            ps.setArray(2, c.createArrayOf("text", terms.toArray()));
            ps.setArray(3, c.createArrayOf("text", kbIds.toArray()));
            Map<String, Long> df = new HashMap<>();
            long chunks = 0;
            long tokens = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String t = rs.getString(1);
                    if (t != null) {
                        df.put(t, rs.getLong(2));
                    } else {
                        chunks = rs.getLong(2);
                        tokens = rs.getLong(3);
                    }
                }
            }
            return new CorpusStats(chunks, tokens, df);
        }
    }

    private static void update(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
            ps.executeUpdate();
        }
    }
}
