package org.finassist.rag.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.finassist.rag.KnowledgeIndex;
import org.finassist.rag.ScoredChunk;
import org.finassist.rag.SearchFilter;
import org.finassist.rag.ingest.IngestResult;
import org.finassist.rag.ingest.SourceFile;
import org.finassist.rag.retrieve.Fusion;
import org.finassist.rag.retrieve.HybridRetriever;
import org.finassist.rag.retrieve.Passage;
import org.finassist.rag.retrieve.Reranker;

/**
 * Indexes an {@link EvalSet}'s passages through the real ingestion pipeline (one text document per passage) and
 * measures where each question's relevant passage ranks in the keyword leg, the vector leg and fused lists.
 */
public final class RetrievalEvaluator {

    static final String KB = "eval";

    private final KnowledgeIndex index;

    public RetrievalEvaluator(KnowledgeIndex index) {
        this.index = index;
    }

    /** Ingests the passages; returns embedded chunks per second. */
    public Throughput ingest(EvalSet set) {
        List<SourceFile> files = new ArrayList<>();
        set.passages().forEach((id, text) -> files.add(SourceFile.of(id + ".txt", text.getBytes(StandardCharsets.UTF_8))));
        long start = System.nanoTime();
        List<IngestResult> results = index.ingest(KB, files);
        double seconds = (System.nanoTime() - start) / 1e9;
        long failed = results.stream().filter(r -> r instanceof IngestResult.Failed).count();
        if (failed > 0) throw new IllegalStateException(failed + " passages failed to ingest: " + results);
        return new Throughput(files.size(), index.chunkCount(KB), seconds);
    }

    /** Chunks embedded and indexed per second. */
    public record Throughput(int passages, long chunks, double seconds) {
        public double chunksPerSecond() {
            return chunks / seconds;
        }
    }

    /** Retrieves every question once and keeps both legs, so fusions can be compared without re-querying. */
    public List<Retrieved> retrieve(EvalSet set) {
        HybridRetriever r = index.hybridRetriever();
        return set.queries().stream()
                .map(q -> new Retrieved(q, r.legs(q.question(), SearchFilter.of(KB)))).toList();
    }

    public record Retrieved(EvalSet.EvalQuery query, HybridRetriever.Legs legs) {
    }

    public static Metrics keyword(List<Retrieved> all) {
        return Metrics.of(all.stream().map(r -> rank(docIds(r.legs().keyword()), r.query())).toList());
    }

    public static Metrics vector(List<Retrieved> all) {
        return Metrics.of(all.stream().map(r -> rank(docIds(r.legs().vector()), r.query())).toList());
    }

    /** The vector leg with the question embedded without the retrieval instruction (when the fusion uses it). */
    public static Metrics plainVector(List<Retrieved> all) {
        return Metrics.of(all.stream().map(r -> rank(docIds(r.legs().plainVector()), r.query())).toList());
    }

    public static Metrics fused(List<Retrieved> all, Fusion fusion) {
        return Metrics.of(all.stream().map(r -> rank(passageDocIds(HybridRetriever.fuse(r.legs(), fusion)),
                r.query())).toList());
    }

    /**
     * Fused metrics where a near-copy of the gold passage (see {@link NearDuplicates}) also counts as relevant: how
     * much of the remaining error is duplicates in the corpus rather than retrieval.
     */
    static Metrics fusedAllowingNearCopies(List<Retrieved> all, Fusion fusion, NearDuplicates copies) {
        return Metrics.of(all.stream().map(r -> {
            List<String> ids = passageDocIds(HybridRetriever.fuse(r.legs(), fusion));
            String gold = r.query().relevantId();
            for (int i = 0; i < ids.size(); i++) {
                if (copies.similar(gold, ids.get(i).replaceFirst("\\.txt$", ""))) return i + 1;
            }
            return 0;
        }).toList());
    }

    private static List<String> docIds(List<ScoredChunk> chunks) {
        return new ArrayList<>(new LinkedHashSet<>(chunks.stream().map(c -> c.chunk().docId()).toList()));
    }

    private static List<String> passageDocIds(List<Passage> passages) {
        return new ArrayList<>(new LinkedHashSet<>(passages.stream().map(p -> p.chunk().docId()).toList()));
    }

    private static int rank(List<String> docIds, EvalSet.EvalQuery q) {
        return docIds.indexOf(q.relevantId() + ".txt") + 1;
    }

    /** Gold ranks after reranking, in question order, with the reranker's call statistics. */
    public record Reranked(List<Integer> ranks, long calls, long fallbacks, double p50Millis, double p99Millis) {
    }

    /** Fuses each question's legs, lets {@code reranker} re-order them and ranks the gold passage. */
    public static Reranked rerank(List<Retrieved> all, Fusion fusion, Reranker reranker) {
        List<Integer> ranks = new ArrayList<>(all.size());
        long[] nanos = new long[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Retrieved r = all.get(i);
            long start = System.nanoTime();
            List<Passage> out = reranker.rerank(r.query().question(), HybridRetriever.fuse(r.legs(), fusion));
            nanos[i] = System.nanoTime() - start;
            ranks.add(rank(passageDocIds(out), r.query()));
        }
        Arrays.sort(nanos);
        return new Reranked(ranks, reranker.calls(), reranker.fallbacks(), percentile(nanos, 0.50) / 1e6,
                percentile(nanos, 0.99) / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }

    /** Metrics of the three legs plus named fusions, in print order. */
    public static Map<String, Metrics> report(List<Retrieved> all, Map<String, Fusion> fusions) {
        Map<String, Metrics> out = new LinkedHashMap<>();
        out.put("keyword", keyword(all));
        out.put("vector", vector(all));
        if (all.stream().anyMatch(r -> !r.legs().plainVector().isEmpty())) out.put("vector (plain query)", plainVector(all));
        fusions.forEach((name, f) -> out.put(name, fused(all, f)));
        return out;
    }
}
