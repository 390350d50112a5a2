package org.finassist.rag.store.pgvector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.finassist.rag.ScoredChunk;
import org.finassist.rag.SearchFilter;

/** The keyword leg: term statistics → {@link KeywordPlan} → BM25 over the candidates of each tier. */
final class KeywordSearch {

    private static final Comparator<ScoredChunk> BEST_FIRST = Comparator.comparingDouble(ScoredChunk::score).reversed()
            .thenComparing(s -> s.chunk().id());

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
        try (Statement st = c.createStatement()) {
            // candidates are bounded by the budget, so the GIN index always wins; the planner, blind to the cost of
            // detoasting every tsvector, picks a sequential scan once they exceed ~10% of the table
            st.execute("SET LOCAL enable_seqscan = off");
            // a generic plan (pooled connections reuse server-prepared statements) cannot see the tsquery: 10k p50 went
            // from ~45 to 131 ms
            st.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        }
        // a chunk scores the same in every tier, so the tiers' results merge by id
        Map<String, ScoredChunk> found = new HashMap<>();
        for (String tier : plan.get().tiers()) {
            score(c, plan.get(), tier, PgFilter.of(filter), k).forEach(s -> found.putIfAbsent(s.chunk().id(), s));
            if (found.size() >= k) break;
        }
        return found.values().stream().sorted(BEST_FIRST).limit(k).toList();
    }

    private List<ScoredChunk> score(Connection c, KeywordPlan plan, String tier, PgFilter f, int k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.keywordSearch(f.where()))) {
            ps.setArray(1, c.createArrayOf("text", plan.terms().toArray()));
            ps.setArray(2, c.createArrayOf("float8", plan.weights().toArray()));
            ps.setDouble(3, plan.lengthBase());
            ps.setDouble(4, plan.lengthRate());
            ps.setString(5, tier);
            int next = f.bind(ps, c, 6);
            ps.setInt(next++, budget);
            ps.setArray(next++, c.createArrayOf("text", plan.terms().toArray()));
            ps.setInt(next, k);
            return ChunkRows.scored(ps);
        }
    }
}
