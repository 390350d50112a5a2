package org.finassist.rag.retrieve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.scoring.ScoringModel;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.finassist.rag.chunk.TextChunk;

/**
 * Second stage of hybrid retrieval: a cross-encoder ({@link ScoringModel}) reads the question together with each of
 * the best fused candidates and re-orders them by its relevance score. A reranker is an extra network call on every
 * question, so it never decides whether an answer exists: a failure, a timeout or an open circuit leaves the fused
 * order as it was, and the customer still gets an answer. Thread-safe.
 */
public final class Reranker {

    private static final System.Logger LOG = System.getLogger(Reranker.class.getName());

    private final ScoringModel model;
    private final int candidates;
    private final CircuitBreaker breaker;
    private final LongAdder calls = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();

    /**
     * @param model      the cross-encoder
     * @param candidates how many of the best fused passages it re-orders (the rest keep their fused order below them)
     */
    public Reranker(ScoringModel model, int candidates) {
        this(model, candidates, CircuitBreaker.of("reranker", CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30)).build()));
    }

    Reranker(ScoringModel model, int candidates, CircuitBreaker breaker) {
        this.model = Objects.requireNonNull(model, "model");
        if (candidates < 2) throw new IllegalArgumentException("reranker candidates must be at least 2: " + candidates);
        this.candidates = candidates;
        this.breaker = breaker;
    }

    /** Questions sent to the reranker (not counting those skipped while its circuit was open). */
    public long calls() {
        return calls.sum();
    }

    /** Questions answered in fused order because the reranker failed or its circuit was open. */
    public long fallbacks() {
        return fallbacks.sum();
    }

    /** The passages with the first {@code candidates} re-ordered by the reranker, or {@code fused} unchanged. */
    public List<Passage> rerank(String question, List<Passage> fused) {
        if (fused.size() < 2) return fused;
        List<Passage> head = fused.subList(0, Math.min(candidates, fused.size()));
        List<Double> scores = score(question, head);
        if (scores == null) return fused;
        List<Passage> out = new ArrayList<>(fused.size());
        for (int i = 0; i < head.size(); i++) out.add(head.get(i).withRerankScore(scores.get(i)));
        out.sort(Comparator.comparingDouble(Passage::rerankScore).reversed());
        out.addAll(fused.subList(head.size(), fused.size()));
        return out;
    }

    private List<Double> score(String question, List<Passage> head) {
        List<TextSegment> segments = head.stream().map(p -> TextSegment.from(textOf(p))).toList();
        try {
            return breaker.executeSupplier(() -> {
                calls.increment();
                List<Double> s = model.scoreAll(segments, question).content();
                if (s == null || s.size() != segments.size() || s.stream().anyMatch(d -> d == null || d.isNaN())) {
                    throw new IllegalStateException("reranker returned " + (s == null ? "no" : s.size())
                            + " scores for " + segments.size() + " passages");
                }
                return s;
            });
        } catch (CallNotPermittedException e) {
            fallbacks.increment();
            return null;
        } catch (RuntimeException e) {
            fallbacks.increment();
            LOG.log(System.Logger.Level.WARNING, "reranker failed, answering in fused order: {0}", e.getMessage());
            return null;
        }
    }

    /** What the cross-encoder reads: the same heading context and text the passage was embedded with. */
    static String textOf(Passage p) {
        return new TextChunk(p.chunk().headingPath(), p.chunk().text()).embeddingText();
    }
}
