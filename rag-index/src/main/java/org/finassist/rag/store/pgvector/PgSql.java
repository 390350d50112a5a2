package org.finassist.rag.store.pgvector;

import java.util.List;

/** The store's SQL, schema-qualified. */
final class PgSql {

    static final String CHUNK_COLUMNS = "c.id, c.kb_id, c.doc_id, c.doc_title, c.doc_type, c.heading_path, c.text, "
            + "c.ordinal, c.faq_question, c.faq_answer, c.faq_alternatives, c.effective_from, c.effective_to";

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
                        + " embedding vector(" + dimension + ") NOT NULL)",
                "CREATE INDEX IF NOT EXISTS kb_chunk_doc_idx ON " + chunk + " (kb_id, doc_id)",
                "CREATE INDEX IF NOT EXISTS kb_chunk_tokens_idx ON " + chunk + " USING gin (tokens)",
                "CREATE INDEX IF NOT EXISTS kb_chunk_embedding_idx ON " + chunk
                        + " USING hnsw (embedding vector_cosine_ops)");
    }

    String insertDocument() {
        return "INSERT INTO " + doc + " (kb_id, doc_id, title, doc_type, content_hash, chunk_count)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
    }

    String insertChunk() {
        return "INSERT INTO " + chunk + " (id, kb_id, doc_id, doc_title, doc_type, heading_path, text, ordinal, is_faq,"
                + " faq_question, faq_answer, faq_alternatives, effective_from, effective_to, tokens, embedding)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS tsvector), CAST(? AS vector))";
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

    String countChunks() {
        return "SELECT count(*) FROM " + chunk + " WHERE kb_id = ?";
    }

    String keywordSearch(String where) {
        return "SELECT " + CHUNK_COLUMNS + ", ts_rank(c.tokens, q, 1) AS score FROM " + chunk
                + " c, CAST(? AS tsquery) q WHERE c.tokens @@ q AND " + where + " ORDER BY score DESC, c.id LIMIT ?";
    }

    String vectorSearch(String where) {
        return "SELECT " + CHUNK_COLUMNS + ", 1 - (c.embedding <=> CAST(? AS vector)) AS score FROM " + chunk
                + " c WHERE " + where + " ORDER BY c.embedding <=> CAST(? AS vector) LIMIT ?";
    }
}
