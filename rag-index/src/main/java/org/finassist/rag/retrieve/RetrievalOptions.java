package org.finassist.rag.retrieve;

/**
 * Knobs of {@link HybridRetriever}. Fusion ({@link Fusion.Confident#DEFAULT}: weighted RRF whose keyword weight follows
 * the keyword leg's best BM25 score; the vector leg ranked by the question embedded without the bge instruction) was
 * chosen on the dev halves of five corpora jointly (three fin-eva sets, the demo knowledge base's paraphrases, the
 * public answer set's knowledge-base questions) as the fusion with the best expected worst shortfall (bootstrap over the
 * dev questions) against the best of keyword, either vector view and plain RRF on any corpus (docs/benchmarks.md,
 * issue 15, session 6). The thresholds (not found below cosine 0.5, FAQ
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
        return new RetrievalOptions(30, 30, 5, Fusion.Confident.DEFAULT, 0.5, true, 0.9);
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
