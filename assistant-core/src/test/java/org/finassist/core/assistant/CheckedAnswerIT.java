package org.finassist.core.assistant;

import org.finassist.core.chat.Attempt;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionListener;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Passage;
import org.finassist.core.chat.RouterException;
import org.finassist.core.classify.Classification;
import org.finassist.core.classify.HybridScenarioClassifier;
import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.fake.Script;
import org.finassist.core.local.LocalGroundedModel;
import org.finassist.core.provider.Flavor;
import org.finassist.core.provider.ModelSpec;
import org.finassist.core.provider.ProviderConfig;
import org.finassist.core.provider.internal.OpenAiCompatibleClient;
import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.RouteConfig;
import org.finassist.core.router.RouterConfig;
import org.finassist.core.router.Scenario;
import org.finassist.prompts.PromptRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CheckedAnswerIT {

    private final FakeUpstream upstream = FakeUpstream.start("deepseek");

    @AfterEach
    void stop() {
        upstream.close();
    }

    private AssistantService service() {
        ProviderConfig p = new ProviderConfig("ds", Flavor.DEEPSEEK, upstream.baseUrl(), "k",
                List.of(new ModelSpec("chat", "chat", 64_000, null)), 4, 0, null, null, null,
                new org.finassist.core.provider.Prices(java.math.BigDecimal.ONE, java.math.BigDecimal.TEN, null));
        RouterConfig config = RouterConfig.defaults(List.of(p),
                Map.of("stock-diagnosis", RouteConfig.parse("stock-diagnosis", List.of("ds:chat"))));
        ModelRouter router = new ModelRouter(config, List.of(new OpenAiCompatibleClient(p)),
                new LocalGroundedModel(PromptRenderer.classpath()), null);
        // a check that allows only the price 10.25
        GroundingSource source = (q, c, kbs) -> new Grounding(List.<Passage>of(), Map.of("收盘价", "10.25元"),
                "浦发银行最新收盘价10.25元。【AI生成】")
                .withCheck(answer -> answer.contains("11.") || answer.contains("买入") ? List.of("ungrounded or advice") : List.of());
        return new AssistantService(router, new HybridScenarioClassifier(null, 0.45),
                Map.of(Scenario.STOCK_DIAGNOSIS, source), PromptRenderer.classpath());
    }

    @Test
    void aGroundedAnswerIsStreamedAfterItPassedTheCheck() {
        upstream.always(Script.ok("收盘价10.25元，走势偏强。"));
        Recorder r = run();
        assertThat(r.text()).startsWith("收盘价10.25元，走势偏强。")
                .as("a route that states market facts closes with the risk disclaimer")
                .endsWith(org.finassist.core.guardrail.Disclosure.DEFAULT.disclaimer());
        assertThat(r.done.provider()).isEqualTo("ds");
    }

    @Test
    void anAnswerWithAWrongPriceOrAdviceIsReplacedByTheGroundedText() {
        upstream.always(Script.ok("收盘价11.80元，建议买入。"));
        Recorder r = run();
        assertThat(r.text()).startsWith("浦发银行最新收盘价10.25元。【AI生成】").doesNotContain("买入")
                .doesNotContain("11.80");
        assertThat(r.done.provider()).isEqualTo("local");
        assertThat(r.attempts).extracting(Attempt::outcome).contains("rejected");
        assertThat(r.done.costCny()).as("the rejected answer was still paid for").isPositive();
    }

    private Recorder run() {
        Recorder r = new Recorder();
        service().turn(new TurnRequest(List.of(), "诊股 600000", null, List.of(), false), r);
        return r;
    }

    static final class Recorder implements TurnListener {
        final List<String> content = new ArrayList<>();
        final List<Attempt> attempts = new ArrayList<>();
        Completion done;

        @Override
        public void onClassified(Classification classification) {
            assertThat(classification.scenario()).isEqualTo(Scenario.STOCK_DIAGNOSIS);
        }

        @Override
        public void onCitations(List<Passage> citations) {
        }

        @Override
        public void onAttempt(Attempt attempt) {
            attempts.add(attempt);
        }

        @Override
        public void onContent(String delta) {
            content.add(delta);
        }

        @Override
        public void onComplete(Completion completion) {
            done = completion;
        }

        @Override
        public void onError(RouterException error) {
            throw error;
        }

        String text() {
            return String.join("", content);
        }
    }
}
