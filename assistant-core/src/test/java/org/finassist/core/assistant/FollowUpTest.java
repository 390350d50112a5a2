package org.finassist.core.assistant;

import org.finassist.core.chat.Message;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpTest {

    private final List<Message> history = List.of(Message.user("融资融券的开通条件是什么"),
            Message.assistant("需要前20个交易日日均资产不低于50万元……"));

    @Test
    void aFollowUpIsJoinedWithThePreviousQuestion() {
        assertThat(FollowUp.retrievalQuery(history, "那手续费呢？")).isEqualTo("融资融券的开通条件是什么 那手续费呢？");
        assertThat(FollowUp.retrievalQuery(history, "利率呢")).startsWith("融资融券");
    }

    @Test
    void aStandaloneQuestionIsLeftAlone() {
        assertThat(FollowUp.retrievalQuery(history, "股票交易时间是几点？")).isEqualTo("股票交易时间是几点？");
        assertThat(FollowUp.retrievalQuery(List.of(), "那手续费呢？")).isEqualTo("那手续费呢？");
    }

    @Test
    void aReversalFollowUpTurnsEveryDirectionOfTheAnchorRound() {
        List<Message> in = List.of(Message.user("钱怎么从银行卡转到股票账户"), Message.assistant("在App“银行转证券”……"));
        String reversed = FollowUp.retrievalQuery(in, "反过来怎么操作");
        assertThat(reversed).contains("证券转银行").contains("转出").doesNotContain("银行转证券").doesNotContain("转入");
        List<Message> out = List.of(Message.user("怎么把钱从证券账户转到银行卡"), Message.assistant("在App“证券转银行”……"));
        assertThat(FollowUp.retrievalQuery(out, "那转进来呢")).contains("银行转证券").doesNotContain("证券转银行");
        assertThat(FollowUp.retrievalQuery(out, "倒过来呢")).contains("银行转证券").doesNotContain("证券转银行");
        // a reversal with no direction in the anchor changes nothing but joining
        assertThat(FollowUp.retrievalQuery(history, "反过来呢")).startsWith("融资融券的开通条件是什么");
    }

    @Test
    void aShortMessageReferringBackByOneCharacterOfTheQuestionBeforeIsJoined() {
        List<Message> lock = List.of(Message.user("密码输错几次会锁"), Message.assistant("连续输错5次……"));
        assertThat(FollowUp.retrievalQuery(lock, "锁了要等多久")).isEqualTo("密码输错几次会锁 锁了要等多久");
        List<Message> test = List.of(Message.user("风险测评是啥"), Message.assistant("风险测评用于……"));
        assertThat(FollowUp.retrievalQuery(test, "一天能测几次")).startsWith("风险测评").endsWith("一天能测几次");
        List<Message> lots = List.of(Message.user("买股票最少买多少股"), Message.assistant("100股……"));
        assertThat(FollowUp.retrievalQuery(lots, "科创板也一样吗")).startsWith("买股票最少买多少股");
    }

    @Test
    void aShortQuestionNamingNoBoardOrProductGoesOnAskingAboutTheOneBefore() {
        List<Message> margin = List.of(Message.user("融资融券开户条件是什么"), Message.assistant("需开户满6个月……"));
        assertThat(FollowUp.retrievalQuery(margin, "开户要满多久")).isEqualTo("融资融券开户条件是什么 开户要满多久");
        List<Message> star = List.of(Message.user("科创板权限怎么开"), Message.assistant("需满足……"));
        assertThat(FollowUp.retrievalQuery(star, "开好以后多久能买")).startsWith("科创板权限怎么开");
        List<Message> ipo = List.of(Message.user("新股中签了怎么缴款"), Message.assistant("中签后请在T+2日……"));
        assertThat(FollowUp.retrievalQuery(ipo, "最晚啥时候前要把钱放进去")).startsWith("新股中签了怎么缴款");
        // and keeps doing so down a chain of such questions
        List<Message> chain = List.of(Message.user("我想开通创业板"), Message.assistant("需满足……"),
                Message.user("需要什么条件"), Message.assistant("需满足……"));
        assertThat(FollowUp.retrievalQuery(chain, "要炒股几年才行")).isEqualTo("我想开通创业板 需要什么条件 要炒股几年才行");
        List<Message> ipo2 = List.of(Message.user("打新需要什么条件"), Message.assistant("需在T-2日前……"),
                Message.user("中签了怎么缴款"), Message.assistant("中签后请在T+2日……"));
        assertThat(FollowUp.retrievalQuery(ipo2, "没缴会怎样")).isEqualTo("中签了怎么缴款 没缴会怎样");
        // a message naming a thing of its own, or no question at all, stands alone
        assertThat(FollowUp.retrievalQuery(star, "印花税多少")).isEqualTo("印花税多少");
        assertThat(FollowUp.retrievalQuery(star, "可转债怎么买")).isEqualTo("可转债怎么买");
        assertThat(FollowUp.retrievalQuery(star, "帮我写首诗")).isEqualTo("帮我写首诗");
        List<Message> ipo1 = List.of(Message.user("打新需要什么条件"), Message.assistant("需在T-2日前……"));
        assertThat(FollowUp.retrievalQuery(ipo1, "中签了怎么缴款")).isEqualTo("中签了怎么缴款");
    }

    @Test
    void whatAFollowUpComparesWithIsNotSwappedIn() {
        List<Message> etf = List.of(Message.user("买ETF要交印花税吗"), Message.assistant("不需要……"));
        assertThat(FollowUp.retrievalQuery(etf, "那佣金呢 和买股票一个费率吗")).isEqualTo("买ETF要交佣金吗");
        assertThat(FollowUp.retrievalQuery(etf, "那股票呢")).isEqualTo("买股票要交印花税吗");
    }

    @Test
    void aShortQuestionThatNamesItsOwnTopicStandsAlone() {
        List<Message> opening = List.of(Message.user("开户要带什么"), Message.assistant("身份证……"));
        // shares the word 开户 with the question before: it names the topic again
        assertThat(FollowUp.retrievalQuery(opening, "开户要多久")).isEqualTo("开户要多久");
        // shares nothing with it
        assertThat(FollowUp.retrievalQuery(opening, "印花税多少")).isEqualTo("印花税多少");
        // shares 转 with it, but inside a word of its own
        List<Message> transfer = List.of(Message.user("怎么把钱转入证券账户"), Message.assistant("在App……"));
        assertThat(FollowUp.retrievalQuery(transfer, "转账要收钱吗")).isEqualTo("转账要收费吗");
        assertThat(FollowUp.retrievalQuery(List.of(), "锁了要等多久")).isEqualTo("锁了要等多久");
    }

    @Test
    void aShortQuestionThatFindsNothingAloneMayBeReadAfterTheQuestionBefore() {
        List<Message> margin = List.of(Message.user("担保比例跌破平仓线怎么办"), Message.assistant("追加担保物……"));
        assertThat(FollowUp.withContext(margin, "要多久内补上")).contains("担保比例跌破平仓线怎么办 要多久内补上");
        assertThat(FollowUp.withContext(margin, "帮我写首诗")).as("a request, not a question").isEmpty();
        assertThat(FollowUp.withContext(margin, "那融券呢")).as("already read as a follow-up").isEmpty();
        assertThat(FollowUp.withContext(margin, "我想问一下融资融券的利率是按照什么方式来计算的")).isEmpty();
        assertThat(FollowUp.withContext(List.of(), "要多久内补上")).isEmpty();
    }

    @Test
    void whatIsFoundForTheJoinedReadingMustBearOnTheMessageItself() {
        assertThat(FollowUp.touches("要多久内补上", "投资者应在T+2日内追加担保物……未按时补足的，本公司有权强制平仓")).isTrue();
        assertThat(FollowUp.touches("今天晚上吃啥", "印花税仅在卖出股票时收取，买入不收。")).isFalse();
    }
}
