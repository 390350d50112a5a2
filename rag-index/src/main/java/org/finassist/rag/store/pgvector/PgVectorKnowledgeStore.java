package org.finassist.rag.store.pgvector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.finassist.rag.Chunk;
import org.finassist.rag.DocumentInfo;
import org.finassist.rag.IndexedChunk;
import org.finassist.rag.KnowledgeStore;
import org.finassist.rag.ScoredChunk;
import org.finassist.rag.SearchFilter;

/**
 * The production store: PostgreSQL with pgvector. Vectors in a {@code vector(n)} column under an HNSW index (cosine);
 * keywords in a {@code tsvector} built from the Java segmenter's tokens (PostgreSQL's parser does not segment
 * Chinese), under a GIN index, ranked by BM25 (k1 1.2, b 0.75) with per-knowledge-base document frequencies kept in
 * {@code kb_term} and chunk/token counts in {@code kb_stats}, both updated in the writing transaction. Only about a
 * budget of candidate chunks is ranked, those with one of the query's rarest terms or two of the next rarest (see
 * {@link KeywordPlan}), so a query costs about the same at 10k and 100k chunks. The store creates its tables ({@code kb_document}, {@code kb_chunk}, {@code kb_term},
 * {@code kb_stats}) in the given schema if missing: they need the {@code vector} type, which the H2 database of the
 * embedded default lacks, so they are not Flyway migrations. The {@code vector} extension must exist (superuser).
 */
public final class PgVectorKnowledgeStore implements KnowledgeStore {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final DataSource dataSource;
    private final PgSql sql;
    private final int dimension;
    private final String schema;
    private final int efSearch;
    private final TermStats stats;
    private final KeywordSearch keyword;

    private PgVectorKnowledgeStore(Builder b) {
        this.dataSource = Objects.requireNonNull(b.dataSource, "dataSource");
        if (!IDENTIFIER.matcher(b.schema).matches()) throw new IllegalArgumentException("bad schema name " + b.schema);
        if (b.dimension < 1) throw new IllegalArgumentException("dimension must be positive");
        this.sql = new PgSql(b.schema);
        this.schema = b.schema;
        this.dimension = b.dimension;
        this.efSearch = b.efSearch;
        this.stats = new TermStats(b.schema);
        if (b.keywordCandidates < 1) throw new IllegalArgumentException("keywordCandidates must be positive");
        this.keyword = new KeywordSearch(sql, stats, b.keywordCandidates);
        if (b.createSchema) createSchema();
    }

    public static Builder builder() {
        return new Builder();
    }

    private void createSchema() {
        try {
            inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    // stores opening at once on tables from before BM25 would each backfill the statistics
                    st.execute("SELECT pg_advisory_xact_lock(hashtext('finassist.rag." + schema + "'))");
                    for (String ddl : sql.ddl(dimension)) st.execute(ddl);
                }
                stats.backfillIfMissing(c);
                return null;
            });
        } catch (PgStoreException e) {
            throw new PgStoreException("cannot create knowledge tables (is the vector extension installed?)",
                    e.getCause());
        }
    }

    @Override
    public void replaceDocument(DocumentInfo doc, List<IndexedChunk> chunks) {
        if (chunks.isEmpty()) throw new IllegalArgumentException("a document needs at least one chunk");
        chunks.forEach(c -> {
            if (c.vector().length != dimension) {
                throw new IllegalArgumentException("vector dimension " + c.vector().length + ", store has " + dimension);
            }
        });
        inTransaction(c -> {
            stats.lock(c, doc.kbId());
            delete(c, doc.kbId(), doc.docId());
            try (PreparedStatement ps = c.prepareStatement(sql.insertDocument())) {
                ps.setString(1, doc.kbId());
                ps.setString(2, doc.docId());
                ps.setString(3, doc.title());
                ps.setString(4, doc.docType().name());
                ps.setString(5, doc.contentHash());
                ps.setInt(6, chunks.size());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(sql.insertChunk())) {
                for (IndexedChunk ic : chunks) {
                    ChunkRows.bind(ps, c, ic);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            stats.add(c, doc.kbId(), doc.docId());
            return null;
        });
    }

    @Override
    public boolean deleteDocument(String kbId, String docId) {
        return inTransaction(c -> {
            stats.lock(c, kbId);
            return delete(c, kbId, docId) > 0;
        });
    }

    private int delete(Connection c, String kbId, String docId) throws SQLException {
        stats.remove(c, kbId, docId);
        try (PreparedStatement chunks = c.prepareStatement(sql.deleteChunks());
             PreparedStatement doc = c.prepareStatement(sql.deleteDocument())) {
            chunks.setString(1, kbId);
            chunks.setString(2, docId);
            chunks.executeUpdate();
            doc.setString(1, kbId);
            doc.setString(2, docId);
            return doc.executeUpdate();
        }
    }

    @Override
    public long deleteKnowledgeBase(String kbId) {
        return inTransaction(c -> {
            stats.lock(c, kbId);
            try (PreparedStatement chunks = c.prepareStatement(sql.deleteKbChunks());
                 PreparedStatement docs = c.prepareStatement(sql.deleteKbDocuments())) {
                chunks.setString(1, kbId);
                long n = chunks.executeUpdate();
                docs.setString(1, kbId);
                docs.executeUpdate();
                stats.dropKnowledgeBase(c, kbId);
                return n;
            }
        });
    }

    @Override
    public Optional<DocumentInfo> document(String kbId, String docId) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.selectDocument())) {
                ps.setString(1, kbId);
                ps.setString(2, docId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(ChunkRows.document(rs)) : Optional.<DocumentInfo>empty();
                }
            }
        });
    }

    @Override
    public List<DocumentInfo> documents(String kbId) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.selectDocuments())) {
                ps.setString(1, kbId);
                List<DocumentInfo> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(ChunkRows.document(rs));
                }
                return out;
            }
        });
    }

    @Override
    public List<ScoredChunk> keywordSearch(List<String> tokens, SearchFilter filter, int k) {
        if (tokens.isEmpty()) return List.of();
        return inTransaction(c -> keyword.search(c, tokens, filter, k));
    }

    @Override
    public List<ScoredChunk> vectorSearch(float[] vector, SearchFilter filter, int k) {
        PgFilter f = PgFilter.of(filter);
        return inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                // filtered HNSW: keep scanning until k rows pass the filter (pgvector >= 0.8)
                st.execute("SET LOCAL hnsw.ef_search = " + Math.max(efSearch, k));
                st.execute("SET LOCAL hnsw.iterative_scan = relaxed_order");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.vectorSearch(f.where()))) {
                String v = TsText.vector(vector);
                ps.setString(1, v);
                int next = f.bind(ps, c, 2);
                ps.setString(next, v);
                ps.setInt(next + 1, k);
                List<ScoredChunk> out = new ArrayList<>(ChunkRows.scored(ps));
                // relaxed_order may return neighbours slightly out of order
                out.sort((a, b) -> Double.compare(b.score(), a.score()));
                return out;
            }
        });
    }

    @Override
    public List<Chunk> chunks(String kbId, String docId) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.selectChunks())) {
                ps.setString(1, kbId);
                ps.setString(2, docId);
                List<Chunk> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(ChunkRows.chunk(rs));
                }
                return out;
            }
        });
    }

    @Override
    public long chunkCount(String kbId) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.countChunks())) {
                ps.setString(1, kbId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public void close() {
        // the DataSource belongs to the caller
    }

    private interface TxWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(TxWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new PgStoreException("knowledge store query failed", e);
        }
    }

    /** Builder: dataSource and dimension are required; schema defaults to {@code public}. */
    public static final class Builder {
        private DataSource dataSource;
        private String schema = "public";
        private int dimension;
        private int efSearch = 100;
        private boolean createSchema = true;
        private int keywordCandidates = 2000;

        public Builder dataSource(DataSource dataSource) { this.dataSource = dataSource; return this; }
        public Builder schema(String schema) { this.schema = schema; return this; }
        public Builder dimension(int dimension) { this.dimension = dimension; return this; }
        public Builder efSearch(int efSearch) { this.efSearch = efSearch; return this; }
        public Builder createSchema(boolean createSchema) { this.createSchema = createSchema; return this; }
        /** Budget of chunks the keyword leg ranks per query (summed document frequency of the candidate terms). */
        public Builder keywordCandidates(int keywordCandidates) { this.keywordCandidates = keywordCandidates; return this; }

        public PgVectorKnowledgeStore build() {
            return new PgVectorKnowledgeStore(this);
        }
    }
}
