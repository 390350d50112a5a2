package org.finassist.server.kb;

import java.util.List;

import org.finassist.rag.retrieve.Leg;
import org.finassist.rag.retrieve.Passage;
import org.finassist.rag.retrieve.RetrievalResult;

/** The retrieval test's answer: the verdict and every passage with the legs and scores that placed it. */
record SearchView(String result, List<PassageView> passages) {

    record PassageView(String chunkId, String docId, String title, String headingPath, String text, double score,
                       List<String> legs, Double keywordScore, Double vectorScore, Double rerankScore,
                       String faqQuestion, String faqAnswer) {
    }

    static SearchView of(RetrievalResult r) {
        String verdict = switch (r) {
            case RetrievalResult.FaqAnswer f -> "FAQ";
            case RetrievalResult.Found f -> "FOUND";
            case RetrievalResult.NotFound n -> "NOT_FOUND";
        };
        return new SearchView(verdict, r.passages().stream().map(SearchView::view).toList());
    }

    private static PassageView view(Passage p) {
        var c = p.chunk();
        return new PassageView(c.id(), c.docId(), c.docTitle(), c.headingText(), c.text(), p.score(),
                p.legs().stream().map(Leg::name).sorted().toList(), nan(p.keywordScore()), nan(p.vectorScore()),
                nan(p.rerankScore()),
                c.isFaq() ? c.faq().question() : null, c.isFaq() ? c.faq().answer() : null);
    }

    private static Double nan(double d) {
        return Double.isNaN(d) ? null : d;
    }
}
