/** The production store: PostgreSQL + pgvector (HNSW, cosine) and a tsvector of Java-segmented tokens. */
package org.finassist.rag.store.pgvector;
