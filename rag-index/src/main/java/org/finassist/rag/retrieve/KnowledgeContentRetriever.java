package org.finassist.rag.retrieve;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import org.finassist.rag.Chunk;
import org.finassist.rag.SearchFilter;

/**
 * Read-only retrieval over a fixed set of knowledge bases, as langchain4j's {@link ContentRetriever}. An FAQ hit
 * yields one content whose text is the FAQ answer ({@code faq_direct = true}); found passages yield one content each;
 * "not found" yields an empty list. Only entries in force today are read (an expired rule must not answer).
 * Metadata keys: {@link ContentKeys}.
 */
public final class KnowledgeContentRetriever implements ContentRetriever {

    private final HybridRetriever retriever;
    private final Set<String> allowedKbIds;
    private final Clock clock;

    public KnowledgeContentRetriever(HybridRetriever retriever, Set<String> allowedKbIds) {
        this(retriever, allowedKbIds, Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    /** @param clock today's date in it decides which entries are in force (expired ones are not retrieved) */
    public KnowledgeContentRetriever(HybridRetriever retriever, Set<String> allowedKbIds, Clock clock) {
        this.retriever = retriever;
        this.allowedKbIds = Set.copyOf(allowedKbIds);
        this.clock = clock;
    }

    @Override
    public List<Content> retrieve(Query query) {
        SearchFilter filter = new SearchFilter(allowedKbIds, Set.of(), LocalDate.now(clock), null);
        return switch (retriever.search(query.text(), filter)) {
            case RetrievalResult.FaqAnswer faq -> List.of(content(faq.passage(), true));
            case RetrievalResult.Found found -> found.passages().stream().map(p -> content(p, false)).toList();
            case RetrievalResult.NotFound ignored -> List.of();
        };
    }

    static Content content(Passage p, boolean faqDirect) {
        Chunk c = p.chunk();
        Metadata md = new Metadata()
                .put(ContentKeys.KB_ID, c.kbId())
                .put(ContentKeys.DOCUMENT_ID, c.docId())
                .put(ContentKeys.DOCUMENT_TITLE, c.docTitle())
                .put(ContentKeys.DOCUMENT_TYPE, c.docType().key())
                .put(ContentKeys.HEADING_PATH, c.headingText())
                .put(ContentKeys.CHUNK_ID, c.id())
                .put(ContentKeys.SCORE, p.score())
                .put(ContentKeys.LEGS, p.legs().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .put(ContentKeys.FAQ_DIRECT, Boolean.toString(faqDirect));
        if (c.isFaq()) {
            md.put(ContentKeys.FAQ_QUESTION, c.faq().question())
                    .put(ContentKeys.FAQ_ANSWER, c.faq().answer())
                    .put(ContentKeys.FAQ_MATCHED_QUESTION, FaqText.matchedQuestion(c));
            if (c.faq().source() != null) md.put(ContentKeys.SOURCE, c.faq().source());
        }
        if (c.effectiveFrom() != null) md.put(ContentKeys.EFFECTIVE_FROM, c.effectiveFrom().toString());
        if (!Double.isNaN(p.vectorScore())) md.put(ContentKeys.VECTOR_SCORE, p.vectorScore());
        String text = faqDirect ? c.faq().answer() : c.text();
        Map<ContentMetadata, Object> cm = new HashMap<>();
        cm.put(ContentMetadata.SCORE, p.score());
        cm.put(ContentMetadata.EMBEDDING_ID, c.id());
        if (p.reranked()) {
            cm.put(ContentMetadata.RERANKED_SCORE, p.rerankScore());
            md.put(ContentKeys.RERANK_SCORE, p.rerankScore());
        }
        return Content.from(TextSegment.from(text, md), cm);
    }
}
