package org.finassist.core.assistant;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import org.finassist.core.chat.Grounding;
import org.finassist.core.classify.Classification;
import org.finassist.core.router.Scenario;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RetrieverGroundingTest {

    private final Classification qa = new Classification(Scenario.QA, 0.9, "rule", null);

    private static Content content(String text, Map<String, Object> meta) {
        return Content.from(TextSegment.from(text, Metadata.from(meta)));
    }

    @Test
    void faqHitBecomesTheDirectAnswerAndPassagesKeepTheirSources() {
        List<Set<String>> asked = new ArrayList<>();
        RetrieverGrounding g = new RetrieverGrounding(kbs -> {
            asked.add(kbs);
            return q -> List.of(
                    content("A股交易时间为9:30-11:30、13:00-15:00。", Map.of("faq_direct", "true", "chunk_id", "demo/faq#3",
                            "document_title", "常见问题", "heading_path", "交易时间是几点", "score", 0.93)),
                    content("集合竞价时间为9:15-9:25。", Map.of("chunk_id", "demo/rules#1", "document_title", "交易规则",
                            "heading_path", "交易时间 > 集合竞价", "score", 0.41, "vector_score", 0.66)));
        }, List.of("demo"));
        Grounding grounding = g.ground("几点开盘", qa, List.of());
        assertThat(asked).containsExactly(Set.of("demo"));
        assertThat(grounding.directAnswer()).startsWith("A股交易时间");
        assertThat(grounding.passages()).hasSize(2);
        assertThat(grounding.passages().get(1).source()).isEqualTo("交易规则");
        assertThat(grounding.passages().get(1).headingPath()).isEqualTo("交易时间 > 集合竞价");
        assertThat(grounding.passages().get(1).score()).isEqualTo(0.41);
        assertThat(grounding.passages().get(1).similarity()).isEqualTo(0.66);
        assertThat(grounding.passages().get(0).similarity()).as("found by keywords only").isNaN();
    }

    @Test
    void requestedKnowledgeBasesOverrideTheDefaultAndNothingFoundIsEmpty() {
        List<Set<String>> asked = new ArrayList<>();
        RetrieverGrounding g = new RetrieverGrounding(kbs -> {
            asked.add(kbs);
            return q -> List.of();
        }, List.of("demo"));
        assertThat(g.ground("x", qa, List.of("funds")).isEmpty()).isTrue();
        assertThat(asked).containsExactly(Set.of("funds"));
    }
}
