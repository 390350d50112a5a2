package org.finassist.rag.retrieve;

/** Metadata keys on every {@link dev.langchain4j.rag.content.Content} the knowledge retriever returns. */
public final class ContentKeys {

    public static final String KB_ID = "kb_id";
    public static final String DOCUMENT_ID = "document_id";
    public static final String DOCUMENT_TITLE = "document_title";
    public static final String DOCUMENT_TYPE = "document_type";
    public static final String HEADING_PATH = "heading_path";
    public static final String CHUNK_ID = "chunk_id";
    public static final String SCORE = "score";
    public static final String LEGS = "legs";
    /** The vector leg's cosine similarity of the query to the passage; present only when that leg found it. */
    public static final String VECTOR_SCORE = "vector_score";
    /** The reranker's relevance score; present only when a reranker ordered the passage. */
    public static final String RERANK_SCORE = "rerank_score";
    public static final String FAQ_QUESTION = "faq_question";
    public static final String FAQ_ANSWER = "faq_answer";
    public static final String FAQ_MATCHED_QUESTION = "faq_matched_question";
    public static final String FAQ_DIRECT = "faq_direct";
    /** Where an FAQ answer comes from; present when the entry names it. */
    public static final String SOURCE = "source";
    /** First day the entry is in force (ISO date); present when dated. */
    public static final String EFFECTIVE_FROM = "effective_from";

    private ContentKeys() {
    }
}
