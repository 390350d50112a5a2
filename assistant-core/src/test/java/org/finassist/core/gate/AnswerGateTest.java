package org.finassist.core.gate;

import org.finassist.core.chat.Attempt;
import org.finassist.core.chat.Completion;
import org.finassist.core.chat.CompletionListener;
import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.RouterException;
import org.finassist.core.fake.FakeUpstream;
import org.finassist.core.fake.RedTeam;
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
import org.finassist.prompts.PromptRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate's stages against a scripted upstream: release order, one regeneration naming the sentence, fallback. */
class AnswerGateTest {

    private final FakeUpstream upstream = FakeUpstream.start("deepseek");
    private final List<Withhold> withholds = new ArrayList<>();
    private final AnswerGate gate = gate();

    @AfterEach
    void stop() {
        upstream.close();
    }

    private AnswerGate gate() {
        ProviderConfig p = new ProviderConfig("ds", Flavor.DEEPSEEK, upstream.baseUrl(), "k",
                List.of(new ModelSpec("chat", "chat", 64_000, null)), 4, 0, null, null, null,
                new Prices(BigDecimal.ONE, BigDecimal.TEN, null));
        ModelRouter router = new ModelRouter(RouterConfig.defaults(List.of(p),
                Map.of("general", RouteConfig.parse("general", List.of("ds:chat")))), List.of(new OpenAiCompatibleClient(p)),
                new LocalGroundedModel(PromptRenderer.classpath()), null);
        return new AnswerGate(router, PromptRenderer.classpath(), withholds::add);
    }

    private final CompletionRequest request = CompletionRequest.of("general", List.of(Message.user("开户要多久？")));

    /** Records deltas and attempts in order. */
    static class Recorder implements CompletionListener {
        final List<String> deltas = new ArrayList<>();
        final List<Attempt> attempts = new ArrayList<>();

        @Override
        public void onAttempt(Attempt attempt) {
            attempts.add(attempt);
        }

        @Override
        public void onContent(String delta) {
            deltas.add(delta);
        }

        @Override
        public void onComplete(Completion completion) {
        }

        @Override
        public void onError(RouterException error) {
            throw error;
        }
    }

    @Test
    void passingSentencesAreReleasedOneByOneWhateverTheChunking() {
        upstream.always(RedTeam.answer("开户一般十分钟左右。需要本人身份证！请在光线充足处拍照", 3));
        Recorder r = new Recorder();
        GatedAnswer a = gate.deliver(request, AnswerPolicy.complianceOnly(), null, r);
        assertThat(r.deltas).containsExactly("开户一般十分钟左右。", "需要本人身份证！", "请在光线充足处拍照");
        assertThat(a.withheld()).isFalse();
        assertThat(a.completion().content()).isEqualTo(String.join("", r.deltas));
        assertThat(withholds).isEmpty();
    }

    @Test
    void theFirstFailingSentenceIsRegeneratedOnceNamingItAndWhatWasShownStays() {
        upstream.always(Script.ok("开户后可以先熟悉交易规则。"));
        upstream.enqueue(RedTeam.answer("开户一般十分钟左右。建议您开户后立即买入贵州茅台。还有什么问题吗？", 4));
        Recorder r = new Recorder();
        GatedAnswer a = gate.deliver(request, AnswerPolicy.complianceOnly(), null, r);
        assertThat(String.join("", r.deltas)).isEqualTo("开户一般十分钟左右。开户后可以先熟悉交易规则。")
                .doesNotContain("买入").doesNotContain("还有什么问题");
        String regenPrompt = upstream.bodies().get(1).path("messages").toString();
        assertThat(regenPrompt).contains("建议您开户后立即买入贵州茅台").contains("开户一般十分钟左右");
        assertThat(a.withheld()).isTrue();
        assertThat(a.fellBack()).isFalse();
        assertThat(withholds).singleElement().satisfies(w -> {
            assertThat(w.stage()).isEqualTo("first");
            assertThat(w.rule()).isIn("TRADING_ADVICE", "URGENCY");
            assertThat(w.textHash()).isEqualTo(Withhold.hash("建议您开户后立即买入贵州茅台。"));
        });
        assertThat(a.completion().trail().attempts()).extracting(Attempt::outcome).contains("rejected");
        assertThat(a.completion().costCny()).as("both calls were paid for").isPositive();
    }

    @Test
    void aSecondFailureFallsBackToTheCheckedLocalTextAndNothingWithheldIsShown() {
        upstream.always(RedTeam.answer("稳赚不赔，赶紧上车！", 2));
        Recorder r = new Recorder();
        GatedAnswer a = gate.deliver(request, AnswerPolicy.complianceOnly(),
                "开户需要本人身份证。本产品保本保收益。", r);
        assertThat(String.join("", r.deltas)).isEqualTo("开户需要本人身份证。");
        assertThat(a.fellBack()).isTrue();
        assertThat(a.completion().provider()).isEqualTo(LocalGroundedModel.ID);
        assertThat(withholds).extracting(Withhold::stage).containsExactly("first", "regenerated", "fallback");
    }

    @Test
    void theFallbackDoesNotRepeatWhatTheFailedAnswerAlreadyShowed() {
        upstream.always(RedTeam.answer("开户需要本人身份证。稳赚不赔，赶紧上车！", 2));
        Recorder r = new Recorder();
        gate.deliver(request, AnswerPolicy.complianceOnly(), "开户需要本人身份证。开户约需10分钟。", r);
        String shown = String.join("", r.deltas);
        assertThat(shown).contains("开户约需10分钟。").doesNotContain("稳赚");
        // the first answer and its regeneration each showed it; the fallback does not add a third copy
        assertThat(shown.split("开户需要本人身份证。", -1)).as("shown by the two model answers only").hasSize(3);
    }

    @Test
    void reasoningWithoutATerminatorIsShownWhenItPasses() {
        upstream.always(Script.ok("开户一般十分钟左右。").withReasoning("先看开户流程", 2));
        List<String> reasoning = new ArrayList<>();
        gate.deliver(request, AnswerPolicy.complianceOnly(), null, new Recorder() {
            @Override
            public void onReasoning(String delta) {
                reasoning.add(delta);
            }
        });
        assertThat(reasoning).containsExactly("先看开户流程");
    }

    @Test
    void whenNothingPassesTheSafeAnswerIsShown() {
        upstream.always(Script.ok("强烈推荐买入，目标价100元。"));
        Recorder r = new Recorder();
        gate.deliver(request, AnswerPolicy.complianceOnly(), null, r);
        assertThat(String.join("", r.deltas)).isEqualTo(AnswerGate.SAFE_ANSWER);
    }
}
