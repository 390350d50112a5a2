package org.finassist.core.assistant;

import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Passage;
import org.finassist.core.classify.Classification;
import org.finassist.core.router.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeAlongsideTest {

    private final Classification opening = new Classification(Scenario.ACCOUNT_OPENING, 0.9, "rule", null);
    private final Passage faq = new Passage("demo/faq#2", "demo-faq", "未成年人可以开户吗？", "不可以……", 0.93);
    private final GroundingSource knowledge = (q, c, kbs) -> new Grounding(List.of(faq), Map.of(), "不可以……");

    @Test
    void aScenarioWithoutItsOwnSourceGetsTheKnowledgeBase() {
        Grounding g = new KnowledgeAlongside(null, knowledge).ground("我17岁能自己开户吗", opening, List.of());

        assertThat(g.directAnswer()).isEqualTo("不可以……");
        assertThat(g.passages()).containsExactly(faq);
    }

    @Test
    void theScenariosFactsCheckAndSubjectStandAndItsPassagesComeFirst() {
        Passage step = new Passage("step", "开户步骤", "", "当前步骤：拍摄身份证", 1);
        GroundingSource own = (q, c, kbs) -> new Grounding(List.of(step), Map.of("数据日期", "2024-09-19"), null,
                answer -> List.of(), "600000.SH");
        Grounding g = new KnowledgeAlongside(own, knowledge).ground("600000怎么样", opening, List.of());

        assertThat(g.passages()).containsExactly(step, faq);
        assertThat(g.facts()).containsEntry("数据日期", "2024-09-19");
        assertThat(g.check()).isNotNull();
        assertThat(g.subject()).isEqualTo("600000.SH");
        // facts about a subject: an FAQ's curated answer would ignore them
        assertThat(g.directAnswer()).isNull();
    }

    @Test
    void theScenariosOwnDirectAnswerWins() {
        GroundingSource own = (q, c, kbs) -> new Grounding(List.of(), Map.of(), "按页面提示重新拍摄。");
        assertThat(new KnowledgeAlongside(own, knowledge).ground("x", opening, List.of()).directAnswer())
                .isEqualTo("按页面提示重新拍摄。");
    }
}
