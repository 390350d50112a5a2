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
 * @param rerankScore   the reranker's relevance score, {@code NaN} when no reranker scored it (none configured, the
 *                      passage was below the reranked candidates, or the reranker failed and the fused order stood)
 */
public record Passage(Chunk chunk, double score, Set<Leg> legs, double keywordScore, double vectorScore,
                      double rerankScore) {

    public Passage {
        legs = Set.copyOf(legs);
    }

    /** A passage no reranker has scored. */
    public Passage(Chunk chunk, double score, Set<Leg> legs, double keywordScore, double vectorScore) {
        this(chunk, score, legs, keywordScore, vectorScore, Double.NaN);
    }

    public boolean reranked() {
        return !Double.isNaN(rerankScore);
    }

    Passage withRerankScore(double s) {
        return new Passage(chunk, score, legs, keywordScore, vectorScore, s);
    }
}
