package org.finassist.core.assistant;

import org.finassist.core.chat.Completion;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.Passage;
import org.finassist.core.chat.RouterException;
import org.finassist.core.classify.Classification;
import org.finassist.core.classify.HybridScenarioClassifier;
import org.finassist.core.local.LocalGroundedModel;
import org.finassist.core.router.ModelRouter;
import org.finassist.core.router.RouterConfig;
import org.finassist.core.router.Scenario;
import org.finassist.prompts.PromptRenderer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short message that finds nothing on its own ("要多久内补上") is read after the question before it, offline and
 * through the whole turn; a request that is no question ("帮我写首诗") is not.
 */
class ReadAfterContextTest {

    private static final Passage CALL_LINE = new Passage("margin.md#5", "融资融券业务指南（演示）",
            "融资融券业务指南 > 维持担保比例 > 警戒线与平仓线",
            "维持担保比例低于平仓线时，投资者应在T+2日内追加担保物，使维持担保比例恢复到140%以上；未按时补足的，本公司有权强制平仓。", 0.7);
    private static final Passage STAMP = new Passage("faq#19", "demo-faq", "印花税怎么收？",
            "问：印花税怎么收？\n答：印花税仅在卖出股票时收取，税率为成交金额的千分之零点五（0.05%），买入不收。", 0.7);

    private static final Passage OPENING_TIME = new Passage("faq#3", "demo-faq", "开户需要多长时间？",
            "问：开户审核要多久\n答：App开户资料填写约需10分钟；提交后一般在1个交易日内完成审核，审核通过后会以短信通知证券账户号码。", 0.7);
    private static final Passage LOCKED = new Passage("faq#33", "demo-faq", "密码输错被锁定怎么办？",
            "问：密码输错被锁定怎么办？\n答：连续输错密码5次账户会被临时锁定，30分钟后自动解锁，或通过“忘记密码”流程重置后立即解锁。", 0.7);

    private final List<String> searched = new ArrayList<>();

    /** A knowledge base that finds a passage only when the question names its topic. */
    private final GroundingSource kb = (question, c, kbs) -> {
        searched.add(question);
        if (question.contains("锁")) return new Grounding(List.of(LOCKED), Map.of(), null);
        if (question.contains("平仓线")) return new Grounding(List.of(CALL_LINE), Map.of(), null);
        if (question.contains("印花税")) return new Grounding(List.of(STAMP), Map.of(), null);
        // what an embedding finds for any "how long" question: the entry on how long opening an account takes
        if (question.contains("多久")) return new Grounding(List.of(OPENING_TIME), Map.of(), null);
        return Grounding.NONE;
    };

    private String turn(List<Message> history, String message) {
        ModelRouter router = new ModelRouter(RouterConfig.defaults(List.of(), Map.of()), List.of(),
                new LocalGroundedModel(PromptRenderer.classpath()), null);
        AssistantService service = new AssistantService(router, new HybridScenarioClassifier(null, 0.45),
                Map.of(Scenario.QA, kb), PromptRenderer.classpath());
        StringBuilder text = new StringBuilder();
        service.turn(new TurnRequest(history, message, Scenario.QA, List.of(), false), new TurnListener() {
            @Override
            public void onClassified(Classification classification) {
            }

            @Override
            public void onCitations(List<Passage> citations) {
            }

            @Override
            public void onContent(String delta) {
                text.append(delta);
            }

            @Override
            public void onComplete(Completion completion) {
            }

            @Override
            public void onError(RouterException error) {
                throw error;
            }
        });
        return text.toString();
    }

    @Test
    void aShortQuestionThatFindsNothingAloneIsAnsweredAfterTheQuestionBefore() {
        String a = turn(List.of(Message.user("担保比例跌破平仓线怎么办"), Message.assistant("需追加担保物……")), "要多久内补上");

        assertThat(searched).containsExactly("要多久内补上", "担保比例跌破平仓线怎么办 要多久内补上");
        assertThat(a).contains("T+2日内追加担保物").doesNotContain("无法准确回答");
    }

    @Test
    void aShortQuestionThatFindsOnlyAnEntrySharingItsHowLongIsAnsweredAfterTheQuestionBefore() {
        String a = turn(List.of(Message.user("密码输错了好几次 账户被锁了"), Message.assistant("连续输错……")),
                "要多久才能自动解开");

        assertThat(searched).hasSize(2);
        assertThat(searched.get(1)).contains("锁");
        assertThat(a).contains("30分钟").doesNotContain("开户资料");
    }

    @Test
    void aQuestionNamingItsOwnTopicKeepsItsOwnEntry() {
        String a = turn(List.of(Message.user("密码输错了好几次 账户被锁了"), Message.assistant("连续输错……")), "开户要多久");

        assertThat(searched).containsExactly("开户要多久");
        assertThat(a).contains("1个交易日");
    }

    @Test
    void aRequestThatIsNoQuestionIsNotAnsweredWithTheTopicBefore() {
        String a = turn(List.of(Message.user("印花税怎么收"), Message.assistant("卖出时收取……")), "帮我写首诗");

        assertThat(searched).containsExactly("帮我写首诗");
        assertThat(a).doesNotContain("印花税").contains("无法准确回答");
    }

    @Test
    void aQuestionWhoseWordsTheFoundPassagesDoNotHoldIsNotAnsweredWithTheTopicBefore() {
        String a = turn(List.of(Message.user("印花税怎么收"), Message.assistant("卖出时收取……")), "今晚吃啥好");

        assertThat(searched).hasSize(2);
        assertThat(a).doesNotContain("印花税").contains("无法准确回答");
    }
}
