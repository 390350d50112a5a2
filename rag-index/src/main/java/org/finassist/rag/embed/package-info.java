/** Batched embeddings behind langchain4j's EmbeddingModel (bge-small-zh-v1.5 in process by default). */
package org.finassist.rag.embed;
