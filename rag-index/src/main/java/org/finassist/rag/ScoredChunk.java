package org.finassist.rag;

/**
 * A chunk found by one leg of a search.
 *
 * @param chunk the chunk
 * @param score keyword leg: the store's relevance score (higher is better, not bounded);
 *              vector leg: cosine similarity in [-1, 1]
 */
public record ScoredChunk(Chunk chunk, double score) {
}
