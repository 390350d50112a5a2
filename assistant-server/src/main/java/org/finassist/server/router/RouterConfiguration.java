package org.finassist.server.router;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import io.micrometer.core.instrument.MeterRegistry;
import org.finassist.core.assistant.AssistantService;
import org.finassist.core.assistant.QueryRewriter;
import org.finassist.core.assistant.GroundingSource;
import org.finassist.core.assistant.KnowledgeAlongside;
import org.finassist.core.classify.HybridScenarioClassifier;
import org.finassist.core.gate.AnswerGate;
import org.finassist.core.handoff.HandoffDetector;
import org.finassist.core.classify.ScenarioClassifier;
import org.finassist.core.local.LocalGroundedModel;
import org.finassist.core.provider.ProviderClient;
import org.finassist.core.provider.ProviderConfig;
import org.finassist.core.provider.ProviderClients;
import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.RouterConfig;
import org.finassist.core.router.Scenario;
import org.finassist.prompts.PromptRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Wires the router, the classifier and the assistant pipeline from {@link RouterProperties}. */
@Configuration(proxyBeanMethods = false)
class RouterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RouterConfiguration.class);

    @Bean
    PromptRenderer promptRenderer() {
        return PromptRenderer.classpath();
    }

    @Bean
    ModelRouter modelRouter(RouterProperties properties, PromptRenderer prompts, MeterRegistry registry,
                            org.finassist.core.router.AccountLimits accounts) {
        RouterConfig config = properties.toConfig();
        List<ProviderClient> clients = new ArrayList<>();
        for (ProviderConfig p : config.providers()) {
            if (p.hasKey()) {
                clients.add(ProviderClients.create(p));
                log.info("Provider '{}' ({}) started at {} with models {}", p.id(), p.flavor(), p.baseUrl(),
                        p.modelsByAlias().keySet());
            } else {
                log.warn("Provider '{}' ({}) not started: no API key configured", p.id(), p.flavor());
            }
        }
        if (clients.isEmpty()) {
            log.info("No external provider started: every route answers through the local grounded model");
        }
        return new ModelRouter(config, clients, new LocalGroundedModel(prompts), new MicrometerRouterListener(registry),
                accounts);
    }

    @Bean
    ProvidersHealthIndicator providersHealthIndicator(ModelRouter router) {
        return new ProvidersHealthIndicator(router);
    }

    @Bean
    @ConditionalOnMissingBean
    EmbeddingModel embeddingModel() {
        // bge-small-zh-v1.5, quantized, in-process on onnxruntime: no network, ~1 s to load
        return new BgeSmallZhV15QuantizedEmbeddingModel();
    }

    @Bean
    ScenarioClassifier scenarioClassifier(EmbeddingModel embeddings, RouterProperties properties) {
        return new HybridScenarioClassifier(embeddings, properties.classifierMinConfidence());
    }

    @Bean
    AssistantService assistantService(ModelRouter router, ScenarioClassifier classifier, PromptRenderer prompts,
                                      ObjectProvider<ScenarioGrounding> groundings, RouterProperties properties,
                                      AnswerGate gate, HandoffDetector handoffs) {
        Map<Scenario, GroundingSource> sources = new EnumMap<>(Scenario.class);
        groundings.orderedStream().forEach(g -> sources.put(g.scenario(), g.source()));
        // the knowledge base (the qa route's source) answers beside every other scenario's own facts
        GroundingSource knowledge = sources.get(Scenario.QA);
        if (knowledge != null) {
            for (Scenario s : Scenario.values()) {
                if (s != Scenario.QA) {
                    sources.put(s, new KnowledgeAlongside(sources.get(s), knowledge));
                }
            }
        }
        log.info("Grounding sources: {}", sources.keySet());
        return new AssistantService(router, classifier, sources, prompts,
                QueryRewriter.viaRouter(router, prompts, properties.rewriteRoute()), gate, handoffs);
    }
}
