package org.finassist.core.local;

import org.finassist.core.chat.CompletionRequest;
import org.finassist.core.chat.Grounding;
import org.finassist.core.chat.Message;
import org.finassist.core.chat.Passage;
import org.finassist.prompts.PromptRenderer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline answer: one passage that answers, with its citation, or an honest decline; never a list. */
class LocalGroundedModelTest {

    private final LocalGroundedModel model = new LocalGroundedModel(PromptRenderer.classpath());

    private static final Passage STAMP = new Passage("demo/faq#19", "demo-faq", "印花税怎么收？",
            "问：印花税怎么收？\n答：印花税仅在卖出股票时收取，税率为成交金额的千分之零点五（0.05%），买入不收。", 0.71);
    private static final Passage DIVIDEND = new Passage("demo/faq#66", "demo-faq", "股票分红要交税吗？",
            "问：股票分红要交税吗？\n答：持股超过1年的暂免征收；持股1个月以内（含）的实际税负20%；持股1个月以上至1年（含）的实际税负10%。", 0.69);
    private static final Passage ETF_FEES = new Passage("demo/fees.md#4", "交易费用说明（演示）", "交易费用说明 > 基金与债券交易费用",
            "场内基金（ETF、LOF）交易只收取佣金，费率为成交金额的万分之一，单笔最低0.1元，不收印花税和过户费。可转债交易佣金为成交金额的万分之零点五，不收印花税。", 0.6);

    private String answer(String question, Passage... passages) {
        return answer(List.of(Message.user(question)), passages);
    }

    private String answer(List<Message> messages, Passage... passages) {
        return model.answer(new CompletionRequest("qa", messages, Map.of(), new Grounding(List.of(passages), Map.of(), null), null));
    }

    @Test
    void answersFromThePassageThatAnswersNotTheFirstOne() {
        String a = answer("分红要交税吗？持有多久免税", STAMP, DIVIDEND, ETF_FEES);

        assertThat(a).contains("持股超过1年的暂免征收").contains("[2]").doesNotContain("印花税").doesNotContain("[1]");
    }

    private static final Passage COMMISSION = new Passage("demo/faq#1", "demo-faq", "股票交易佣金是多少？",
            "问：股票交易佣金是多少？\n答：本演示券商股票交易佣金为成交金额的万分之二点五，单笔最低5元，买卖双向收取。", 0.5);

    @Test
    void twoQuestionsInOneMessageGetBothAnswersEachWithItsCitation() {
        String a = answer("佣金多少 印花税怎么收", STAMP, DIVIDEND, COMMISSION);

        assertThat(a).contains("万分之二点五").contains("[3]").contains("千分之零点五").contains("[1]")
                .doesNotContain("持股超过1年");
        assertThat(a.indexOf("万分之二点五")).as("in the order asked").isLessThan(a.indexOf("千分之零点五"));
    }

    private static final Passage SHARE_LOT = new Passage("demo/faq#7", "demo-faq", "买股票最少买多少？",
            "问：买股票最少买多少？\n答：沪深主板和创业板买入数量须为100股（1手）或其整数倍。", 0.5);
    private static final Passage CONVERTIBLE = new Passage("demo/faq#40", "demo-faq", "可转债怎么申购？",
            "问：可转债怎么申购？\n答：可转债采用信用申购，无需市值和资金，申购当天输入申购代码即可；中签后T+2日缴款。", 0.6);

    @Test
    void aSecondQuestionBorrowingTheTopicIsNotAnsweredAboutAnotherThing() {
        String a = answer("可转债怎么买 最少买多少", CONVERTIBLE, SHARE_LOT);

        assertThat(a).contains("信用申购").doesNotContain("100股");
    }

    @Test
    void aFollowUpReadWithTheTurnBeforeItIsOneQuestion() {
        // the service hands the picker "印花税怎么收 佣金呢" when the bare follow-up found nothing on its own
        String a = answer(List.of(Message.user("印花税怎么收"), Message.assistant("……"), Message.user("印花税怎么收 佣金多少呢")),
                STAMP, COMMISSION);

        assertThat(a).as("one answer, not the earlier question's again beside it")
                .satisfiesAnyOf(x -> assertThat(x).doesNotContain("千分之零点五"), x -> assertThat(x).doesNotContain("万分之二点五"));
    }

    @Test
    void neverPastesSeveralPassages() {
        String a = answer("ETF买卖收印花税吗", STAMP, DIVIDEND, ETF_FEES);

        assertThat(a).contains("不收印花税").contains("[3]");
        assertThat(a).doesNotContain("持股超过1年").doesNotContain("根据知识库中的资料");
    }

    @Test
    void declinesWithAHandOffWhenNothingRetrievedAnswers() {
        String a = answer("你们公司楼下停车怎么收费", STAMP, DIVIDEND);

        assertThat(a).contains("暂时无法准确回答").contains("转人工").doesNotContain("印花税");
    }

    @Test
    void aFollowUpIsReadWithTheQuestionBeforeIt() {
        String a = answer(List.of(Message.user("印花税怎么收"), Message.assistant("……"), Message.user("那ETF呢？")),
                STAMP, ETF_FEES);

        assertThat(a).contains("不收印花税").contains("[2]");
    }

    @Test
    void greetingsWithFillerAreGreetedNotDeclined() {
        assertThat(answer("您好 在吗")).contains("智能客服助手").doesNotContain("无法准确回答");
        assertThat(answer("在吗？")).contains("智能客服助手");
        assertThat(answer("你好，在不在呀")).contains("智能客服助手");
        assertThat(answer("在吗 我想问下佣金")).doesNotContain("智能客服助手");
    }

    @Test
    void questionsAboutWhoAnswersAndThanksThatCloseAreSmallTalk() {
        for (String q : new String[] {"你是谁啊 真人吗", "你是机器人吗", "是不是真人", "你是真人还是机器人", "早上好", "你是机器人吧",
            "你好"}) {
            assertThat(answer(q)).as(q).contains("智能客服助手").doesNotContain("无法准确回答").doesNotContain("不客气");
        }
        for (String q : new String[] {"谢谢啦 搞定了", "嗯嗯 谢谢", "好的 明白了", "谢啦"}) {
            assertThat(answer(q)).as(q).contains("不客气").doesNotContain("无法准确回答");
        }
        assertThat(answer("好的 那创业板呢")).doesNotContain("智能客服助手");
        assertThat(answer("真人客服电话多少")).doesNotContain("智能客服助手");
    }

    @Test
    void questionsAboutWhatTheAssistantCanDoGetTheIntroduction() {
        for (String q : new String[] {"你能帮我干啥", "你都会些什么呀", "你有啥功能", "你是干嘛的", "能做什么"}) {
            assertThat(answer(q)).as(q).contains("智能客服助手").doesNotContain("无法准确回答");
        }
        assertThat(answer("你能帮我查下佣金吗")).doesNotContain("智能客服助手");
        assertThat(answer("能做T吗")).doesNotContain("智能客服助手");
    }
}
