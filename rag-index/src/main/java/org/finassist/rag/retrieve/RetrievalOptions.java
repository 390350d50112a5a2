package org.finassist.rag.retrieve;

/**
 * Knobs of {@link HybridRetriever}. Fusion (weighted min-max, vector weight 0.5) was chosen on a pooled dev set: the
 * dev split (first 71 questions) of fin-eva 保险条款解读 ({@code eval --grid}), where keyword-heavy weights win
 * because questions copy the clause's wording, plus 43 paraphrased customer questions on the demo knowledge base
 * (DemoRetrievalTest), where vector-heavy weights win; 0.5 has the best pooled MRR@10. The thresholds (not found below cosine 0.5, FAQ
 * answer from 0.9) from in- and out-of-domain questions on the demo knowledge base (see DemoRetrievalTest).
 *
 * @param keywordTopK         candidates taken from the keyword leg
 * @param vectorTopK          candidates taken from the vector leg
 * @param topN                passages returned
 * @param fusion              how the legs are fused
 * @param minVectorSimilarity below this best cosine similarity the answer is "not found" (hand-off to a human)
 * @param faqEnabled          whether the FAQ fast path is tried first
 * @param faqThreshold        question-to-question cosine similarity from which an FAQ answer is returned as is
 */
public record RetrievalOptions(int keywordTopK, int vectorTopK, int topN, Fusion fusion, double minVectorSimilarity,
                               boolean faqEnabled, double faqThreshold) {

    public static RetrievalOptions defaults() {
        return new RetrievalOptions(30, 30, 5, new Fusion.Weighted(0.5), 0.5, true, 0.9);
    }

    public RetrievalOptions withFusion(Fusion f) {
        return new RetrievalOptions(keywordTopK, vectorTopK, topN, f, minVectorSimilarity, faqEnabled, faqThreshold);
    }

    public RetrievalOptions withTopN(int n) {
        return new RetrievalOptions(keywordTopK, vectorTopK, n, fusion, minVectorSimilarity, faqEnabled, faqThreshold);
    }

    public RetrievalOptions withFaq(boolean enabled, double threshold) {
        return new RetrievalOptions(keywordTopK, vectorTopK, topN, fusion, minVectorSimilarity, enabled, threshold);
    }

    public RetrievalOptions withMinVectorSimilarity(double min) {
        return new RetrievalOptions(keywordTopK, vectorTopK, topN, fusion, min, faqEnabled, faqThreshold);
    }
}
