package org.finassist.rag;

import java.util.List;
import java.util.Objects;

/**
 * A chunk as written into a {@link KnowledgeStore}: with its embedding and its segmented keyword tokens.
 *
 * @param chunk  the chunk
 * @param vector embedding of the chunk (for FAQ chunks: of the question variant)
 * @param tokens keyword tokens produced by the segmenter, in text order
 */
public record IndexedChunk(Chunk chunk, float[] vector, List<String> tokens) {

    public IndexedChunk {
        Objects.requireNonNull(chunk, "chunk");
        Objects.requireNonNull(vector, "vector");
        tokens = List.copyOf(tokens);
    }
}
