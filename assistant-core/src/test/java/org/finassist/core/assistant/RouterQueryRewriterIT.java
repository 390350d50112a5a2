package org.finassist.core.assistant;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.finassist.core.chat.Completion;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.Passage;
import org.finassist.core.classify.HybridScenarioClassifier;
import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.fake.Script;
import org.finassist.core.local.LocalGroundedModel;
import org.finassist.core.provider.Flavor;
import org.finassist.core.provider.ModelSpec;
import org.finassist.core.provider.Prices;
import org.finassist.core.provider.ProviderConfig;
import org.finassist.core.provider.internal.OpenAiCompatibleClient;
import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.RouteConfig;
import org.finassist.core.router.RouterConfig;
import org.finassist.core.router.Scenario;
import org.finassist.prompts.PromptRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouterQueryRewriterIT {

    private static final List<Message> HISTORY = List.of(
            Message.user("开通创业板需要什么条件？"),
            Message.assistant("需要两年交易经验和10万元资产。"));

    private final FakeUpstream upstream = FakeUpstream.start("deepseek").keepBodies(true);

    @AfterEach
    void stop() {
        upstream.close();
    }

    private ModelRouter router(boolean withProvider) {
        ProviderConfig p = new ProviderConfig("ds", Flavor.DEEPSEEK, upstream.baseUrl(), "k",
                List.of(new ModelSpec("chat", "chat", 64_000, null)), 4, 0, null, null, null,
                new Prices(BigDecimal.ONE, BigDecimal.TEN, null));
        RouterConfig config = RouterConfig.defaults(List.of(p),
                Map.of("general", RouteConfig.parse("general", List.of("ds:chat")),
                        "qa", RouteConfig.parse("qa", List.of("ds:chat"))));
        return new ModelRouter(config, withProvider ? List.of(new OpenAiCompatibleClient(p)) : List.of(),
                new LocalGroundedModel(PromptRenderer.classpath()), null);
    }

    private QueryRewriter rewriter(boolean withProvider) {
        return QueryRewriter.viaRouter(router(withProvider), PromptRenderer.classpath(), "general");
    }

    @Test
    void aFollowUpIsRewrittenByTheModelWithTheConversationAsData() {
        upstream.always(Script.ok("改写后的问题：“开通创业板的手续费是多少？”"));
        String q = rewriter(true).rewrite(HISTORY, "那手续费呢？");
        assertThat(q).isEqualTo("开通创业板的手续费是多少？");
        assertThat(upstream.requests()).isEqualTo(1);
        String prompt = upstream.bodies().getFirst().path("messages").get(0).path("content").asText();
        assertThat(prompt).contains("客户：开通创业板需要什么条件？", "助手：需要两年交易经验", "那手续费呢？");
        assertThat(upstream.bodies().getFirst().path("temperature").asDouble()).isZero();
    }

    @Test
    void aFirstMessageIsNeverSentForRewriting() {
        upstream.always(Script.ok("不应被调用"));
        assertThat(rewriter(true).rewrite(List.of(), "那手续费呢？")).isEqualTo("那手续费呢？");
        assertThat(upstream.requests()).isZero();
    }

    @Test
    void withoutAStartedProviderTheLocalHeuristicRewritesAndNoModelIsCalled() {
        String q = rewriter(false).rewrite(HISTORY, "那手续费呢？");
        assertThat(q).isEqualTo("开通创业板需要什么条件？ 那手续费呢？");
        assertThat(upstream.requests()).isZero();
    }

    @Test
    void whenTheProviderFailsTheLocalHeuristicIsUsedNotTheLocalModelsAnswer() {
        upstream.always(Script.status(500, "boom"));
        String q = rewriter(true).rewrite(HISTORY, "那手续费呢？");
        assertThat(q).isEqualTo("开通创业板需要什么条件？ 那手续费呢？");
        assertThat(upstream.requests()).isPositive();
    }

    @Test
    void anOverlongOrEmptyRewriteFallsBackToTheHeuristic() {
        upstream.always(Script.ok("   "));
        assertThat(rewriter(true).rewrite(HISTORY, "那手续费呢？")).isEqualTo("开通创业板需要什么条件？ 那手续费呢？");
        upstream.always(Script.ok("很".repeat(300)));
        assertThat(rewriter(true).rewrite(HISTORY, "那手续费呢？")).isEqualTo("开通创业板需要什么条件？ 那手续费呢？");
    }

    @Test
    void theAssistantRetrievesWithTheRewrittenQuestion() {
        upstream.enqueue(Script.ok("开通创业板的手续费是多少？"), Script.ok("手续费见资料[1]。"));
        List<String> queries = new ArrayList<>();
        GroundingSource source = (q, c, kbs) -> {
            queries.add(q);
            return new Grounding(List.<Passage>of(), Map.of(), null);
        };
        ModelRouter router = router(true);
        AssistantService service = new AssistantService(router, new HybridScenarioClassifier(null, 0.45),
                Map.of(Scenario.QA, source), PromptRenderer.classpath(),
                QueryRewriter.viaRouter(router, PromptRenderer.classpath(), "general"));
        StringBuilder answer = new StringBuilder();
        List<Completion> done = new ArrayList<>();
        service.turn(new TurnRequest(HISTORY, "那手续费呢？", Scenario.QA, List.of(), false), new TurnListener() {
            @Override
            public void onClassified(org.finassist.core.classify.Classification classification) {
            }

            @Override
            public void onCitations(List<Passage> citations) {
            }

            @Override
            public void onContent(String delta) {
                answer.append(delta);
            }

            @Override
            public void onComplete(Completion completion) {
                done.add(completion);
            }

            @Override
            public void onError(org.finassist.core.chat.RouterException error) {
                throw error;
            }
        });
        assertThat(queries).containsExactly("开通创业板的手续费是多少？");
        assertThat(answer).hasToString("手续费见资料[1]。");
        assertThat(done).singleElement().extracting(Completion::provider).isEqualTo("ds");
    }
}
