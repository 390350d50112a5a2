package org.finassist.server.evalanswers;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerJudgeTest {

    private static AnswerCase answer(List<List<String>> facts, List<String> forbidden) {
        return new AnswerCase("t1", List.of(), "怎么把银行卡的钱转到证券账户", Action.ANSWER, "qa", facts, forbidden);
    }

    private static Observed said(String text) {
        return new Observed("qa", text, false, null, 120);
    }

    @Test
    void anAnswerStatingOneFactOfEveryGroupIsUseful() {
        var v = AnswerJudge.judge(answer(List.of(List.of("银行转证券"), List.of("实时", "即时")), List.of("证券转银行")),
                said("在App“交易-银证转账-银行转证券”中输入金额，资金实时到账。"));

        assertThat(v.useful()).isTrue();
        assertThat(v.harmful()).isFalse();
        assertThat(v.problems()).isEmpty();
    }

    @Test
    void theOppositeDirectionIsHarmfulAndAMissingFactIsNotUseful() {
        var v = AnswerJudge.judge(answer(List.of(List.of("银行转证券")), List.of("证券转银行")),
                said("在App“交易-银证转账-证券转银行”中输入金额即可。"));

        assertThat(v.harmful()).isTrue();
        assertThat(v.useful()).isFalse();
        assertThat(v.problems()).anyMatch(p -> p.startsWith("forbidden")).anyMatch(p -> p.startsWith("missing"));
    }

    @Test
    void declineAndHandOffAreToldApart() {
        AnswerCase outOfScope = new AnswerCase("t2", List.of(), "帮我写首诗", Action.DECLINE, null, List.of(), List.of());
        AnswerCase human = new AnswerCase("t3", List.of(), "我要投诉", Action.HANDOFF, null, List.of(), List.of());

        assertThat(AnswerJudge.judge(outOfScope, said("抱歉，这个问题我暂时无法准确回答。")).useful()).isTrue();
        assertThat(AnswerJudge.judge(outOfScope, said("春眠不觉晓")).observed()).isEqualTo(Action.ANSWER);
        assertThat(AnswerJudge.judge(human, said("抱歉，这个问题我暂时无法准确回答。")).useful()).isFalse();
        assertThat(AnswerJudge.judge(human, new Observed("qa", "正在为您转接", true, null, 90)).useful()).isTrue();
    }

    @Test
    void nonCompliantTextIsHarmfulWhateverTheCaseSays() {
        var v = AnswerJudge.judge(answer(List.of(), List.of()), said("这只股票稳赚，建议买入。"));

        assertThat(v.harmful()).isTrue();
    }

    @Test
    void fullWidthDigitsStillMatchAFact() {
        var v = AnswerJudge.judge(answer(List.of(List.of("10%")), List.of()), said("主板ST股票涨跌幅为１０％。"));

        assertThat(v.useful()).isTrue();
    }

    @Test
    void theReportCountsPrecisionRecallAndScenarioAccuracy() {
        AnswerCase decline = new AnswerCase("d", List.of(), "x", Action.DECLINE, "general", List.of(), List.of());
        var right = AnswerJudge.judge(decline, new Observed("general", "暂时无法回答", false, null, 100));
        var wrong = AnswerJudge.judge(answer(List.of(), List.of()), new Observed("commentary", "暂时无法回答", false, null, 300));
        AnswerReport r = new AnswerReport("set", List.of(right, wrong));

        assertThat(r.precisionRecall(Action.DECLINE)).containsExactly(0.5, 1.0);
        assertThat(r.scenarioAccuracy()).isEqualTo(0.5);
        assertThat(r.latencyPercentile(0.95)).isEqualTo(300);
        assertThat(r.markdown()).contains("| t1 |");
    }
}
