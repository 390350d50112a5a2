package org.finassist.server.kb;

import org.finassist.core.assistant.RetrieverGrounding;
import org.finassist.core.router.Scenario;
import org.finassist.server.router.ScenarioGrounding;
import org.finassist.rag.KnowledgeIndex;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.List;

/** Grounds the {@code qa} scenario in the knowledge bases through rag-index's read-only ContentRetriever. */
@Configuration(proxyBeanMethods = false)
class QaGroundingConfiguration {

    /** How long a question asked during the demo knowledge base's first load waits for it. */
    static final Duration FIRST_LOAD_WAIT = Duration.ofSeconds(60);

    @Bean
    ScenarioGrounding qaGrounding(KnowledgeIndex index, DemoLoading loading,
                                  @Value("${finassist.rag.default-kb-ids:demo}") List<String> defaultKbIds) {
        return new ScenarioGrounding(Scenario.QA, new RetrieverGrounding(kbs -> {
            loading.await(FIRST_LOAD_WAIT);
            return index.retriever(kbs);
        }, defaultKbIds));
    }
}
