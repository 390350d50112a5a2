package org.finassist.core.assistant;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Passage;
import org.finassist.core.classify.Classification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Grounds the {@code qa} scenario in a knowledge base through langchain4j's {@link ContentRetriever}. An FAQ hit
 * (metadata {@code faq_direct = "true"}) becomes the direct answer; other contents become numbered passages with
 * their document title and heading path for citations. The metadata keys are rag-index's (see its package-info).
 */
public final class RetrieverGrounding implements GroundingSource {

    private final Function<Set<String>, ContentRetriever> retrievers;
    private final List<String> defaultKnowledgeBases;

    /**
     * @param retrievers            a read-only retriever limited to the given knowledge bases
     * @param defaultKnowledgeBases what a request that names none may read
     */
    public RetrieverGrounding(Function<Set<String>, ContentRetriever> retrievers, List<String> defaultKnowledgeBases) {
        this.retrievers = retrievers;
        this.defaultKnowledgeBases = List.copyOf(defaultKnowledgeBases);
    }

    @Override
    public Grounding ground(String question, Classification classification, List<String> knowledgeBases) {
        Set<String> kbs = new LinkedHashSet<>(knowledgeBases.isEmpty() ? defaultKnowledgeBases : knowledgeBases);
        List<Content> contents = retrievers.apply(kbs).retrieve(Query.from(question));
        List<Passage> passages = new ArrayList<>();
        String direct = null;
        for (Content c : contents) {
            TextSegment s = c.textSegment();
            var meta = s.metadata();
            if (direct == null && "true".equals(meta.getString("faq_direct"))) {
                direct = s.text();
            }
            passages.add(new Passage(meta.getString("chunk_id"), orEmpty(meta.getString("document_title")),
                    orEmpty(meta.getString("heading_path")), s.text(), score(c, meta.getDouble("score")),
                    similarity(meta.getDouble("vector_score"))));
        }
        return new Grounding(passages, Map.of(), direct);
    }

    private static double score(Content c, Double fromSegment) {
        Object s = c.metadata().get(ContentMetadata.SCORE);
        if (s instanceof Number n) {
            return n.doubleValue();
        }
        return fromSegment == null ? 0 : fromSegment;
    }

    private static double similarity(Double vectorScore) {
        return vectorScore == null ? Double.NaN : vectorScore;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
