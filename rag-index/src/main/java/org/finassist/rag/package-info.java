/**
 * Knowledge bases: ingestion, Chinese-aware chunking, embeddings, embedded and pgvector stores, hybrid retrieval.
 */
package org.finassist.rag;
