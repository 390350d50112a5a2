package org.finassist.core.gate;

import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Passage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy per sentence, on the dev split only (the held-out split is measured by GateEvaluationIT). */
class AnswerPolicyTest {

    static AnswerPolicy policy(GateSets.Entry e) {
        Grounding g = e.passage() == null ? Grounding.NONE
                : new Grounding(List.of(new Passage("p1", "资料", "", e.passage(), 1)), Map.of(), null);
        return AnswerPolicy.forTurn(g, List.of("请问一下"));
    }

    static List<String> failing(GateSets.Entry e) {
        AnswerPolicy p = policy(e);
        SentenceSplitter s = new SentenceSplitter();
        List<String> sentences = new ArrayList<>(s.offer(e.text()));
        sentences.add(s.rest());
        return sentences.stream().filter(x -> !p.check(x).isEmpty()).toList();
    }

    @Test
    void everyBadFragmentOfTheDevRedTeamIsInAFailingSentence() {
        List<String> missed = new ArrayList<>();
        for (GateSets.Entry e : GateSets.redTeam("dev")) {
            List<String> failing = failing(e);
            for (String bad : e.bad()) {
                if (failing.stream().noneMatch(f -> f.contains(bad))) {
                    missed.add(e.id() + " " + bad);
                }
            }
        }
        assertThat(missed).isEmpty();
    }

    @Test
    void noDevCompliantAnswerHasAFailingSentence() {
        List<String> withheld = new ArrayList<>();
        for (GateSets.Entry e : GateSets.compliant("dev")) {
            failing(e).forEach(f -> withheld.add(e.id() + " " + f + " " + policy(e).check(f)));
        }
        assertThat(withheld).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"不建议买入。", "我们不承诺收益。", "请谨防所谓内幕消息。", "在交易页面选择买入即可。",
            "持有期超过1年免税。", "无风险利率一般参考国债。",
            "建议您不要追高买入。", "这只股票是否值得买入，我无法判断。"})
    void negationsAndProcedurePass(String sentence) {
        assertThat(AnswerPolicy.complianceOnly().check(sentence)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"不要犹豫，立即买入。", "不用担心，稳赚不赔。", "建议买入。", "千万别卖。", "目标价20元。",
            "别犹豫立即买入。", "现在不买就晚了。", "稳赚不赔。"})
    void pseudoNegationsDoNotHideAdvice(String sentence) {
        assertThat(AnswerPolicy.complianceOnly().check(sentence)).isNotEmpty();
    }

    @Test
    void aNumberNotInThePassagesFailsAndWithoutPassagesOnlyTheCustomersOwnFiguresPass() {
        Grounding g = new Grounding(List.of(new Passage("p", "费率", "", "佣金万分之2.5，最低5元。", 1)), Map.of(), null);
        assertThat(AnswerPolicy.forTurn(g, List.of()).check("佣金万分之2.5，最低5元。")).isEmpty();
        assertThat(AnswerPolicy.forTurn(g, List.of()).check("佣金万分之1.8。")).extracting(v -> v.code())
                .containsExactly("UNGROUNDED_NUMBER");
        assertThat(AnswerPolicy.forTurn(Grounding.NONE, List.of()).check("佣金万分之1.8。")).extracting(v -> v.code())
                .containsExactly("UNGROUNDED_FIGURE");
        assertThat(AnswerPolicy.forTurn(Grounding.NONE, List.of("我的佣金是万分之1.8吗")).check("您说的万分之1.8需以合同为准。"))
                .isEmpty();
        assertThat(AnswerPolicy.forTurn(Grounding.NONE, List.of()).check("股票以100股为一手。")).isEmpty();
    }
}
