package org.finassist.rag.store.pgvector;

import java.util.Map;

/**
 * BM25 statistics of the searched knowledge bases.
 *
 * @param chunks number of chunks (BM25's N)
 * @param tokens number of tokens over all chunks (for the average chunk length)
 * @param df     document frequency of each query term the knowledge bases know
 */
record CorpusStats(long chunks, long tokens, Map<String, Long> df) {

    CorpusStats {
        df = Map.copyOf(df);
    }

    double averageLength() {
        return chunks == 0 ? 1 : Math.max(1, (double) tokens / chunks);
    }
}
