package org.finassist.rag.store.pgvector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.finassist.rag.ScoredChunk;
import org.finassist.rag.SearchFilter;

/** The keyword leg: term statistics → {@link KeywordPlan} → BM25 over the candidates of each tier. */
final class KeywordSearch {

    private final PgSql sql;
    private final TermStats stats;
    private final int budget;

    KeywordSearch(PgSql sql, TermStats stats, int budget) {
        this.sql = sql;
        this.stats = stats;
        this.budget = budget;
    }

    List<ScoredChunk> search(Connection c, List<String> tokens, SearchFilter filter, int k) throws SQLException {
        CorpusStats corpus = stats.lookup(c, filter.kbIds(), tokens.stream().distinct().toList());
        Optional<KeywordPlan> plan = KeywordPlan.of(tokens, corpus, budget);
        if (plan.isEmpty()) return List.of();
        List<ScoredChunk> found = List.of();
        for (String tier : plan.get().tiers()) {
            found = score(c, plan.get(), tier, PgFilter.of(filter), k);
            if (found.size() >= k) break;
        }
        return found;
    }

    private List<ScoredChunk> score(Connection c, KeywordPlan plan, String tier, PgFilter f, int k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.keywordSearch(f.where()))) {
            ps.setDouble(1, plan.lengthBase());
            ps.setDouble(2, plan.lengthRate());
            ps.setString(3, tier);
            int next = f.bind(ps, c, 4);
            ps.setInt(next++, budget);
            ps.setArray(next++, c.createArrayOf("text", plan.terms().toArray()));
            ps.setArray(next++, c.createArrayOf("float8", plan.weights().toArray()));
            ps.setInt(next, k);
            return ChunkRows.scored(ps);
        }
    }
}
