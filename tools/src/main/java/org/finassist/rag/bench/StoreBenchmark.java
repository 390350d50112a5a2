package org.finassist.rag.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.finassist.rag.Chunk;
import org.finassist.rag.DocType;
import org.finassist.rag.DocumentInfo;
import org.finassist.rag.IndexedChunk;
import org.finassist.rag.KnowledgeStore;
import org.finassist.rag.SearchFilter;
import org.finassist.rag.retrieve.Fusion;
import org.finassist.rag.retrieve.HybridRetriever;
import org.finassist.rag.segment.ChineseSegmenter;
import org.finassist.rag.segment.FinanceDictionary;
import org.finassist.rag.store.lucene.LuceneKnowledgeStore;
import org.finassist.rag.store.pgvector.PgVectorKnowledgeStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Store benchmark: ingest throughput (chunks/s, store only: segmentation + indexing, vectors pre-made) and hybrid
 * query latency p50/p99 (keyword leg + vector leg + fusion, query vector pre-made) at growing corpus sizes.
 * Synthetic Chinese passages are drawn from the demo vocabulary; vectors are random unit vectors of 512 dimensions
 * (bge-small-zh's size). The model's own throughput is reported by the {@code eval} command.
 */
@Command(name = "store-bench", mixinStandardHelpOptions = true, description = "Knowledge store ingest and query benchmark")
public final class StoreBenchmark implements Callable<Integer> {

    @Option(names = "--store", defaultValue = "lucene", description = "lucene or pgvector")
    String store;

    @Option(names = "--sizes", defaultValue = "10000,100000", split = ",", description = "corpus sizes (chunks)")
    int[] sizes;

    @Option(names = "--queries", defaultValue = "300", description = "queries per size")
    int queries;

    @Option(names = "--pg-url", defaultValue = "jdbc:postgresql://127.0.0.1:5432/finassist_test")
    String pgUrl;

    @Option(names = "--pg-user", defaultValue = "postgres")
    String pgUser;

    @Option(names = "--pg-schema", defaultValue = "rag_bench")
    String pgSchema;

    @Option(names = "--chunks-per-doc", defaultValue = "100", description = "chunks per document (one commit each)")
    int chunksPerDoc;

    static final int DIM = 512;

    private DataSource pg;

    public static void main(String[] args) {
        System.exit(new CommandLine(new StoreBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ChineseSegmenter segmenter = new ChineseSegmenter(FinanceDictionary.bundled());
        SyntheticText text = new SyntheticText(new Random(42));
        Random rnd = new Random(7);
        try (KnowledgeStore s = open()) {
            s.deleteKnowledgeBase("bench");
            int have = 0;
            for (int size : sizes) {
                long start = System.nanoTime();
                for (int doc = have / chunksPerDoc; doc < size / chunksPerDoc; doc++) {
                    s.replaceDocument(new DocumentInfo("bench", "d" + doc, "d" + doc, DocType.TEXT, "h", chunksPerDoc),
                            document(doc, segmenter, text, rnd));
                }
                double secs = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s size=%d: ingested %d chunks in %.1f s = %.0f chunks/s%n", store, size,
                        size - have, secs, (size - have) / secs);
                have = size;
                analyze();
                latency(s, segmenter, text, rnd, size);
            }
        }
        return 0;
    }

    private void latency(KnowledgeStore s, ChineseSegmenter segmenter, SyntheticText text, Random rnd, int size) {
        SearchFilter filter = SearchFilter.of("bench");
        for (int i = 0; i < 20; i++) hybrid(s, segmenter.tokens(text.sentence(20)), unit(rnd), filter); // warm-up
        long[][] nanos = new long[3][queries];
        for (int i = 0; i < queries; i++) {
            List<String> tokens = segmenter.tokens(text.sentence(20));
            float[] v = unit(rnd);
            nanos[0][i] = timed(() -> s.keywordSearch(tokens, filter, 30));
            nanos[1][i] = timed(() -> s.vectorSearch(v, filter, 30));
            nanos[2][i] = timed(() -> hybrid(s, tokens, v, filter));
        }
        String[] names = {"keyword leg (top 30)", "vector leg (top 30)", "hybrid (both legs in parallel + fusion)"};
        for (int leg = 0; leg < 3; leg++) {
            Arrays.sort(nanos[leg]);
            System.out.printf("%s size=%d: %s p50=%.1f ms p99=%.1f ms%n", store, size, names[leg],
                    nanos[leg][queries / 2] / 1e6, nanos[leg][(int) Math.ceil(queries * 0.99) - 1] / 1e6);
        }
    }

    private static long timed(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return System.nanoTime() - t;
    }

    private static void hybrid(KnowledgeStore s, List<String> tokens, float[] v, SearchFilter f) {
        HybridRetriever.Legs legs = HybridRetriever.searchLegs(s, tokens, v, f, 30, 30);
        new Fusion.Weighted(0.5).fuse(legs.keyword(), legs.vector());
    }

    private List<IndexedChunk> document(int doc, ChineseSegmenter seg, SyntheticText text, Random rnd) {
        List<IndexedChunk> out = new ArrayList<>(chunksPerDoc);
        for (int i = 0; i < chunksPerDoc; i++) {
            String t = text.sentence(150);
            Chunk c = new Chunk(Chunk.idOf("bench", "d" + doc, i), "bench", "d" + doc, "d" + doc, DocType.TEXT,
                    List.of(), t, i, null, null, null);
            out.add(new IndexedChunk(c, unit(rnd), seg.tokens(t)));
        }
        return out;
    }

    static float[] unit(Random rnd) {
        float[] v = new float[DIM];
        double norm = 0;
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) rnd.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < DIM; i++) v[i] /= (float) Math.sqrt(norm);
        return v;
    }

    /** Fresh planner statistics, as autovacuum would have them: without, the planner skips the HNSW index. */
    private void analyze() throws java.sql.SQLException {
        if (pg == null) return;
        try (var c = pg.getConnection(); var st = c.createStatement()) {
            st.execute("ANALYZE " + pgSchema + ".kb_chunk, " + pgSchema + ".kb_term");
        }
    }

    private KnowledgeStore open() throws Exception {
        if ("pgvector".equals(store)) {
            // pooled, as the server's Hikari pool: a fresh connection per query (a new backend with cold caches) added
            // tens of milliseconds to each leg. The driver's own simple pool is enough for a benchmark.
            DataSource ds = (DataSource) Class.forName("org.postgresql.ds.PGPoolingDataSource").getConstructor().newInstance();
            ds.getClass().getMethod("setURL", String.class).invoke(ds, pgUrl);
            ds.getClass().getMethod("setUser", String.class).invoke(ds, pgUser);
            ds.getClass().getMethod("setMaxConnections", int.class).invoke(ds, 4);
            pg = ds;
            return PgVectorKnowledgeStore.builder().dataSource(ds).schema(pgSchema).dimension(DIM).build();
        }
        Path dir = Files.createTempDirectory("rag-bench");
        return LuceneKnowledgeStore.open(dir);
    }
}
