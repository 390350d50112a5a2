package org.finassist.rag.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.finassist.rag.Chunk;
import org.finassist.rag.DocumentInfo;
import org.finassist.rag.IndexedChunk;
import org.finassist.rag.KnowledgeStore;
import org.finassist.rag.embed.Embedder;

/**
 * Rebuilds every chunk's vector and keyword tokens from the stored chunk text, document by document, each replaced
 * atomically: what a knowledge base needs after the domain dictionary or the embedding model changed. The chunks'
 * boundaries and texts stay; the originals of the files are not needed.
 */
final class Reindexer {

    private final KnowledgeStore store;
    private final Embedder embedder;
    private final ChunkBuilder chunks;

    Reindexer(KnowledgeStore store, Embedder embedder, ChunkBuilder chunks) {
        this.store = store;
        this.embedder = embedder;
        this.chunks = chunks;
    }

    List<IngestResult> reindex(String kbId, Consumer<IngestProgress> progress) {
        List<DocumentInfo> docs = store.documents(kbId);
        List<IngestResult> results = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            DocumentInfo doc = docs.get(i);
            try {
                results.add(reindex(doc, i, docs.size(), progress));
            } catch (RuntimeException e) {
                results.add(new IngestResult.Failed(doc.docId(), "reindex failed: " + e));
            }
        }
        return results;
    }

    private IngestResult reindex(DocumentInfo doc, int index, int count, Consumer<IngestProgress> progress) {
        List<Chunk> stored = store.chunks(doc.kbId(), doc.docId());
        if (stored.isEmpty()) return new IngestResult.Failed(doc.docId(), "no stored chunks to reindex");
        List<ChunkBuilder.Draft> drafts = stored.stream().map(chunks::redraft).toList();
        List<float[]> vectors = embedder.passages(drafts.stream().map(ChunkBuilder.Draft::embeddingText).toList(),
                done -> progress.accept(new IngestProgress(index, count, doc.docId(), done, drafts.size())));
        List<IndexedChunk> indexed = new ArrayList<>(drafts.size());
        for (int j = 0; j < drafts.size(); j++) {
            indexed.add(new IndexedChunk(drafts.get(j).chunk(), vectors.get(j), drafts.get(j).tokens()));
        }
        store.replaceDocument(doc, indexed);
        return new IngestResult.Indexed(doc.docId(), doc.docId(), indexed.size(), List.of());
    }
}
