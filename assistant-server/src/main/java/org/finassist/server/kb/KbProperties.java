package org.finassist.server.kb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code finassist.rag.*}: knowledge bases.
 *
 * @param store               {@code lucene} (embedded default, on disk under {@code index-dir}) or {@code pgvector}
 *                            (the application's PostgreSQL, schema {@code pg-schema})
 * @param indexDir            Lucene index directory (default {@code ./data/kb-index})
 * @param pgSchema            schema of the pgvector tables (default {@code public})
 * @param demo                load the demo knowledge base {@code demo} on first start (default true)
 * @param dictionaryTerms     extra domain terms for the segmenter
 * @param dictionaryFile      extra dictionary file, one term a line (optional)
 * @param maxFileBytes        per-file upload limit in bytes (default 50 MiB); a larger file in an upload is skipped
 *                            with a per-file error while the rest of the batch is ingested
 * @param pgKeywordCandidates pgvector keyword leg: summed document frequency of the query terms it ranks exactly;
 *                            past it, candidates come from the rarest terms (default 2,000; see rag-index/README.md)
 * @param maxBatchBytes       bytes one upload request may hand to ingestion (default 256 MiB); files past it are
 *                            skipped with a per-file error
 * @param fusion              {@code confident} (default: RRF weighted per question by the keyword leg's BM25 evidence,
 *                            the vector leg ranked by the question embedded without the bge instruction; see rag-index
 *                            {@code Fusion.Confident}), {@code confident-instructed} (session 5's default: the same
 *                            with the instructed query embedding alone), {@code weighted} or {@code rrf}
 * @param vectorWeight        weight of the vector leg in weighted fusion (default 0.5)
 * @param rrfK                RRF constant (default 60)
 * @param minVectorSimilarity below this best cosine similarity: not found, hand off (default 0.5)
 * @param faqThreshold        FAQ fast path similarity (default 0.9)
 * @param topN                passages returned (default 5)
 * @param defaultKbIds        knowledge bases the shared ContentRetriever reads (default {@code [demo]})
 * @param reranker            optional cross-encoder re-ordering the best fused passages (off unless {@code url} is set)
 */
@ConfigurationProperties("finassist.rag")
record KbProperties(String store, Path indexDir, String pgSchema, Boolean demo, List<String> dictionaryTerms,
                    Path dictionaryFile, Long maxFileBytes, String fusion, Double vectorWeight, Integer rrfK,
                    Double minVectorSimilarity, Double faqThreshold, Integer topN, List<String> defaultKbIds,
                    Long maxBatchBytes, Integer pgKeywordCandidates, Reranker reranker) {

    /**
     * {@code finassist.rag.reranker.*}.
     *
     * @param url        the rerank endpoint, e.g. {@code http://xinference:9997/v1/rerank} or {@code http://tei:8080/rerank};
     *                   blank = no reranker (default)
     * @param api        {@code cohere} (Cohere, Jina, SiliconFlow, Xinference, vLLM; default) or {@code tei}
     * @param model      model name sent with Cohere-style requests (e.g. {@code bge-reranker-v2-m3})
     * @param apiKey     bearer token, if the endpoint needs one (use an environment variable, never the file)
     * @param candidates fused passages it re-orders (default 20)
     * @param timeout    deadline of one call (default 2 s); on failure or timeout the fused order stands
     */
    record Reranker(String url, String api, String model, String apiKey, Integer candidates, Duration timeout) {

        Reranker {
            api = api == null || api.isBlank() ? "cohere" : api;
            candidates = candidates == null || candidates < 2 ? 20 : candidates;
            timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        }

        boolean enabled() {
            return url != null && !url.isBlank();
        }
    }

    KbProperties {
        store = store == null || store.isBlank() ? "lucene" : store;
        indexDir = indexDir == null ? Path.of("data", "kb-index") : indexDir;
        pgSchema = pgSchema == null || pgSchema.isBlank() ? "public" : pgSchema;
        demo = demo == null || demo;
        dictionaryTerms = dictionaryTerms == null ? List.of() : List.copyOf(dictionaryTerms);
        maxFileBytes = maxFileBytes == null || maxFileBytes <= 0 ? 50L * 1024 * 1024 : maxFileBytes;
        fusion = fusion == null || fusion.isBlank() ? "confident" : fusion;
        vectorWeight = vectorWeight == null ? 0.5 : vectorWeight;
        rrfK = rrfK == null ? 60 : rrfK;
        minVectorSimilarity = minVectorSimilarity == null ? 0.5 : minVectorSimilarity;
        faqThreshold = faqThreshold == null ? 0.9 : faqThreshold;
        topN = topN == null ? 5 : topN;
        pgKeywordCandidates = pgKeywordCandidates == null || pgKeywordCandidates < 1 ? 2000 : pgKeywordCandidates;
        maxBatchBytes = maxBatchBytes == null || maxBatchBytes <= 0 ? 256L * 1024 * 1024 : maxBatchBytes;
        reranker = reranker == null ? new Reranker(null, null, null, null, null, null) : reranker;
        defaultKbIds = defaultKbIds == null || defaultKbIds.isEmpty() ? List.of("demo") : List.copyOf(defaultKbIds);
    }
}
