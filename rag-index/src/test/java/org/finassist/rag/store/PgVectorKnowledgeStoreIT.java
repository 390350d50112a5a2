package org.finassist.rag.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.finassist.rag.IndexedChunk;
import org.finassist.rag.KnowledgeStore;
import org.finassist.rag.ScoredChunk;
import org.finassist.rag.SearchFilter;
import org.finassist.rag.segment.ChineseSegmenter;
import org.finassist.rag.segment.FinanceDictionary;
import org.finassist.rag.store.pgvector.PgStoreException;
import org.finassist.rag.store.pgvector.PgVectorKnowledgeStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The store contract on the real PostgreSQL with pgvector, in schema {@code rag_test}. */
class PgVectorKnowledgeStoreIT extends KnowledgeStoreContract {

    static final String SCHEMA = "rag_test";

    static final ChineseSegmenter TOKENS = new ChineseSegmenter(FinanceDictionary.bundled());

    static PGSimpleDataSource dataSource;

    @BeforeAll
    static void connect() {
        dataSource = TestPostgres.dataSource();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected KnowledgeStore newStore() {
        KnowledgeStore s = PgVectorKnowledgeStore.builder().dataSource(dataSource).schema(SCHEMA).dimension(DIM).build();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE " + SCHEMA + ".kb_chunk, " + SCHEMA + ".kb_document, " + SCHEMA + ".kb_term, "
                    + SCHEMA + ".kb_stats");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return s;
    }

    private static Map<String, Integer> df(String kb) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT term, df FROM " + SCHEMA + ".kb_term WHERE kb_id = ?")) {
            ps.setString(1, kb);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    /** df recounted from the chunk rows: what kb_term must always equal. */
    private static Map<String, Integer> recountedDf(String kb) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT u.lexeme, count(*) FROM " + SCHEMA + ".kb_chunk c, unnest(c.tokens) u WHERE c.kb_id = ?"
                        + " GROUP BY u.lexeme")) {
            ps.setString(1, kb);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    private static List<Long> kbStats(String kb) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT chunks, tokens FROM " + SCHEMA + ".kb_stats WHERE kb_id = ?")) {
            ps.setString(1, kb);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? List.of(rs.getLong(1), rs.getLong(2)) : List.of();
            }
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private static int tokenCount(IndexedChunk... chunks) {
        return Arrays.stream(chunks).mapToInt(c -> c.tokens().size()).sum();
    }

    private List<ScoredChunk> keyword(KnowledgeStore s, String query, String kb) {
        return s.keywordSearch(TOKENS.tokens(query), SearchFilter.of(kb), 10);
    }

    @Test
    void termStatisticsFollowReplaceDeleteAndReingest() throws SQLException {
        IndexedChunk a0 = chunk("kb1", "a.md", 0, "佣金标准", axis(0));
        IndexedChunk a1 = chunk("kb1", "a.md", 1, "佣金说明", axis(1));
        IndexedChunk b0 = chunk("kb1", "b.md", 0, "佣金与印花税", axis(2));
        put("kb1", "a.md", "v1", a0, a1);
        put("kb1", "b.md", "v1", b0);

        assertThat(df("kb1")).containsEntry("佣金", 3).containsEntry("印花税", 1).isEqualTo(recountedDf("kb1"));
        assertThat(kbStats("kb1")).containsExactly(3L, (long) tokenCount(a0, a1, b0));

        IndexedChunk changed = chunk("kb1", "a.md", 0, "过户费标准", axis(0));
        put("kb1", "a.md", "v2", changed);

        assertThat(df("kb1")).containsEntry("佣金", 1).containsEntry("过户费", 1).doesNotContainKey("说明")
                .isEqualTo(recountedDf("kb1"));
        assertThat(kbStats("kb1")).containsExactly(2L, (long) tokenCount(changed, b0));

        store.deleteDocument("kb1", "b.md");

        assertThat(df("kb1")).doesNotContainKeys("佣金", "印花税").isEqualTo(recountedDf("kb1"));
        assertThat(kbStats("kb1")).containsExactly(1L, (long) tokenCount(changed));

        store.deleteKnowledgeBase("kb1");

        assertThat(df("kb1")).isEmpty();
        assertThat(kbStats("kb1")).isEmpty();
    }

    @Test
    void failedReplaceLeavesTheStatisticsUntouched() throws SQLException {
        put("kb1", "d.md", "v1", chunk("kb1", "d.md", 0, "旧的佣金标准", axis(0)));
        Map<String, Integer> before = df("kb1");

        // two chunks with one id: the insert fails inside the transaction, after the old statistics were counted out
        assertThatThrownBy(() -> put("kb1", "d.md", "v2", chunk("kb1", "d.md", 0, "新的印花税说明", axis(1)),
                chunk("kb1", "d.md", 0, "重复的编号", axis(2))))
                .isInstanceOf(PgStoreException.class);

        assertThat(df("kb1")).isEqualTo(before);
        assertThat(kbStats("kb1")).first().isEqualTo(1L);
    }

    @Test
    void statisticsAndScoresAreKeptPerKnowledgeBase() throws SQLException {
        put("kb2", "d.md", "h", chunk("kb2", "d.md", 0, "科创板权限开通条件", axis(0)),
                chunk("kb2", "d.md", 1, "创业板权限开通条件", axis(1)));
        double alone = keyword(store, "科创板", "kb2").getFirst().score();

        for (int i = 0; i < 5; i++) {
            String doc = "d" + i + ".md";
            put("kb1", doc, "h", chunk("kb1", doc, 0, "科创板的交易规则" + i, axis(2)));
        }

        assertThat(df("kb1")).containsEntry("科创板", 5);
        assertThat(df("kb2")).containsEntry("科创板", 1).isEqualTo(recountedDf("kb2"));
        assertThat(keyword(store, "科创板", "kb2").getFirst().score()).isEqualTo(alone);

        store.deleteKnowledgeBase("kb1");

        assertThat(df("kb2")).isEqualTo(recountedDf("kb2"));
        assertThat(kbStats("kb2")).first().isEqualTo(2L);
    }

    @Test
    void queryOfOnlyCommonTermsStillFindsChunks() {
        KnowledgeStore small = PgVectorKnowledgeStore.builder().dataSource(dataSource).schema(SCHEMA).dimension(DIM)
                .keywordCandidates(2).build();
        put("kb1", "both.md", "h", chunk("kb1", "both.md", 0, "股票和基金都可以买", axis(0)));
        for (int i = 0; i < 4; i++) {
            String doc = "d" + i + ".md";
            put("kb1", doc, "h", chunk("kb1", doc, 0, "股票行情" + i, axis(1)),
                    chunk("kb1", doc, 1, "基金净值" + i, axis(2)));
        }

        List<ScoredChunk> found = keyword(small, "股票基金", "kb1");

        assertThat(found).isNotEmpty();
        assertThat(found.getFirst().chunk().id()).isEqualTo("kb1/both.md#0");
    }

    @Test
    void candidatesAreChunksWithARareTermOrTwoOfTheNextRarest() {
        KnowledgeStore small = PgVectorKnowledgeStore.builder().dataSource(dataSource).schema(SCHEMA).dimension(DIM)
                .keywordCandidates(4).build();
        put("kb1", "rare.md", "h", chunk("kb1", "rare.md", 0, "期权", axis(0)));
        put("kb1", "pair.md", "h", chunk("kb1", "pair.md", 0, "佣金和股票", axis(1)));
        for (int i = 0; i < 2; i++) {
            String doc = "d" + i + ".md";
            put("kb1", doc, "h", chunk("kb1", doc, 0, "佣金", axis(2)), chunk("kb1", doc, 1, "股票", axis(3)),
                    chunk("kb1", doc, 2, "其他", axis(4)), chunk("kb1", doc, 3, "别的", axis(5)));
        }

        // summed df 1 + 3 + 3 > 4: 期权 alone (df 1 within 2), 佣金 & 股票 as a pair (3 × 3 / 10 expected)
        List<ScoredChunk> found = small.keywordSearch(List.of("期权", "佣金", "股票"), SearchFilter.of("kb1"), 10);

        assertThat(found).extracting(s -> s.chunk().id()).containsExactlyInAnyOrder("kb1/rare.md#0", "kb1/pair.md#0");
        assertThat(keyword(store, "期权佣金股票", "kb1")).hasSize(6); // the default budget ranks every match
    }

    @Test
    void concurrentWritersOfOneKnowledgeBaseKeepTheStatisticsExact() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writes.add(pool.submit(() -> {
                    for (int i = 0; i < 6; i++) {
                        String doc = "d" + (writer * 6 + i) % 9 + ".md"; // writers overlap on documents and terms
                        put("kb1", doc, "v" + writer, chunk("kb1", doc, 0, "佣金标准与印花税" + writer, axis(0)),
                                chunk("kb1", doc, 1, "过户费说明" + i, axis(1)));
                        if (i % 3 == 2) store.deleteDocument("kb1", doc);
                    }
                }));
            }
            for (Future<?> f : writes) f.get(60, TimeUnit.SECONDS);
        }

        assertThat(df("kb1")).isEqualTo(recountedDf("kb1"));
        assertThat(kbStats("kb1")).first().isEqualTo(store.chunkCount("kb1"));
    }

    @Test
    void statisticsOfATableFromBeforeBm25AreBackfilled() throws SQLException {
        put("kb1", "a.md", "h", chunk("kb1", "a.md", 0, "融资融券业务", axis(0)));
        put("kb2", "a.md", "h", chunk("kb2", "a.md", 0, "国债逆回购", axis(0)));
        Map<String, Integer> expected = df("kb1");
        sql("DROP TABLE " + SCHEMA + ".kb_term, " + SCHEMA + ".kb_stats");
        sql("ALTER TABLE " + SCHEMA + ".kb_chunk DROP COLUMN token_count");

        KnowledgeStore reopened = PgVectorKnowledgeStore.builder().dataSource(dataSource).schema(SCHEMA)
                .dimension(DIM).build();

        assertThat(df("kb1")).isEqualTo(expected);
        assertThat(df("kb2")).isEqualTo(recountedDf("kb2"));
        assertThat(kbStats("kb1")).containsExactly(1L, (long) TOKENS.tokens("融资融券业务").size());
        assertThat(keyword(reopened, "融券", "kb1")).extracting(s -> s.chunk().id()).containsExactly("kb1/a.md#0");
    }

    @Test
    void tokensAreStoredUnsplitByPostgresParser() throws SQLException {
        put("kb1", "d.md", "h", chunk("kb1", "d.md", 0, "T+1交收与融资融券", axis(0)));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT tokens::text FROM " + SCHEMA + ".kb_chunk")) {
            rs.next();
            assertThat(rs.getString(1)).contains("'t+1'").contains("'融资融券'").contains("'融券'");
        }
    }
}
