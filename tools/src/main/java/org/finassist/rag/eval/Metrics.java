package org.finassist.rag.eval;

import java.util.List;

/**
 * Recall@1/5/10 and MRR@10 over a list of ranks (1-based rank of the relevant passage, 0 when not in the list).
 */
public record Metrics(int queries, double recallAt1, double recallAt5, double recallAt10, double mrrAt10) {

    public static Metrics of(List<Integer> ranks) {
        int n = ranks.size();
        if (n == 0) return new Metrics(0, 0, 0, 0, 0);
        return new Metrics(n, recall(ranks, 1), recall(ranks, 5), recall(ranks, 10),
                ranks.stream().mapToDouble(r -> r >= 1 && r <= 10 ? 1.0 / r : 0).sum() / n);
    }

    private static double recall(List<Integer> ranks, int k) {
        return ranks.stream().filter(r -> r >= 1 && r <= k).count() / (double) ranks.size();
    }

    @Override
    public String toString() {
        return String.format("n=%d R@1=%.3f R@5=%.3f R@10=%.3f MRR@10=%.3f", queries, recallAt1, recallAt5,
                recallAt10, mrrAt10);
    }
}
