package org.finassist.rag.store.pgvector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * How one keyword query runs: which chunks become candidates, and the BM25 weights every query term scores them with.
 *
 * <p>Ranking every chunk that shares any token with the query does not scale (the segmenter's sub-word bigrams
 * match nearly every chunk of a large knowledge base), so only chunks likely to reach the top are candidates, about
 * a budget of them: every match when the query terms' summed document frequency fits the budget (exact BM25);
 * otherwise chunks containing one of the rarest terms (summed df within half the budget) or two of the next rarest
 * (up to {@value #MAX_PAIRED} terms, expected pair matches within the other half). A chunk sharing two
 * mid-frequency terms with the query usually outscores one sharing a single rare term, which is why pairs matter.
 * When even pairs are too common, candidates must contain several of the rarest terms (AND), relaxed one term at a
 * time while fewer than k chunks are found, down to the rarest term alone with at most a budget of candidates.
 * Candidates are then scored over all known query terms.
 *
 * @param terms      the known query terms
 * @param weights    per term: idf × occurrences in the query (no (k1 + 1) factor, as Lucene's BM25: the two stores
 *                   score on one scale, which {@code Fusion.Confident}'s half-score is in)
 * @param tiers      candidate tsqueries, tried in order while fewer than k chunks are found
 * @param lengthBase k1 · (1 − b)
 * @param lengthRate k1 · b / average chunk length (in tokens)
 */
record KeywordPlan(List<String> terms, List<Double> weights, List<String> tiers, double lengthBase, double lengthRate) {

    static final double K1 = 1.2;
    static final double B = 0.75;
    /** Pairs of at most this many terms (45 pairs): GIN evaluates the whole tsquery for every chunk of any term. */
    static final int MAX_PAIRED = 10;

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
                .map(t -> idf(stats.chunks(), stats.df().get(t)) * counts.get(t)).toList();
        List<String> rarestFirst = terms.stream()
                .sorted(Comparator.comparingLong((String t) -> stats.df().get(t)).thenComparing(t -> t)).toList();
        return Optional.of(new KeywordPlan(terms, weights, tiers(rarestFirst, stats, budget),
                K1 * (1 - B), K1 * B / stats.averageLength()));
    }

    static double idf(long n, long df) {
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    private static List<String> tiers(List<String> rarestFirst, CorpusStats stats, int budget) {
        long[] df = rarestFirst.stream().mapToLong(t -> stats.df().get(t)).toArray();
        if (LongStream.of(df).sum() <= budget) return List.of(TsText.anyOf(rarestFirst)); // every match: exact BM25
        int singles = 0;
        for (long sum = 0; singles < df.length && sum + df[singles] <= budget / 2; singles++) sum += df[singles];
        int paired = pairedUpTo(df, singles, Math.max(1, stats.chunks()), budget / 2.0);
        if (singles > 0) {
            return List.of(TsText.anyOrTwoOf(rarestFirst.subList(0, singles),
                    paired - singles >= 2 ? rarestFirst.subList(singles, paired) : List.of()));
        }
        if (paired >= 2) {
            // fewer than k chunks with two of them: the rarest term alone, capped at the budget
            return List.of(TsText.anyOrTwoOf(List.of(), rarestFirst.subList(0, paired)), TsText.anyOf(rarestFirst.subList(0, 1)));
        }
        return conjunctions(rarestFirst, df, stats.chunks(), budget);
    }

    /** The end of the run of terms after {@code from} whose pairs are expected in at most {@code room} chunks. */
    private static int pairedUpTo(long[] df, int from, long chunks, double room) {
        double expected = 0;
        int m = from;
        while (m < df.length && m - from < MAX_PAIRED) {
            double added = 0;
            for (int i = from; i < m; i++) added += (double) df[i] * df[m] / chunks; // as if independent
            if (expected + added > room) break;
            expected += added;
            m++;
        }
        return m;
    }

    private static List<String> conjunctions(List<String> rarestFirst, long[] df, long chunks, int budget) {
        // estimated matches of the conjunction if terms were independent (sub-word bigrams are not: hence relaxing)
        double estimate = df[0];
        int m = 1;
        while (m < df.length && estimate > budget) estimate *= (double) df[m++] / Math.max(1, chunks);
        List<String> tiers = new ArrayList<>();
        for (int i = m; i >= 1; i--) tiers.add(TsText.allOf(rarestFirst.subList(0, i)));
        return tiers;
    }
}
