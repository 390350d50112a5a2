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
 * </ul>
 */
public sealed interface Fusion {

    record Rrf(int k) implements Fusion {
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
        Fusion f = this instanceof Adaptive a ? new Weighted(a.weightFor(keyword, vector)) : this;
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
            case Rrf r -> 1.0 / (r.k() + rank + 1);
            case Weighted w -> (vectorLeg ? w.vectorWeight() : 1 - w.vectorWeight())
                    * (norm[1] > norm[0] ? (score - norm[0]) / (norm[1] - norm[0]) : 1.0);
            case Adaptive a -> throw new IllegalStateException("fused through its per-question Weighted");
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
