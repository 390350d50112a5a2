package org.finassist.server.witness;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.finassist.core.assistant.GroundingSource;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Passage;
import org.finassist.core.gate.Withhold;
import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.script.ScriptTexts;
import org.finassist.prompts.PromptRenderer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GroundedOffScriptResponderTest {

    private static final Passage FEES = new Passage("fees#1", "交易费用说明", "交易费用说明 > 佣金",
            "问：股票交易佣金是多少？\n答：本演示券商股票交易佣金为成交金额的万分之二点五，单笔最低5元，买卖双向收取。"
                    + "实际费率以您账户签约的标准为准，可在App“我的-费率查询”中查看。", 0.9);
    private static final Passage OPENING = new Passage("open#1", "线上开户指南", "线上开户指南 > 视频见证与三方存管",
            "第六步，进行视频见证。见证人员或数字人见证员会请您出示身份证并口头确认开户意愿，全程录音录像。", 0.6);

    private final ScriptTexts texts = new ScriptTexts(PromptRenderer.classpath(), 4);
    private final List<Withhold> withholds = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private final Applicant applicant = new Applicant("APP-1", "王小明", "110101199003071234", "示例证券", "普通账户");

    /** The knowledge base as the chat's qa source would answer: the fee entry for fee questions, else nothing useful. */
    private final GroundingSource knowledge = (question, classification, kbs) -> {
        asked.add(question);
        return question.contains("佣金") || question.contains("手续费")
                ? new Grounding(List.of(FEES, OPENING), Map.of(), null)
                : new Grounding(List.of(OPENING), Map.of(), null);
    };

    @Test
    void withoutAModelTheAnsweringPassageIsSpokenWithItsFigures() {
        var responder = new GroundedOffScriptResponder(knowledge, null, texts, withholds::add);
        String spoken = responder.answer("开完户以后股票佣金是多少啊", applicant);
        assertThat(spoken).contains("万分之二点五").contains("5元").doesNotContain("问：").doesNotContain("答：")
                .isNotEqualTo(texts.offScriptFallback(applicant));
        assertThat(spoken.length()).isLessThanOrEqualTo(org.finassist.core.local.SpokenAnswer.MAX_CHARS);
        assertThat(asked).containsExactly("开完户以后股票佣金是多少啊");
        assertThat(withholds).isEmpty();
    }

    @Test
    void aQuestionTheKnowledgeBaseDoesNotAnswerGetsTheDeferral() {
        var responder = new GroundedOffScriptResponder(knowledge, model("明天应该不会下雨。"), texts, withholds::add);
        assertThat(responder.answer("明天北京会下雨吗", applicant)).isEqualTo(texts.offScriptFallback(applicant));
    }

    @Test
    void noKnowledgeBaseMeansTheDeferral() {
        var responder = new GroundedOffScriptResponder(null, null, texts, withholds::add);
        assertThat(responder.answer("佣金多少", applicant)).isEqualTo(texts.offScriptFallback(applicant));
    }

    @Test
    void aModelAnswerIsMadeSpeakable() {
        var responder = new GroundedOffScriptResponder(knowledge, model(
                "**佣金**为成交金额的万分之二点五[1]，单笔最低5元，详见[费率说明](https://example.com/fees)。"),
                texts, withholds::add);
        String spoken = responder.answer("佣金怎么收", applicant);
        assertThat(spoken).isEqualTo("佣金为成交金额的万分之二点五，单笔最低5元，详见费率说明。");
    }

    @Test
    void aModelAnswerWithAdviceIsReplacedByTheDeferralAndRecorded() {
        var responder = new GroundedOffScriptResponder(knowledge, model("佣金很低，建议您立即买入这只股票，稳赚不赔。"),
                texts, withholds::add);
        assertThat(responder.answer("佣金多少", applicant)).isEqualTo(texts.offScriptFallback(applicant));
        assertThat(withholds).singleElement().satisfies(w -> {
            assertThat(w.route()).isEqualTo("witness");
            assertThat(w.textHash()).hasSize(64);
        });
    }

    @Test
    void aFigureTheModelInventedIsNotSpoken() {
        var responder = new GroundedOffScriptResponder(knowledge, model("佣金是成交金额的0.3%，单笔最低5元。"), texts, withholds::add);
        assertThat(responder.answer("佣金多少", applicant)).isEqualTo(texts.offScriptFallback(applicant));
        assertThat(withholds).hasSize(1);
    }

    @Test
    void aChatWidgetAnswerFallsBackToThePassage() {
        var responder = new GroundedOffScriptResponder(knowledge, model("请点击转人工咨询。"), texts, withholds::add);
        assertThat(responder.answer("佣金多少", applicant)).contains("万分之二点五");
    }

    private static ChatModel model(String reply) {
        return new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                return ChatResponse.builder().aiMessage(AiMessage.from(reply)).build();
            }
        };
    }
}
