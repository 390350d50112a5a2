/**
 * Hybrid retrieval: FAQ fast path, keyword and vector legs fused by RRF or weighted min-max fusion, optional
 * reranking of the best fused passages by a cross-encoder, not-found threshold, and the read-only langchain4j
 * ContentRetriever (metadata keys in {@link org.finassist.rag.retrieve.ContentKeys}).
 */
package org.finassist.rag.retrieve;
