/**
 * Cross-encoder rerankers reached over HTTP ({@link org.finassist.rag.rerank.HttpScoringModel}), as the second stage
 * of hybrid retrieval ({@link org.finassist.rag.retrieve.Reranker}). A brokerage typically serves bge-reranker inside
 * its own network (Xinference, vLLM, Hugging Face TEI) or uses a hosted one (Jina, SiliconFlow, Cohere); the two wire
 * formats those speak are supported. Wire types stay in {@code internal}.
 */
package org.finassist.rag.rerank;
