package org.finassist.rag;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import dev.langchain4j.rag.content.retriever.ContentRetriever;
import org.finassist.rag.chunk.ChineseChunker;
import org.finassist.rag.embed.Embedder;
import org.finassist.rag.ingest.IngestProgress;
import org.finassist.rag.ingest.IngestResult;
import org.finassist.rag.ingest.Ingestor;
import org.finassist.rag.ingest.SourceFile;
import org.finassist.rag.retrieve.HybridRetriever;
import org.finassist.rag.retrieve.KnowledgeContentRetriever;
import org.finassist.rag.retrieve.RetrievalOptions;
import org.finassist.rag.retrieve.Reranker;
import org.finassist.rag.retrieve.RetrievalResult;
import org.finassist.rag.segment.ChineseSegmenter;
import org.finassist.rag.segment.FinanceDictionary;

/**
 * The writable knowledge-base API: ingest and delete documents, search with evidence. Read-only consumers get a
 * {@link ContentRetriever} from {@link #retriever(Set)} and never see this class.
 */
public final class KnowledgeIndex implements AutoCloseable {

    /** Default per-file size limit: 50 MiB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;

    private final KnowledgeStore store;
    private final Ingestor ingestor;
    private final HybridRetriever retriever;

    private KnowledgeIndex(Builder b) {
        this.store = Objects.requireNonNull(b.store, "store");
        Embedder embedder = Objects.requireNonNull(b.embedder, "embedder");
        ChineseSegmenter segmenter = b.segmenter != null ? b.segmenter
                : new ChineseSegmenter(FinanceDictionary.bundled());
        ChineseChunker chunker = b.chunker != null ? b.chunker : new ChineseChunker();
        RetrievalOptions options = b.options != null ? b.options : RetrievalOptions.defaults();
        long maxBytes = b.maxFileBytes > 0 ? b.maxFileBytes : DEFAULT_MAX_FILE_BYTES;
        this.ingestor = new Ingestor(store, embedder, segmenter, chunker, maxBytes);
        this.retriever = new HybridRetriever(store, embedder, segmenter, options, b.reranker);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<IngestResult> ingest(String kbId, List<SourceFile> files) {
        return ingest(kbId, files, p -> { });
    }

    public List<IngestResult> ingest(String kbId, List<SourceFile> files, Consumer<IngestProgress> progress) {
        return ingestor.ingest(kbId, files, progress);
    }

    /**
     * Recomputes every chunk's vector and keyword tokens from the stored chunk texts (after a dictionary or embedding
     * model change); one result per document.
     */
    public List<IngestResult> reindex(String kbId, Consumer<IngestProgress> progress) {
        return ingestor.reindex(kbId, progress);
    }

    public boolean deleteDocument(String kbId, String docId) {
        return store.deleteDocument(kbId, docId);
    }

    public long deleteKnowledgeBase(String kbId) {
        return store.deleteKnowledgeBase(kbId);
    }

    public List<DocumentInfo> documents(String kbId) {
        return store.documents(kbId);
    }

    /**
     * Entries of {@code kbId} due for review on {@code today}: expired, expiring within {@code horizonDays} or undated;
     * FAQ entries one by one, other documents as a whole. Most urgent first.
     */
    public List<ReviewItem> dueForReview(String kbId, java.time.LocalDate today, int horizonDays) {
        List<ReviewItem> out = new java.util.ArrayList<>();
        for (DocumentInfo d : store.documents(kbId)) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Chunk c : store.chunks(kbId, d.docId())) {
                String key = c.isFaq() ? c.faq().question() + "@" + c.effectiveFrom() : "";
                if (!seen.add(key)) continue;
                ReviewItem.Reason r = ReviewItem.reasonFor(c.effectiveFrom(), c.effectiveTo(), today, horizonDays);
                if (r != null) {
                    out.add(new ReviewItem(d.docId(), d.title(), c.isFaq() ? c.faq().question() : null,
                            c.isFaq() ? c.faq().source() : null, c.effectiveFrom(), c.effectiveTo(), r));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(ReviewItem::reason));
        return out;
    }

    public long chunkCount(String kbId) {
        return store.chunkCount(kbId);
    }

    public RetrievalResult search(String question, SearchFilter filter) {
        return retriever.search(question, filter);
    }

    public HybridRetriever hybridRetriever() {
        return retriever;
    }

    /** Read-only retrieval limited to {@code allowedKbIds}. */
    public ContentRetriever retriever(Set<String> allowedKbIds) {
        return new KnowledgeContentRetriever(retriever, allowedKbIds);
    }

    @Override
    public void close() {
        store.close();
    }

    /** Builder: store and embedder are required; the rest has defaults. */
    public static final class Builder {
        private KnowledgeStore store;
        private Embedder embedder;
        private ChineseSegmenter segmenter;
        private ChineseChunker chunker;
        private RetrievalOptions options;
        private long maxFileBytes;
        private Reranker reranker;

        public Builder store(KnowledgeStore store) { this.store = store; return this; }
        public Builder embedder(Embedder embedder) { this.embedder = embedder; return this; }
        public Builder segmenter(ChineseSegmenter segmenter) { this.segmenter = segmenter; return this; }
        public Builder chunker(ChineseChunker chunker) { this.chunker = chunker; return this; }
        public Builder options(RetrievalOptions options) { this.options = options; return this; }
        public Builder maxFileBytes(long maxFileBytes) { this.maxFileBytes = maxFileBytes; return this; }
        /** Optional second stage re-ordering the best fused passages; none by default. */
        public Builder reranker(Reranker reranker) { this.reranker = reranker; return this; }

        public KnowledgeIndex build() {
            return new KnowledgeIndex(this);
        }
    }
}
