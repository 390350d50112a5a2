package org.finassist.dh.script;

import org.finassist.dh.protocol.Applicant;
import org.finassist.prompts.PromptRenderer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptTextsTest {

    private final ScriptTexts texts = new ScriptTexts(PromptRenderer.classpath(), 6);
    private final Applicant applicant = new Applicant("A-9", "李娜", "310101198001010021", "东方证券", "信用账户");

    @Test
    void everyStepRendersPersonalisedAndEndsAsAQuestionOrRequest() {
        for (WitnessStep step : WitnessScript.standard().steps()) {
            String text = texts.question(step, applicant);
            assertThat(text).as(step.id()).isNotBlank().doesNotContain("${").doesNotContain("\n")
                    .matches(".*[？。]$");
        }
        assertThat(texts.question(WitnessScript.standard().step(3), applicant))
                .isEqualTo("请问您是否本人自愿在东方证券开立信用账户？");
        assertThat(texts.question(WitnessScript.standard().step(1), applicant)).contains("后6位");
    }

    @Test
    void scriptCoversTheRegulatoryPoints() {
        assertThat(WitnessScript.standard().steps()).extracting(WitnessStep::id).containsExactly("name",
                "id-number", "show-id", "voluntary", "risk", "own-operation", "no-lending", "no-promise", "read-aloud");
        assertThat(texts.question(WitnessScript.standard().step(4), applicant)).contains("本金亏损");
    }

    @Test
    void confirmationAndReaskTexts() {
        assertThat(texts.confirmation(applicant)).isEqualTo("本人李娜自愿在东方证券开立信用账户，已知晓投资风险，承诺账户由本人使用。");
        assertThat(texts.reask(applicant, "double negation")).contains("明确回答");
        assertThat(texts.reask(applicant, "whatever")).contains("没有听清楚");
        assertThat(texts.offScriptSystemPrompt(applicant)).contains("不要承诺任何收益").contains("东方证券");
    }
}
