package org.finassist.rag.retrieve;

import java.util.Set;

import org.finassist.rag.Chunk;

/**
 * A retrieved passage with the evidence of how it was found.
 *
 * @param chunk         the chunk
 * @param score         fused score (RRF or weighted; comparable only within one result list), or the FAQ
 *                      similarity for the FAQ fast path
 * @param legs          legs that found the chunk
 * @param keywordScore  keyword-leg score (BM25 or ts_rank), {@code NaN} when the keyword leg did not find it
 * @param vectorScore   cosine similarity from the vector leg, {@code NaN} when the vector leg did not find it
 */
public record Passage(Chunk chunk, double score, Set<Leg> legs, double keywordScore, double vectorScore) {

    public Passage {
        legs = Set.copyOf(legs);
    }
}
