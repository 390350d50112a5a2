package org.finassist.dh.session;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.finassist.dh.script.ScriptTexts;
import org.finassist.prompts.PromptRenderer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.finassist.dh.session.WitnessEngineTest.APPLICANT;

/** A customer's question in a video call never gets the chat widget's "点击转人工". */
class ChatModelOffScriptResponderTest {

    private final ScriptTexts texts = new ScriptTexts(PromptRenderer.classpath(), 6);

    @Test
    void withoutAModelTheScriptedDeferralAnswers() {
        String answer = new ChatModelOffScriptResponder(null, texts).answer("开户要多少钱？", APPLICANT);
        assertThat(answer).contains("见证结束后").contains("示例证券").contains("见证人员").doesNotContain("转人工")
                .doesNotContain("客服"); // the supervisor of the session answers it, not customer service
    }

    @Test
    void aChatWidgetFallbackFromTheModelIsReplacedByTheDeferral() {
        ChatModel widgetFallback = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                return ChatResponse.builder().aiMessage(AiMessage.from("服务繁忙，请稍后再试，或点击“转人工”。")).build();
            }
        };
        String answer = new ChatModelOffScriptResponder(widgetFallback, texts).answer("开户要多少钱？", APPLICANT);
        assertThat(answer).isEqualTo(texts.offScriptFallback(APPLICANT));
    }
}
