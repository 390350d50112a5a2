package org.finassist.dh.answer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The answers issue 18 reported, and the negation scope of risk admissions. */
class AnswerJudgeTest {

    private final AnswerJudge judge = new AnswerJudge();

    @Test
    void aHedgeWordInsideAClearYesIsNotAHedge() {
        Judgement j = judge.judge("是的，我已经阅读并理解了风险揭示，知道可能会损失本金", QuestionKind.UNDERSTAND);
        assertThat(j.verdict()).isEqualTo(Verdict.AFFIRMATIVE);
        assertThat(j.risk()).isEmpty();
        assertThat(judge.judge("应该知道吧", QuestionKind.UNDERSTAND).verdict()).isEqualTo(Verdict.UNCLEAR);
    }

    @Test
    void aYesThatNamesAPersonIsARiskNotAnUnclearAnswer() {
        assertThat(judge.judge("会的，我打算借给朋友用", QuestionKind.DENY).risk()).contains(Risk.LENDING);
        assertThat(judge.judge("有，客户经理说保证…", QuestionKind.DENY).risk()).contains(Risk.PROMISED_RETURNS);
        assertThat(judge.judge("密码是我妈妈设的", QuestionKind.CONFIRM).risk()).contains(Risk.OPERATED_BY_OTHERS);
        assertThat(judge.judge("他们让我说是自愿的", QuestionKind.CONFIRM).risk()).contains(Risk.COACHED);
    }

    @Test
    void aNegatedRiskIsNoRisk() {
        Judgement j = judge.judge("不会借给别人，是我自己用", QuestionKind.DENY);
        assertThat(j.verdict()).isEqualTo(Verdict.NEGATIVE);
        assertThat(j.risk()).isEmpty();
        assertThat(judge.judge("没有人承诺过收益", QuestionKind.DENY).risk()).isEmpty();
        assertThat(judge.judge("知道，不保本的", QuestionKind.UNDERSTAND).risk()).isEmpty();
    }

    @Test
    void aContrastReopensTheScopeAndARhetoricalQuestionIsABelief() {
        assertThat(judge.judge("不会借，但是我女儿会帮我操作", QuestionKind.DENY).risk())
                .contains(Risk.OPERATED_BY_OTHERS);
        assertThat(judge.judge("不是说保本的吗", QuestionKind.UNDERSTAND).risk()).contains(Risk.PROMISED_RETURNS);
        assertThat(judge.judge("借给家里人算吗？", QuestionKind.DENY).risk()).isEmpty();
    }

    @Test
    void notUnderstandingIsARiskOnlyWhenUnderstandingWasAsked() {
        assertThat(judge.judge("看不懂，反正签了", QuestionKind.UNDERSTAND).risk()).contains(Risk.NOT_UNDERSTOOD);
        assertThat(judge.judge("不是不懂", QuestionKind.UNDERSTAND).risk()).isEmpty();
        assertThat(judge.judge("不清楚", QuestionKind.CONFIRM).risk()).isEmpty();
    }
}
