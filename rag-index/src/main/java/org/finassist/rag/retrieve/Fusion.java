package org.finassist.rag.retrieve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.finassist.rag.Chunk;
import org.finassist.rag.ScoredChunk;

/**
 * How the keyword and vector legs are merged into one ranking.
 * <ul>
 *   <li>{@link Rrf}: reciprocal rank fusion, {@code Σ 1/(k + rank)}; ignores score scales;</li>
 *   <li>{@link Weighted}: min-max normalise each leg's scores to [0, 1] within the result list, then
 *       {@code w·vector + (1−w)·keyword}; a chunk missing from a leg scores 0 there;</li>
 *   <li>{@link Adaptive}: {@link Weighted} with a per-question weight that leans towards the more decisive leg. A
 *       leg's decisiveness is how far its first result stands above its second, on the min-max scale (1 − the
 *       second's normalised score); the vector weight is {@code w + strength·(dVector − dKeyword)}, kept in
 *       [0.1, 0.9]. A question that copies a passage's wording makes the keyword leg decisive; a paraphrase makes
 *       the vector leg decisive.</li>
 *   <li>{@link Confident}: reciprocal rank fusion whose leg weights follow, per question, how much lexical evidence
 *       the keyword leg found: its best BM25 score {@code s} saturates like BM25's own term frequency,
 *       {@code wKeyword = share·s/(s + half)}, {@code wVector = 1 − wKeyword}. A question that copies a passage's
 *       wording scores high on BM25 and the keyword leg counts; a colloquial paraphrase shares few rare words, scores
 *       low, and the vector leg decides. Its {@link #plainQueryWeight()} blends the vector leg's two query views
 *       ({@link QueryViews}); the default ranks the vector leg by the question embedded without the bge
 *       instruction, the instructed view only adding candidates. Chosen jointly on the dev halves of five corpora
 *       (docs/benchmarks.md, issue 15 sessions 5 and 6).</li>
 * </ul>
 */
public sealed interface Fusion {

    /**
     * @param k            the RRF constant
     * @param vectorWeight the vector leg's share (0.5 = plain RRF, each leg's {@code 1/(k + rank)} counted once)
     */
    record Rrf(int k, double vectorWeight) implements Fusion {

        public Rrf(int k) {
            this(k, 0.5);
        }
    }

    /**
     * @param keywordShare the keyword leg's weight when its BM25 evidence is unbounded
     * @param halfScore    the best BM25 score at which the keyword leg gets half its share
     * @param k            the RRF constant
     * @param plainQueryWeight the vector leg's share ranked by the question embedded without the retrieval
     *                     instruction (0: the instructed embedding alone; {@link QueryViews})
     */
    record Confident(double keywordShare, double halfScore, int k, double plainQueryWeight) implements Fusion {

        /** The chosen default (docs/benchmarks.md, issue 15, session 6). */
        public static final Confident DEFAULT = new Confident(0.9, 12, 1, 1.0);

        /** Session 5's default: the vector leg from the instructed query alone. */
        public static final Confident INSTRUCTED_ONLY = new Confident(0.9, 8, 5, 0);

        /** The vector leg from the instructed query alone. */
        public Confident(double keywordShare, double halfScore, int k) {
            this(keywordShare, halfScore, k, 0);
        }

        public Confident {
            if (plainQueryWeight < 0 || plainQueryWeight > 1) {
                throw new IllegalArgumentException("plainQueryWeight must be within [0, 1]");
            }
        }

        /** This question's weighted RRF, from the keyword leg's best score. */
        Rrf forQuestion(List<ScoredChunk> keyword) {
            double s = keyword.isEmpty() ? 0 : Math.max(0, keyword.getFirst().score());
            double wKeyword = keywordShare * s / (s + halfScore);
            return new Rrf(k, 1 - wKeyword);
        }
    }

    /**
     * The vector leg's share taken by the question embedded without the retrieval instruction (0: the instructed
     * embedding alone, and the plain one is not searched). See {@link QueryViews}.
     */
    default double plainQueryWeight() {
        return 0;
    }

    /**
     * Fused passages when the vector leg was also run with the plain query embedding: the two views are blended into
     * one vector leg first ({@link QueryViews}), then fused with the keyword leg.
     */
    default List<Passage> fuse(List<ScoredChunk> keyword, List<ScoredChunk> vector, List<ScoredChunk> plainVector) {
        return fuse(keyword, QueryViews.blend(vector, plainVector, plainQueryWeight()));
    }

    record Weighted(double vectorWeight) implements Fusion {
    }

    record Adaptive(double vectorWeight, double strength) implements Fusion {

        /** This question's vector weight, from the two legs' decisiveness. */
        double weightFor(List<ScoredChunk> keyword, List<ScoredChunk> vector) {
            double w = vectorWeight + strength * (decisiveness(vector) - decisiveness(keyword));
            return Math.max(0.1, Math.min(0.9, w));
        }

        private static double decisiveness(List<ScoredChunk> leg) {
            if (leg.size() < 2) return leg.isEmpty() ? 0 : 1;
            double[] n = normalisation(leg);
            return n[1] > n[0] ? (leg.get(0).score() - leg.get(1).score()) / (n[1] - n[0]) : 0;
        }
    }

    /** Fused passages, best first. Several phrasings of one FAQ entry collapse into the best one. */
    default List<Passage> fuse(List<ScoredChunk> keyword, List<ScoredChunk> vector) {
        Map<String, FusedCandidate> acc = new LinkedHashMap<>();
        double[] kwNorm = normalisation(keyword);
        double[] vecNorm = normalisation(vector);
        Fusion f = switch (this) {
            case Adaptive a -> new Weighted(a.weightFor(keyword, vector));
            case Confident c -> c.forQuestion(keyword);
            default -> this;
        };
        for (int i = 0; i < keyword.size(); i++) {
            FusedCandidate a = acc.computeIfAbsent(keyword.get(i).chunk().id(), id -> new FusedCandidate());
            a.chunk = keyword.get(i).chunk();
            a.keyword = keyword.get(i).score();
            a.fused += f.contribution(i, keyword.get(i).score(), kwNorm, false);
        }
        for (int i = 0; i < vector.size(); i++) {
            FusedCandidate a = acc.computeIfAbsent(vector.get(i).chunk().id(), id -> new FusedCandidate());
            a.chunk = vector.get(i).chunk();
            a.vector = vector.get(i).score();
            a.fused += f.contribution(i, vector.get(i).score(), vecNorm, true);
        }
        return dedupFaq(acc.values().stream().map(FusedCandidate::passage)
                .sorted(Comparator.comparingDouble(Passage::score).reversed()).toList());
    }

    private double contribution(int rank, double score, double[] norm, boolean vectorLeg) {
        return switch (this) {
            case Rrf r -> 2 * (vectorLeg ? r.vectorWeight() : 1 - r.vectorWeight()) / (r.k() + rank + 1);
            case Weighted w -> (vectorLeg ? w.vectorWeight() : 1 - w.vectorWeight())
                    * (norm[1] > norm[0] ? (score - norm[0]) / (norm[1] - norm[0]) : 1.0);
            case Adaptive a -> throw new IllegalStateException("fused through its per-question Weighted");
            case Confident c -> throw new IllegalStateException("fused through its per-question Rrf");
        };
    }

    private static double[] normalisation(List<ScoredChunk> leg) {
        double min = leg.stream().mapToDouble(ScoredChunk::score).min().orElse(0);
        double max = leg.stream().mapToDouble(ScoredChunk::score).max().orElse(0);
        return new double[] {min, max};
    }

    private static List<Passage> dedupFaq(List<Passage> ranked) {
        Map<String, Passage> best = new LinkedHashMap<>();
        for (Passage p : ranked) {
            Chunk c = p.chunk();
            String key = c.isFaq() ? c.kbId() + "/" + c.docId() + "?" + c.faq().question() : c.id();
            best.putIfAbsent(key, p);
        }
        return new ArrayList<>(best.values());
    }
}
