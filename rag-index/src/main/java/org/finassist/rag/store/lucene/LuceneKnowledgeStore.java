package org.finassist.rag.store.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.finassist.rag.Chunk;
import org.finassist.rag.DocumentInfo;
import org.finassist.rag.IndexedChunk;
import org.finassist.rag.KnowledgeStore;
import org.finassist.rag.ScoredChunk;
import org.finassist.rag.SearchFilter;

/**
 * The embedded store: one Lucene index on disk holding every knowledge base, with BM25 over the segmented tokens and
 * HNSW over the embeddings (cosine). Each write is visible to the next search on return and committed (durable) within
 * a second, at the end of an ingestion batch ({@link #commit()}), on deletions and on close.
 */
public final class LuceneKnowledgeStore implements KnowledgeStore {

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private static final long COMMIT_EVERY_NANOS = 1_000_000_000L;
    private long lastCommit = System.nanoTime();

    private LuceneKnowledgeStore(Directory directory) {
        try {
            this.directory = directory;
            // the analyzer is never used for our fields: keyword tokens arrive pre-segmented
            this.writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            // no intra-query executor: the two legs already run in parallel, and on two cores per-segment slices
            // on top of them made the 100k-chunk p99 worse (60 ms against 38 ms, docs/benchmarks.md)
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open Lucene index", e);
        }
    }

    /** Opens (or creates) the index in {@code dir}. */
    public static LuceneKnowledgeStore open(Path dir) {
        try {
            return new LuceneKnowledgeStore(FSDirectory.open(dir));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof org.apache.lucene.store.LockObtainFailedException) {
                throw new IllegalStateException("The knowledge index at " + dir + " is in use by another process. The "
                        + "Lucene store serves a single node; several nodes share knowledge through PostgreSQL + "
                        + "pgvector (finassist.rag.store=pgvector, on by default with SPRING_PROFILES_ACTIVE=postgres)", e);
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open Lucene index at " + dir, e);
        }
    }

    /** An index in memory (tests, evaluation). */
    public static LuceneKnowledgeStore inMemory() {
        return new LuceneKnowledgeStore(new ByteBuffersDirectory());
    }

    @Override
    public synchronized void replaceDocument(DocumentInfo document, List<IndexedChunk> chunks) {
        if (chunks.isEmpty()) throw new IllegalArgumentException("a document needs at least one chunk");
        List<Document> docs = chunks.stream()
                .map(c -> ChunkDocuments.toDocument(document, c, chunks.size())).toList();
        write(() -> writer.updateDocuments(new Term(ChunkDocuments.DOC_KEY,
                ChunkDocuments.docKey(document.kbId(), document.docId())), docs));
    }

    @Override
    public synchronized boolean deleteDocument(String kbId, String docId) {
        boolean existed = document(kbId, docId).isPresent();
        write(() -> writer.deleteDocuments(new Term(ChunkDocuments.DOC_KEY, ChunkDocuments.docKey(kbId, docId))));
        commit(); // a deletion is one operator action: durable before it returns
        return existed;
    }

    @Override
    public synchronized long deleteKnowledgeBase(String kbId) {
        long count = chunkCount(kbId);
        write(() -> writer.deleteDocuments(new Term(ChunkDocuments.KB, kbId)));
        commit();
        return count;
    }

    @Override
    public Optional<DocumentInfo> document(String kbId, String docId) {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(ChunkDocuments.DOC_KEY, ChunkDocuments.docKey(kbId, docId))), Occur.FILTER)
                .add(new TermQuery(new Term(ChunkDocuments.FIRST, "1")), Occur.FILTER).build();
        return read(s -> {
            TopDocs top = s.search(q, 1);
            return top.scoreDocs.length == 0 ? Optional.<DocumentInfo>empty()
                    : Optional.of(ChunkDocuments.toInfo(s.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    @Override
    public List<DocumentInfo> documents(String kbId) {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(ChunkDocuments.KB, kbId)), Occur.FILTER)
                .add(new TermQuery(new Term(ChunkDocuments.FIRST, "1")), Occur.FILTER).build();
        return read(s -> {
            Map<String, DocumentInfo> byId = new LinkedHashMap<>();
            StoredFields fields = s.storedFields();
            for (ScoreDoc sd : s.search(q, Integer.MAX_VALUE, Sort.INDEXORDER).scoreDocs) {
                DocumentInfo info = ChunkDocuments.toInfo(fields.document(sd.doc));
                byId.put(info.docId(), info);
            }
            return byId.values().stream().sorted(java.util.Comparator.comparing(DocumentInfo::docId)).toList();
        });
    }

    @Override
    public List<ScoredChunk> keywordSearch(List<String> tokens, SearchFilter filter, int k) {
        if (tokens.isEmpty()) return List.of();
        Map<String, Integer> counts = new LinkedHashMap<>();
        tokens.forEach(t -> counts.merge(t, 1, Integer::sum));
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        counts.forEach((t, n) -> terms.add(
                new BoostQuery(new TermQuery(new Term(ChunkDocuments.KEYWORDS, t)), n), Occur.SHOULD));
        Query q = new BooleanQuery.Builder().add(terms.build(), Occur.MUST)
                .add(LuceneFilters.of(filter), Occur.FILTER).build();
        return read(s -> scored(s, s.search(q, k), false));
    }

    @Override
    public List<ScoredChunk> vectorSearch(float[] vector, SearchFilter filter, int k) {
        Query q = new KnnFloatVectorQuery(ChunkDocuments.VECTOR, vector, k, LuceneFilters.of(filter));
        return read(s -> scored(s, s.search(q, k), true));
    }

    private static List<ScoredChunk> scored(IndexSearcher s, TopDocs top, boolean cosine) throws IOException {
        StoredFields fields = s.storedFields();
        List<ScoredChunk> out = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            // Lucene scores COSINE as (1 + cos) / 2; the contract speaks cosine
            double score = cosine ? 2.0 * sd.score - 1.0 : sd.score;
            out.add(new ScoredChunk(ChunkDocuments.toChunk(fields.document(sd.doc)), score));
        }
        return out;
    }

    @Override
    public List<Chunk> chunks(String kbId, String docId) {
        Query q = new TermQuery(new Term(ChunkDocuments.DOC_KEY, ChunkDocuments.docKey(kbId, docId)));
        return read(s -> {
            StoredFields fields = s.storedFields();
            List<Chunk> out = new ArrayList<>();
            for (ScoreDoc sd : s.search(q, Integer.MAX_VALUE).scoreDocs) out.add(ChunkDocuments.toChunk(fields.document(sd.doc)));
            out.sort(java.util.Comparator.comparingInt(Chunk::ordinal));
            return out;
        });
    }

    @Override
    public long chunkCount(String kbId) {
        return read(s -> (long) s.count(new TermQuery(new Term(ChunkDocuments.KB, kbId))));
    }

    /** Total chunks in the index (all knowledge bases). */
    public long totalChunks() {
        return read(s -> (long) s.count(new MatchAllDocsQuery()));
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface IndexWrite {
        void run() throws IOException;
    }

    private interface IndexRead<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private void write(IndexWrite op) {
        try {
            op.run();
            // visible to the next search at once; durable at the next commit: at most a second later, at the end of
            // an ingestion batch (commit()), or on close. A commit fsyncs (≈25 ms), which per small file dominated
            // ingesting many of them. Each document stays atomic: a crash loses whole uncommitted documents only.
            if (System.nanoTime() - lastCommit >= COMMIT_EVERY_NANOS) commitNow();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene write failed", e);
        }
    }

    @Override
    public synchronized void commit() {
        try {
            commitNow();
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene commit failed", e);
        }
    }

    private void commitNow() throws IOException {
        writer.commit();
        lastCommit = System.nanoTime();
    }

    private <T> T read(IndexRead<T> op) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return op.apply(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene read failed", e);
        }
    }
}
