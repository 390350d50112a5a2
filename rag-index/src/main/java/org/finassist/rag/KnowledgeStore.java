package org.finassist.rag;

import java.util.List;
import java.util.Optional;

/**
 * The writable index of chunks behind every knowledge base: a keyword leg over segmented tokens and a vector leg over
 * embeddings. Implementations: an on-disk Lucene index (embedded default) and PostgreSQL + pgvector (production).
 * Both pass the same contract suite.
 *
 * <p>Guarantees every implementation gives:
 * <ul>
 *   <li>{@link #replaceDocument} is atomic: readers see either all old chunks of the document or all new ones,
 *       never a mix and never a half-written document;</li>
 *   <li>a write is visible to the next search on return (a deleted document disappears at once);</li>
 *   <li>searches never return chunks outside {@link SearchFilter#kbIds()};</li>
 *   <li>vector scores are cosine similarities; keyword scores grow with relevance.</li>
 * </ul>
 * Read-only consumers use {@link dev.langchain4j.rag.content.retriever.ContentRetriever} instead (see
 * {@link KnowledgeIndex#retriever}).
 */
public interface KnowledgeStore extends AutoCloseable {

    /**
     * Replaces all chunks of one document by {@code chunks} (which all carry {@code kbId} and {@code docId}).
     *
     * @param document the document's description (its chunk count is taken from {@code chunks})
     * @param chunks   the new chunks; must not be empty
     */
    void replaceDocument(DocumentInfo document, List<IndexedChunk> chunks);

    /** Removes a document and its chunks; returns whether it existed. */
    boolean deleteDocument(String kbId, String docId);

    /** Removes every document of a knowledge base; returns the number of chunks removed. */
    long deleteKnowledgeBase(String kbId);

    /** The document as stored, if any. */
    Optional<DocumentInfo> document(String kbId, String docId);

    /** All documents of a knowledge base, ordered by document id. */
    List<DocumentInfo> documents(String kbId);

    /** Best {@code k} chunks matching any of the segmented query {@code tokens}, best first. */
    List<ScoredChunk> keywordSearch(List<String> tokens, SearchFilter filter, int k);

    /** The {@code k} chunks nearest to {@code vector} by cosine similarity, best first. */
    List<ScoredChunk> vectorSearch(float[] vector, SearchFilter filter, int k);

    /** The stored chunks of one document in their order (empty when there is no such document). */
    List<Chunk> chunks(String kbId, String docId);

    /**
     * Makes every write so far durable. Stores that commit each write themselves (PostgreSQL) need not do anything;
     * the Lucene store commits at most once a second on its own and on this call (the end of an ingestion batch).
     */
    default void commit() {
    }

    /** Number of chunks in a knowledge base. */
    long chunkCount(String kbId);

    @Override
    void close();
}
