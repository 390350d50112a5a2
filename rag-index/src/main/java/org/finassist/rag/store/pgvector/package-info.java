/**
 * The production store: PostgreSQL + pgvector (HNSW, cosine) and a tsvector of Java-segmented tokens ranked by BM25
 * with per-knowledge-base term statistics ({@code kb_term}, {@code kb_stats}) over candidates with one of the query's
 * rarest terms or two of the next rarest.
 */
package org.finassist.rag.store.pgvector;
