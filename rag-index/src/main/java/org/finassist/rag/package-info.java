/**
 * Knowledge bases: ingestion, Chinese-aware chunking, embeddings, embedded and pgvector stores, hybrid retrieval.
 *
 * <h2>Two faces</h2>
 * <ul>
 *   <li>Writable: {@link org.finassist.rag.KnowledgeIndex} (ingest, delete, search with evidence) over a
 *       {@link org.finassist.rag.KnowledgeStore} — {@code store.lucene.LuceneKnowledgeStore} (embedded, on disk) or
 *       {@code store.pgvector.PgVectorKnowledgeStore} (PostgreSQL + pgvector).</li>
 *   <li>Read-only: {@link org.finassist.rag.KnowledgeIndex#retriever(java.util.Set)} returns langchain4j's
 *       {@code ContentRetriever} limited to a set of knowledge bases. That is all assistant-core sees.</li>
 * </ul>
 *
 * <h2>What the ContentRetriever returns</h2>
 * An FAQ fast-path hit yields exactly one {@code Content} whose text is the FAQ answer, to be returned as is;
 * otherwise one {@code Content} per passage, best first (text = the passage); "not found" (best cosine similarity
 * below the threshold) yields an empty list — answer "I don't know" and hand off to a human.
 * Each {@code Content} has {@code ContentMetadata.SCORE} (fused score) and {@code ContentMetadata.EMBEDDING_ID}
 * (chunk id), plus {@code ContentMetadata.RERANKED_SCORE} when a reranker ordered it, and its {@code TextSegment}
 * metadata carries these keys (constants in {@link org.finassist.rag.retrieve.ContentKeys}):
 * <table>
 *   <caption>Content metadata keys</caption>
 *   <tr><th>key</th><th>type</th><th>meaning</th></tr>
 *   <tr><td>{@code kb_id}</td><td>String</td><td>knowledge base id</td></tr>
 *   <tr><td>{@code document_id}</td><td>String</td><td>document id (the uploaded file name)</td></tr>
 *   <tr><td>{@code document_title}</td><td>String</td><td>document title, for citations</td></tr>
 *   <tr><td>{@code document_type}</td><td>String</td><td>markdown, html, text, pdf or faq</td></tr>
 *   <tr><td>{@code heading_path}</td><td>String</td><td>headings joined with " &gt; " (PDF: "第N页"; FAQ: the
 *       canonical question); empty when none</td></tr>
 *   <tr><td>{@code chunk_id}</td><td>String</td><td>{@code kbId/docId#ordinal}</td></tr>
 *   <tr><td>{@code score}</td><td>Double</td><td>fused score (FAQ hit: question similarity)</td></tr>
 *   <tr><td>{@code legs}</td><td>String</td><td>comma-separated legs that found it: KEYWORD, VECTOR, FAQ</td></tr>
 *   <tr><td>{@code rerank_score}</td><td>Double</td><td>the reranker's relevance score, when one ordered it</td></tr>
 *   <tr><td>{@code faq_direct}</td><td>String</td><td>"true" when the text is an FAQ answer to return as is</td></tr>
 *   <tr><td>{@code faq_question}</td><td>String</td><td>FAQ only: the canonical question</td></tr>
 *   <tr><td>{@code faq_matched_question}</td><td>String</td><td>FAQ only: the phrasing that matched</td></tr>
 *   <tr><td>{@code faq_answer}</td><td>String</td><td>FAQ only: the answer</td></tr>
 * </table>
 *
 * <h2>Packages</h2>
 * {@code segment} (Chinese segmenter + domain dictionary), {@code chunk} (sentence-aware chunking), {@code ingest}
 * (parsers, incremental ingestion), {@code embed} (batched embeddings), {@code store.*} (the two stores),
 * {@code retrieve} (hybrid retrieval, fusion, FAQ fast path, reranking, ContentRetriever), {@code rerank} (HTTP
 * rerank endpoints), {@code eval} (the {@code eval} command), {@code bench} (store benchmark), {@code demo} (the
 * demo knowledge base).
 */
package org.finassist.rag;
