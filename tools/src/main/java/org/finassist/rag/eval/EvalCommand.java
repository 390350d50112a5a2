package org.finassist.rag.eval;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import javax.sql.DataSource;

import org.finassist.rag.KnowledgeIndex;
import org.finassist.rag.KnowledgeStore;
import org.finassist.rag.ScoredChunk;
import org.finassist.rag.SearchFilter;
import org.finassist.rag.chunk.ChineseChunker;
import org.finassist.rag.segment.ChineseSegmenter;
import org.finassist.rag.segment.FinanceDictionary;
import org.finassist.rag.segment.StopWords;
import org.finassist.rag.embed.Embedder;
import org.finassist.rag.rerank.HttpScoringModel;
import org.finassist.rag.retrieve.Fusion;
import org.finassist.rag.retrieve.Reranker;
import org.finassist.rag.retrieve.RetrievalOptions;
import org.finassist.rag.store.lucene.LuceneKnowledgeStore;
import org.finassist.rag.store.pgvector.PgVectorKnowledgeStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eval}: Recall@1/5/10 and MRR@10 of keyword-only, vector-only and fused retrieval on a question→passage set,
 * plus ingestion throughput. Rows before {@code --dev-rows} are the dev split (used to choose parameters with
 * {@code --grid}); the rest is the test split. With {@code --reranker-url} the default fusion is also re-ordered by a
 * cross-encoder behind that endpoint.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Retrieval evaluation: keyword, vector and hybrid legs on a question->passage CSV/JSONL")
public final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "CSV (question + context/passage columns) or JSONL file")
    Path file;

    @Option(names = "--dev-rows", defaultValue = "71", description = "first N questions form the dev split")
    int devRows;

    @Option(names = "--grid", description = "also print a grid of fusion parameters")
    boolean grid;

    @Option(names = "--cache", description = "file caching embeddings between runs (parameter sweeps only)")
    Path cache;

    @Option(names = "--no-bigrams", description = "segmenter without sub-word bigrams")
    boolean noBigrams;

    @Option(names = "--no-stopwords", description = "segmenter without stop words")
    boolean noStopWords;

    @Option(names = "--no-query-prefix", description = "embed queries without the bge instruction")
    boolean noQueryPrefix;

    @Option(names = "--near-copy", defaultValue = "0.8",
            description = "also report hybrid-default counting passages this similar to the gold one (trigram Jaccard)")
    double nearCopy;

    @Option(names = "--store", defaultValue = "lucene",
            description = "lucene (in memory) or pgvector (schema --pg-schema of --pg-url, emptied first)")
    String store;

    @Option(names = "--pg-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/finassist_test")
    String pgUrl;

    @Option(names = "--pg-user", defaultValue = "postgres")
    String pgUser;

    @Option(names = "--pg-schema", defaultValue = "rag_eval")
    String pgSchema;

    @Option(names = "--pg-keyword-candidates", defaultValue = "2000",
            description = "pgvector keyword leg's candidate budget; a small one shows what the approximation costs")
    int pgKeywordCandidates;

    @Option(names = "--chunk-chars", defaultValue = "480", description = "chunk budget in characters")
    int chunkChars;

    @Option(names = "--overlap-chars", defaultValue = "80", description = "longest sentence repeated as overlap")
    int overlapChars;

    @Option(names = "--misses", description = "write the test questions whose gold passage the default fusion does"
            + " not rank first, with the gold and the first passage, as Markdown (for reading what the misses return)")
    Path misses;

    @Option(names = "--dump", description = "write every question's two legs (chunk, document, score) as JSONL, so"
            + " fusions can be studied offline on the same retrievals")
    Path dump;

    @Option(names = "--reranker-url", description = "also rerank the default fusion with this rerank endpoint,"
            + " e.g. http://127.0.0.1:9997/v1/rerank (Xinference, vLLM, Jina, SiliconFlow) or http://127.0.0.1:8080/rerank (TEI)")
    String rerankerUrl;

    @Option(names = "--reranker-api", defaultValue = "cohere", description = "cohere or tei (wire format)")
    String rerankerApi;

    @Option(names = "--reranker-model", description = "model name sent to the endpoint, e.g. bge-reranker-v2-m3")
    String rerankerModel;

    @Option(names = "--reranker-key-env", description = "environment variable holding the endpoint's API key")
    String rerankerKeyEnv;

    @Option(names = "--reranker-candidates", defaultValue = "20", description = "fused passages the reranker re-orders")
    int rerankerCandidates;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EvalCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        EvalSet set = EvalSetLoader.load(file);
        EmbeddingModel model = new BgeSmallZhV15QuantizedEmbeddingModel();
        CachingEmbeddingModel cached = cache == null ? null : new CachingEmbeddingModel(model, cache);
        Embedder embedder = new Embedder(cached == null ? model : cached,
                noQueryPrefix ? "" : Embedder.BGE_QUERY_PREFIX, 64);
        ChineseSegmenter segmenter = new ChineseSegmenter(FinanceDictionary.bundled(),
                noStopWords ? Set.of() : StopWords.bundled(), !noBigrams);
        KnowledgeStore knowledgeStore = openStore(embedder.dimension());
        knowledgeStore.deleteKnowledgeBase(RetrievalEvaluator.KB);
        System.out.println("store: " + store);
        try (KnowledgeIndex index = KnowledgeIndex.builder().store(knowledgeStore)
                .embedder(embedder).segmenter(segmenter).chunker(new ChineseChunker(chunkChars, overlapChars)).build()) {
            RetrievalEvaluator evaluator = new RetrievalEvaluator(index);
            RetrievalEvaluator.Throughput t = evaluator.ingest(set);
            System.out.printf("corpus: %d passages -> %d chunks, ingested in %.1f s (%.1f chunks/s incl. embedding)%n",
                    t.passages(), t.chunks(), t.seconds(), t.chunksPerSecond());
            long start = System.nanoTime();
            List<RetrievalEvaluator.Retrieved> all = evaluator.retrieve(set);
            System.out.printf("queries: %d, %.1f ms per query (both legs, incl. query embedding)%n",
                    all.size(), (System.nanoTime() - start) / 1e6 / Math.max(1, all.size()));
            int dev = Math.min(devRows, all.size());
            print("dev (rows 1-" + dev + ")", all.subList(0, dev), fusions(false));
            print("test (rows " + (dev + 1) + "-" + all.size() + ")", all.subList(dev, all.size()), fusions(false));
            print("all", all, fusions(false));
            NearDuplicates copies = new NearDuplicates(set.passages(), nearCopy);
            System.out.printf("== near-copies of the gold passage also count (trigram Jaccard >= %.2f; diagnosis only)%n",
                    nearCopy);
            System.out.printf("  %-24s %s%n", "test hybrid-default", RetrievalEvaluator.fusedAllowingNearCopies(
                    all.subList(dev, all.size()), RetrievalOptions.defaults().fusion(), copies));
            if (cached != null) cached.save();
            if (misses != null) {
                int n = MissReport.write(misses, all.subList(dev, all.size()), set.passages(),
                        RetrievalOptions.defaults().fusion());
                System.out.printf("misses: %d test questions written to %s%n", n, misses);
            }
            if (dump != null) LegDump.write(dump, all, dev, extraLegs(all, knowledgeStore, embedder, segmenter));
            if (rerankerUrl != null) printReranked(all, dev);
            if (grid) {
                print("dev grid", all.subList(0, dev), fusions(true));
                // shown to report the chosen fusion on held-out rows, never to choose it
                print("test grid", all.subList(dev, all.size()), fusions(true));
            }
        }
        return 0;
    }

    /**
     * Legs studied as further evidence beside the two the retriever runs: the vector leg with the query embedded
     * without the bge instruction ({@code vecPlain}), and the keyword leg queried with the question's character
     * bigrams instead of its segmented words ({@code kwBigram}: other segmentation errors).
     */
    private static Map<String, List<List<ScoredChunk>>> extraLegs(List<RetrievalEvaluator.Retrieved> all,
            KnowledgeStore store, Embedder embedder, ChineseSegmenter segmenter) {
        Map<String, List<List<ScoredChunk>>> out = new LinkedHashMap<>();
        SearchFilter kb = SearchFilter.of(RetrievalEvaluator.KB);
        RetrievalOptions o = RetrievalOptions.defaults();
        out.put("vecPlain", all.stream().map(r -> store.vectorSearch(embedder.plain(r.query().question()), kb,
                o.vectorTopK())).toList());
        out.put("kwBigram", all.stream().map(r -> store.keywordSearch(
                segmenter.characterBigrams(r.query().question()), kb,
                o.keywordTopK())).toList());
        return out;
    }

    private KnowledgeStore openStore(int dimension) throws Exception {
        if (!"pgvector".equals(store)) return LuceneKnowledgeStore.inMemory();
        // the driver is test-scoped in this module: the eval's classpath (dependency:build-classpath) carries it
        DataSource ds = (DataSource) Class.forName("org.postgresql.ds.PGSimpleDataSource").getConstructor().newInstance();
        ds.getClass().getMethod("setURL", String.class).invoke(ds, pgUrl);
        ds.getClass().getMethod("setUser", String.class).invoke(ds, pgUser);
        return PgVectorKnowledgeStore.builder().dataSource(ds).schema(pgSchema).dimension(dimension)
                .keywordCandidates(pgKeywordCandidates).build();
    }

    private void printReranked(List<RetrievalEvaluator.Retrieved> all, int dev) {
        // the questions of an evaluation set are public benchmark text, not a customer's: nothing to mask
        HttpScoringModel model = HttpScoringModel.builder().url(rerankerUrl).model(rerankerModel)
                .api(HttpScoringModel.Api.of(rerankerApi))
                .apiKey(rerankerKeyEnv == null ? null : System.getenv(rerankerKeyEnv))
                .timeout(Duration.ofSeconds(30)).masker(s -> s).build();
        RetrievalEvaluator.Reranked r = RetrievalEvaluator.rerank(all, RetrievalOptions.defaults().fusion(),
                new Reranker(model, rerankerCandidates));
        System.out.printf("== reranked (%s, top %d of the default fusion): %d calls, %d fell back to fused order,"
                + " %.0f / %.0f ms per call p50 / p99%n", rerankerUrl, rerankerCandidates, r.calls(), r.fallbacks(),
                r.p50Millis(), r.p99Millis());
        System.out.printf("  %-24s %s%n", "dev hybrid+rerank", Metrics.of(r.ranks().subList(0, dev)));
        System.out.printf("  %-24s %s%n", "test hybrid+rerank", Metrics.of(r.ranks().subList(dev, all.size())));
        System.out.printf("  %-24s %s%n", "all hybrid+rerank", Metrics.of(r.ranks()));
    }

    private static Map<String, Fusion> fusions(boolean grid) {
        Map<String, Fusion> f = new LinkedHashMap<>();
        if (!grid) {
            // the plain BM25 + vector baseline: reciprocal rank fusion with the customary k = 60
            f.put("baseline rrf(k=60)", new Fusion.Rrf(60));
            f.put("hybrid-weighted(w=0.5)", new Fusion.Weighted(0.5));
            f.put("confident-instructed", Fusion.Confident.INSTRUCTED_ONLY);
            f.put("hybrid-default", RetrievalOptions.defaults().fusion());
            return f;
        }
        for (int k : new int[] {1, 5, 10, 20, 60}) f.put("rrf k=" + k, new Fusion.Rrf(k));
        for (double w = 0.2; w <= 0.81; w += 0.1) f.put(String.format("weighted w=%.1f", w), new Fusion.Weighted(w));
        for (double share : new double[] {0.7, 0.8, 0.9, 1.0}) {
            for (double half : new double[] {4, 8, 12}) {
                for (int k : new int[] {1, 5}) {
                    for (double plain : new double[] {0, 0.5, 1}) {
                        f.put(String.format("confident a=%.1f c=%.0f k=%d p=%.1f", share, half, k, plain),
                                new Fusion.Confident(share, half, k, plain));
                    }
                }
            }
        }
        for (double s : new double[] {0.25, 0.5, 1.0}) {
            for (double w : new double[] {0.4, 0.5, 0.6}) {
                f.put(String.format("adaptive w=%.1f s=%.2f", w, s), new Fusion.Adaptive(w, s));
            }
        }
        return f;
    }

    private static void print(String title, List<RetrievalEvaluator.Retrieved> rows, Map<String, Fusion> fusions) {
        System.out.println("== " + title);
        RetrievalEvaluator.report(rows, fusions).forEach((name, m) -> System.out.printf("  %-24s %s%n", name, m));
    }
}
