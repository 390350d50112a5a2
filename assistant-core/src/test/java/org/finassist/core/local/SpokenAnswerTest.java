package org.finassist.core.local;

import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Passage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SpokenAnswerTest {

    @Test
    void markdownLinksAndCitationsAreNotSpoken() {
        assertThat(SpokenAnswer.speakable("## 转账\n- 在App中操作[2]\n- 详见 https://example.com/a 或[帮助](http://x.y)"))
                .isEqualTo("转账。在App中操作。详见 或帮助");
    }

    @Test
    void aLongAnswerIsCutAtASentenceEnd() {
        String s = "第一句话说明了规则的主要内容。".repeat(12);
        String spoken = SpokenAnswer.speakable(s);
        assertThat(spoken.length()).isLessThanOrEqualTo(SpokenAnswer.MAX_CHARS);
        assertThat(spoken).endsWith("。");
    }

    @Test
    void theCuratedAnswerIsSpokenWithoutItsQuestion() {
        Grounding g = new Grounding(List.of(), Map.of(), "问：开户收费吗？\n答：开户、销户不收取费用。");
        assertThat(SpokenAnswer.from("开户要钱吗", g)).contains("开户、销户不收取费用。");
    }

    @Test
    void nothingIsSaidWhenNoPassageAnswers() {
        Grounding g = new Grounding(List.of(new Passage("1", "费用", "", "过户费按成交金额的十万分之一收取。", 0.4)),
                Map.of(), null);
        assertThat(SpokenAnswer.from("明天会下雨吗", g)).isEmpty();
    }
}
