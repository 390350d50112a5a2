package org.finassist.rag.store.pgvector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one keyword query runs: which chunks become candidates, and the BM25 weights every query term scores them with.
 *
 * <p>Ranking every chunk that shares any token with the query does not scale (the segmenter's sub-word bigrams
 * match nearly every chunk of a large knowledge base), so candidates come from the rarest terms only: the rarest
 * terms OR'd while their summed document frequency stays within the budget. Chunks sharing only common terms with
 * the query would score low anyway. When even the rarest term is too common, candidates must contain several of the
 * rarest terms (AND), relaxed one term at a time while fewer than k chunks are found, down to the rarest term alone
 * with at most a budget of candidates. Candidates are then scored over all known query terms.
 *
 * @param terms      the known query terms
 * @param weights    per term: idf × occurrences in the query × (k1 + 1)
 * @param tiers      candidate tsqueries, tried in order while fewer than k chunks are found
 * @param lengthBase k1 · (1 − b)
 * @param lengthRate k1 · b / average chunk length (in tokens)
 */
record KeywordPlan(List<String> terms, List<Double> weights, List<String> tiers, double lengthBase, double lengthRate) {

    static final double K1 = 1.2;
    static final double B = 0.75;

    KeywordPlan {
        terms = List.copyOf(terms);
        weights = List.copyOf(weights);
        tiers = List.copyOf(tiers);
    }

    /** The plan for segmented query {@code tokens}; empty when the knowledge bases know none of them. */
    static Optional<KeywordPlan> of(List<String> tokens, CorpusStats stats, int budget) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        tokens.stream().filter(t -> stats.df().getOrDefault(t, 0L) > 0).forEach(t -> counts.merge(t, 1, Integer::sum));
        if (counts.isEmpty()) return Optional.empty();
        List<String> terms = new ArrayList<>(counts.keySet());
        List<Double> weights = terms.stream()
                .map(t -> idf(stats.chunks(), stats.df().get(t)) * counts.get(t) * (K1 + 1)).toList();
        List<String> rarestFirst = terms.stream()
                .sorted(Comparator.comparingLong((String t) -> stats.df().get(t)).thenComparing(t -> t)).toList();
        return Optional.of(new KeywordPlan(terms, weights, tiers(rarestFirst, stats, budget),
                K1 * (1 - B), K1 * B / stats.averageLength()));
    }

    static double idf(long n, long df) {
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    private static List<String> tiers(List<String> rarestFirst, CorpusStats stats, int budget) {
        long rarest = stats.df().get(rarestFirst.getFirst());
        if (rarest <= budget) {
            long sum = 0;
            int n = 0;
            while (n < rarestFirst.size() && sum + stats.df().get(rarestFirst.get(n)) <= budget) {
                sum += stats.df().get(rarestFirst.get(n++));
            }
            return List.of(TsText.anyOf(rarestFirst.subList(0, n)));
        }
        // estimated matches of the conjunction if terms were independent (sub-word bigrams are not: hence relaxing)
        double estimate = rarest;
        int m = 1;
        while (m < rarestFirst.size() && estimate > budget) {
            estimate *= (double) stats.df().get(rarestFirst.get(m++)) / Math.max(1, stats.chunks());
        }
        List<String> tiers = new ArrayList<>();
        for (int i = m; i >= 1; i--) tiers.add(TsText.allOf(rarestFirst.subList(0, i)));
        return tiers;
    }
}
