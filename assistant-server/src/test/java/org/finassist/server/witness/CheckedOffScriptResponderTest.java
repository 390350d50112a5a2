package org.finassist.server.witness;

import org.finassist.core.gate.Withhold;
import org.finassist.dh.protocol.Applicant;
import org.finassist.dh.script.ScriptTexts;
import org.finassist.prompts.PromptRenderer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckedOffScriptResponderTest {

    private final ScriptTexts texts = new ScriptTexts(PromptRenderer.classpath(), 4);
    private final List<Withhold> withholds = new ArrayList<>();
    private final Applicant applicant = new Applicant("APP-1", "王小明", "110101199003071234", "示例证券", "普通账户");

    @Test
    void anOffScriptAnswerWithAdviceIsReplacedByTheScriptedDeferral() {
        var responder = new CheckedOffScriptResponder((q, a) -> "开户后建议您立即买入这只股票，稳赚不赔。", texts, withholds::add);
        String spoken = responder.answer("开完户买什么好", applicant);
        assertThat(spoken).isEqualTo(texts.offScriptFallback(applicant)).doesNotContain("买入");
        assertThat(withholds).singleElement().satisfies(w -> {
            assertThat(w.route()).isEqualTo("witness");
            assertThat(w.textHash()).hasSize(64);
        });
    }

    @Test
    void aCompliantOffScriptAnswerIsSpokenAsIs() {
        var responder = new CheckedOffScriptResponder((q, a) -> "我们不提供具体的买卖建议，视频见证结束后您可以在APP中查看交易规则。",
                texts, withholds::add);
        assertThat(responder.answer("开完户买什么好", applicant)).startsWith("我们不提供具体的买卖建议");
        assertThat(withholds).isEmpty();
    }
}
