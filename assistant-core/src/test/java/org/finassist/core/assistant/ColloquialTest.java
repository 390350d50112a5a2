package org.finassist.core.assistant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers' shorthand becomes the knowledge base's words; a question already in those words is left alone. */
class ColloquialTest {

    @Test
    void pinyinInitialsAndLowerCaseAbbreviationsBecomeTheWordsOfTheKnowledgeBase() {
        assertThat(Colloquial.normalise("cyb开通要资产多少")).isEqualTo("创业板开通要资产多少");
        assertThat(Colloquial.normalise("KCB权限怎么开")).isEqualTo("科创板权限怎么开");
        assertThat(Colloquial.normalise("rzrq开户门槛多少")).isEqualTo("融资融券开户门槛多少");
        assertThat(Colloquial.normalise("etf最少买多少")).isEqualTo("ETF最少买多少");
        assertThat(Colloquial.normalise("*st跟st有啥区别")).isEqualTo("*ST跟ST有什么区别");
    }

    @Test
    void theClassifiersSpellingCorrectionsReachTheQuery() {
        assertThat(Colloquial.normalise("见正的时候要说什么")).isEqualTo("见证的时候要说什么");
        assertThat(Colloquial.normalise("kzz可以当天买当天卖吗")).startsWith("可转债");
        assertThat(Colloquial.normalise("开护要带啥")).isEqualTo("开户要带什么");
    }

    @Test
    void leftOverSharesAndAJustOpenedAccountAreNamedAsTheRulesNameThem() {
        assertThat(Colloquial.normalise("账户里剩了三十几股零股 能卖吗")).contains("余额不足100股");
        assertThat(Colloquial.normalise("我刚开好户 能直接买创业板吗")).contains("开户审核通过后");
        assertThat(Colloquial.normalise("两点五十八分还能撤单吗")).startsWith("14:58");
    }

    @Test
    void variantCharactersAndFeeWordsAreFolded() {
        assertThat(Colloquial.normalise("印花稅卖的时候收多少")).isEqualTo("印花税卖的时候收多少");
        assertThat(Colloquial.normalise("开户要收钱不")).isEqualTo("开户要收费不");
        assertThat(Colloquial.normalise("银行卡里的钱怎么弄到股票账户里")).contains("银行转证券").doesNotContain("证券转银行");
    }

    @Test
    void aQuestionInTheKnowledgeBasesWordsIsUnchanged() {
        for (String q : new String[] {"怎么开通创业板权限", "ETF是什么", "印花税怎么收", "最近行情怎么样"}) {
            assertThat(Colloquial.normalise(q)).isEqualTo(q);
        }
    }

    @Test
    void aMinorsAgeAndAPublicHolidayAreNamedAsTheRulesNameThem() {
        assertThat(Colloquial.normalise("我今年16 可以开股票户吗")).contains("未成年人").contains("开户");
        assertThat(Colloquial.normalise("我今年十七 能不能自己开户炒股")).contains("未成年人").contains("本人开户");
        assertThat(Colloquial.normalise("我今年10万能开户吗")).doesNotContain("未成年");
        assertThat(Colloquial.normalise("我今年35 能开户吗")).doesNotContain("未成年");
        assertThat(Colloquial.normalise("国庆放假能交易吗")).contains("法定节假日");
        assertThat(Colloquial.normalise("周末能交易吗")).doesNotContain("法定节假日");
    }

    @Test
    void anotherBrokerIsAnotherSecuritiesCompany() {
        assertThat(Colloquial.normalise("我已经在两家券商开了户 还能再开吗")).contains("证券公司").contains("几个账户");
        assertThat(Colloquial.normalise("我在别家开过户了")).contains("不同证券公司");
    }

    @Test
    void settlementWrittenWithoutItsPlusIsWrittenAsTheRulesWriteIt() {
        assertThat(Colloquial.normalise("可转债能t0吗")).isEqualTo("可转债能T+0吗");
        assertThat(Colloquial.normalise("股票是T1吗")).isEqualTo("股票是T+1吗");
        assertThat(Colloquial.normalise("t+1是啥意思")).startsWith("T+1");
        assertThat(Colloquial.normalise("600000t10")).isEqualTo("600000t10");
    }

    @Test
    void normalisingTwiceExpandsNothingTwice() {
        for (String q : new String[] {"还能再开吗", "哪只股明天涨", "我17岁能开户吗", "出金要多久"}) {
            String once = Colloquial.normalise(q);
            assertThat(Colloquial.normalise(once)).isEqualTo(once);
        }
    }
}
