package org.finassist.rag.retrieve;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.finassist.rag.KnowledgeStore;
import org.finassist.rag.ScoredChunk;
import org.finassist.rag.SearchFilter;
import org.finassist.rag.embed.Embedder;
import org.finassist.rag.segment.ChineseSegmenter;

/**
 * Answers a question from a store: FAQ fast path first (question-to-question similarity over FAQ phrasings, and the
 * question must ask the same thing: {@link FaqMatch}), else
 * keyword top-k and vector top-k (the question embedded with and, when the fusion says so, without the retrieval
 * instruction: {@link QueryViews}) fused, re-ordered by a {@link Reranker} when one is configured, then the not-found
 * threshold. Thread-safe when the store is.
 */
public final class HybridRetriever {

    private static final int FAQ_CANDIDATES = 3;
    private static final ExecutorService LEGS = Executors.newVirtualThreadPerTaskExecutor();

    private final KnowledgeStore store;
    private final Embedder embedder;
    private final ChineseSegmenter segmenter;
    private final RetrievalOptions options;
    private final Reranker reranker;

    public HybridRetriever(KnowledgeStore store, Embedder embedder, ChineseSegmenter segmenter,
                           RetrievalOptions options) {
        this(store, embedder, segmenter, options, null);
    }

    /** @param reranker re-orders the best fused passages; {@code null} for none */
    public HybridRetriever(KnowledgeStore store, Embedder embedder, ChineseSegmenter segmenter,
                           RetrievalOptions options, Reranker reranker) {
        this.store = store;
        this.embedder = embedder;
        this.segmenter = segmenter;
        this.options = options;
        this.reranker = reranker;
    }

    /** The configured reranker, if any. */
    public Optional<Reranker> reranker() {
        return Optional.ofNullable(reranker);
    }

    public RetrievalOptions options() {
        return options;
    }

    public RetrievalResult search(String question, SearchFilter filter) {
        boolean faqPath = options.faqEnabled() && filter.faqOnly() != Boolean.FALSE;
        // one plain embedding serves the FAQ fast path and the vector leg's plain query view
        float[] plain = faqPath || usesPlainQuery() ? embedder.plain(question) : null;
        if (faqPath) {
            // the best phrasings above the threshold, first one that asks the same thing (FaqMatch) answers as is;
            // a look-alike of the opposite direction stays a passage of the fused search below
            for (ScoredChunk hit : store.vectorSearch(plain, filter.faqOnly(true), FAQ_CANDIDATES)) {
                if (hit.score() < options.faqThreshold()) break;
                if (FaqMatch.agrees(question, FaqText.matchedQuestion(hit.chunk()))) {
                    return new RetrievalResult.FaqAnswer(
                            new Passage(hit.chunk(), hit.score(), Set.of(Leg.FAQ), Double.NaN, hit.score()));
                }
            }
        }
        List<Passage> fused = fuse(legs(question, plain, filter), options.fusion());
        if (reranker != null) fused = reranker.rerank(question, fused);
        fused = agreeingFirst(question, fused);
        List<Passage> top = fused.subList(0, Math.min(options.topN(), fused.size()));
        double best = top.stream().mapToDouble(Passage::vectorScore).filter(d -> !Double.isNaN(d)).max().orElse(-1);
        return best >= options.minVectorSimilarity() || KeywordStrength.strong(segmenter.tokens(question), top)
                ? new RetrievalResult.Found(top) : new RetrievalResult.NotFound(top);
    }

    private boolean usesPlainQuery() {
        return options.fusion().plainQueryWeight() > 0;
    }

    /**
     * FAQ entries that ask the opposite (another direction, another board: {@link FaqMatch#opposes}) stay passages
     * but go after the others, so neither a model nor the offline answer takes them for the answer.
     */
    private static List<Passage> agreeingFirst(String question, List<Passage> ranked) {
        List<Passage> out = new java.util.ArrayList<>(ranked.size());
        List<Passage> later = new java.util.ArrayList<>();
        for (Passage p : ranked) {
            // the canonical question says what the entry is about; an alternative phrasing may be narrower
            boolean disagrees = p.chunk().isFaq() && FaqMatch.opposes(question, p.chunk().faq().question());
            (disagrees ? later : out).add(p);
        }
        out.addAll(later);
        return out;
    }

    /**
     * The legs' raw candidates (the vector leg with the plain query too when the fusion uses it), for evaluation and
     * for showing a knowledge-base owner why a search went wrong.
     */
    public Legs legs(String question, SearchFilter filter) {
        return legs(question, usesPlainQuery() ? embedder.plain(question) : null, filter);
    }

    private Legs legs(String question, float[] plain, SearchFilter filter) {
        // the query embedding (tens of ms on CPU) overlaps with the keyword leg
        Future<List<ScoredChunk>> kw = LEGS.submit(
                () -> store.keywordSearch(segmenter.tokens(question), filter, options.keywordTopK()));
        Future<List<ScoredChunk>> plainVec = usesPlainQuery() && plain != null
                ? LEGS.submit(() -> store.vectorSearch(plain, filter, options.vectorTopK())) : null;
        List<ScoredChunk> vec = store.vectorSearch(embedder.query(question), filter, options.vectorTopK());
        return new Legs(join(kw), vec, plainVec == null ? List.of() : join(plainVec));
    }

    /**
     * Runs both legs at once (the keyword leg on a virtual thread), so a query costs the slower leg rather than
     * the sum of both.
     */
    public static Legs searchLegs(KnowledgeStore store, List<String> tokens, float[] vector, SearchFilter filter,
                                  int keywordTopK, int vectorTopK) {
        Future<List<ScoredChunk>> kw = LEGS.submit(() -> store.keywordSearch(tokens, filter, keywordTopK));
        List<ScoredChunk> vec = store.vectorSearch(vector, filter, vectorTopK);
        return new Legs(join(kw), vec);
    }

    private static List<ScoredChunk> join(Future<List<ScoredChunk>> leg) {
        try {
            return leg.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException("search leg failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            leg.cancel(true);
            throw new IllegalStateException("interrupted while searching", e);
        }
    }

    public static List<Passage> fuse(Legs legs, Fusion fusion) {
        return fusion.fuse(legs.keyword(), legs.vector(), legs.plainVector());
    }

    /**
     * Raw results of the keyword and the vector leg.
     *
     * @param vector      the vector leg with the query embedded with the retrieval instruction
     * @param plainVector the vector leg with the query embedded as is; empty when the fusion does not use it
     */
    public record Legs(List<ScoredChunk> keyword, List<ScoredChunk> vector, List<ScoredChunk> plainVector) {

        public Legs(List<ScoredChunk> keyword, List<ScoredChunk> vector) {
            this(keyword, vector, List.of());
        }
    }
}
