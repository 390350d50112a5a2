package org.finassist.rag;

/**
 * A document held by a store.
 *
 * @param kbId        knowledge base
 * @param docId       document id
 * @param title       title
 * @param docType     type
 * @param contentHash SHA-256 of the source bytes, used to skip unchanged documents
 * @param chunkCount  number of chunks indexed
 */
public record DocumentInfo(String kbId, String docId, String title, DocType docType, String contentHash,
                           int chunkCount) {
}
