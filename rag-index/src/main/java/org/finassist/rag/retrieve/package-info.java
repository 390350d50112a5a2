/**
 * Hybrid retrieval: FAQ fast path, keyword and vector legs (the vector leg from the question embedded with and
 * without the retrieval instruction, {@code QueryViews}) fused by evidence-weighted RRF, RRF or weighted min-max, optional
 * reranking of the best fused passages by a cross-encoder, not-found threshold, and the read-only langchain4j
 * ContentRetriever (metadata keys in {@link org.finassist.rag.retrieve.ContentKeys}).
 */
package org.finassist.rag.retrieve;
