package org.finassist.rag.store.pgvector;

import java.util.List;

/** The store's SQL, schema-qualified. */
final class PgSql {

    static final String CHUNK_COLUMNS = "c.id, c.kb_id, c.doc_id, c.doc_title, c.doc_type, c.heading_path, c.text, "
            + "c.ordinal, c.faq_question, c.faq_answer, c.faq_alternatives, c.effective_from, c.effective_to, c.faq_source";

    private final String doc;
    private final String chunk;
    private final String schema;

    PgSql(String schema) {
        this.schema = schema;
        this.doc = schema + ".kb_document";
        this.chunk = schema + ".kb_chunk";
    }

    List<String> ddl(int dimension) {
        return List.of(
                "CREATE SCHEMA IF NOT EXISTS " + schema,
                "CREATE TABLE IF NOT EXISTS " + doc + " (kb_id text NOT NULL, doc_id text NOT NULL, title text NOT NULL,"
                        + " doc_type text NOT NULL, content_hash text NOT NULL, chunk_count int NOT NULL,"
                        + " PRIMARY KEY (kb_id, doc_id))",
                "CREATE TABLE IF NOT EXISTS " + chunk + " (id text PRIMARY KEY, kb_id text NOT NULL,"
                        + " doc_id text NOT NULL, doc_title text NOT NULL, doc_type text NOT NULL,"
                        + " heading_path text[] NOT NULL, text text NOT NULL, ordinal int NOT NULL,"
                        + " is_faq boolean NOT NULL, faq_question text, faq_answer text, faq_alternatives text[],"
                        + " effective_from date, effective_to date, tokens tsvector NOT NULL,"
                        + " embedding vector(" + dimension + ") NOT NULL, token_count int NOT NULL)",
                // tables created before BM25 ranking lack the column; TermStats.backfill fills it
                "ALTER TABLE " + chunk + " ADD COLUMN IF NOT EXISTS token_count int",
                // tables created before FAQ entries carried their source
                "ALTER TABLE " + chunk + " ADD COLUMN IF NOT EXISTS faq_source text",
                "CREATE INDEX IF NOT EXISTS kb_chunk_doc_idx ON " + chunk + " (kb_id, doc_id)",
                "CREATE INDEX IF NOT EXISTS kb_chunk_tokens_idx ON " + chunk + " USING gin (tokens)",
                // every query scans GIN's whole pending list: at the 4 MB default that was ~9 ms per query
                "ALTER INDEX " + schema + ".kb_chunk_tokens_idx SET (gin_pending_list_limit = 256)",
                "CREATE INDEX IF NOT EXISTS kb_chunk_embedding_idx ON " + chunk
                        + " USING hnsw (embedding vector_cosine_ops)",
                "CREATE TABLE IF NOT EXISTS " + schema + ".kb_term (kb_id text NOT NULL, term text NOT NULL,"
                        + " df int NOT NULL, PRIMARY KEY (kb_id, term))",
                "CREATE TABLE IF NOT EXISTS " + schema + ".kb_stats (kb_id text PRIMARY KEY, chunks bigint NOT NULL,"
                        + " tokens bigint NOT NULL)");
    }

    String insertDocument() {
        return "INSERT INTO " + doc + " (kb_id, doc_id, title, doc_type, content_hash, chunk_count)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
    }

    String insertChunk() {
        return "INSERT INTO " + chunk + " (id, kb_id, doc_id, doc_title, doc_type, heading_path, text, ordinal, is_faq,"
                + " faq_question, faq_answer, faq_alternatives, effective_from, effective_to, tokens, embedding, token_count,"
                + " faq_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS tsvector), CAST(? AS vector), ?, ?)";
    }

    String deleteChunks() {
        return "DELETE FROM " + chunk + " WHERE kb_id = ? AND doc_id = ?";
    }

    String deleteDocument() {
        return "DELETE FROM " + doc + " WHERE kb_id = ? AND doc_id = ?";
    }

    String deleteKbChunks() {
        return "DELETE FROM " + chunk + " WHERE kb_id = ?";
    }

    String deleteKbDocuments() {
        return "DELETE FROM " + doc + " WHERE kb_id = ?";
    }

    String selectDocument() {
        return "SELECT kb_id, doc_id, title, doc_type, content_hash, chunk_count FROM " + doc
                + " WHERE kb_id = ? AND doc_id = ?";
    }

    String selectDocuments() {
        return "SELECT kb_id, doc_id, title, doc_type, content_hash, chunk_count FROM " + doc
                + " WHERE kb_id = ? ORDER BY doc_id";
    }

    String selectChunks() {
        return "SELECT " + CHUNK_COLUMNS + " FROM " + chunk + " c WHERE c.kb_id = ? AND c.doc_id = ? ORDER BY c.ordinal";
    }

    String countChunks() {
        return "SELECT count(*) FROM " + chunk + " WHERE kb_id = ?";
    }

    /**
     * BM25 over the candidates matching a tsquery (GIN index), at most a cap of them. Parameters in order: query
     * terms, term weights (idf × query count), k1·(1 − b), k1·b / avgdl, tsquery, the filter's, candidate
     * cap, query terms again, k. tf is the number of positions of the lexeme in the stored tsvector; setweight +
     * ts_filter cut the tsvector down to the query's lexemes first, because unnesting all of it costs ~10x more.
     */
    String keywordSearch(String where) {
        return "WITH q(term, w) AS (SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS float8[])))"
                + " SELECT " + CHUNK_COLUMNS + ", s.score FROM (SELECT c.id, sum(q.w * u.tf"
                + " / (u.tf + CAST(? AS float8) + CAST(? AS float8) * c.token_count)) AS score"
                + " FROM (SELECT c.id, c.tokens, c.token_count FROM " + chunk + " c"
                + " WHERE c.tokens @@ CAST(? AS tsquery) AND " + where + " LIMIT ?) c"
                + " CROSS JOIN LATERAL (SELECT x.lexeme, array_length(x.positions, 1) AS tf"
                + " FROM unnest(ts_filter(setweight(c.tokens, 'A', CAST(? AS text[])), '{a}')) x) u"
                + " JOIN q ON q.term = u.lexeme"
                + " GROUP BY c.id ORDER BY score DESC, c.id LIMIT ?) s JOIN " + chunk + " c ON c.id = s.id"
                + " ORDER BY s.score DESC, c.id";
    }

    String vectorSearch(String where) {
        return "SELECT " + CHUNK_COLUMNS + ", 1 - (c.embedding <=> CAST(? AS vector)) AS score FROM " + chunk
                + " c WHERE " + where + " ORDER BY c.embedding <=> CAST(? AS vector) LIMIT ?";
    }
}
