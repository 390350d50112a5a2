package org.finassist.server.diagnosis;

import org.finassist.content.master.LiveMaster;
import org.finassist.content.master.SecuritiesMaster;
import org.finassist.core.classify.Classification;
import org.finassist.core.router.Scenario;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stock names override a Q&A or general guess only when the sentence is about a stock: parts of board, product and
 * everyday words ("科创板", "晚上能转", "比特币", "去上海的机票") must not send a customer to diagnosis.
 */
class StockNameClassifierTest {

    private static final LiveMaster MASTER = new LiveMaster(SecuritiesMaster.bundled());
    private final StockNameClassifier classifier =
            new StockNameClassifier(text -> new Classification(Scenario.QA, 0.5, "example", null), MASTER);

    @Test
    void namesCustomersUseForAStockGoToDiagnosis() {
        for (String q : new String[] {"宁德时代现在怎么样", "茅台能买吗", "gzmt怎么样", "贵州茅台", "茅台走势如何",
                "平安能不能买"}) {
            assertThat(classifier.classify(q).scenario()).as(q).isEqualTo(Scenario.STOCK_DIAGNOSIS);
        }
    }

    @Test
    void wordsThatMerelyContainAShortNameStayWhereTheyWere() {
        for (String q : new String[] {"科创板怎么开通", "那科创板呢", "晚上能转账吗", "晚上能转钱吗", "比特币能买吗",
                "去上海的机票", "科创板的股票涨跌幅是多少", "创业板权限怎么开",
                // questions about stocks in general, a short name inside other words (天有, 产品, 天能)
                "新股上市头几天有没有涨跌幅限制", "C3能买什么等级的产品", "哪只股票明天能涨停",
                // money, everyday topics and a listed broker named in passing (当天能 → 天能, 北京, 东方财富)
                "卖股票的钱当天能买别的股票吗", "明天北京天气咋样", "东方财富佣金比你们便宜吧"}) {
            assertThat(classifier.classify(q).scenario()).as(q).isEqualTo(Scenario.QA);
        }
    }

    @Test
    void aRequestForARecommendationNamesNoStockEvenWhenTheExamplesSayDiagnosis() {
        var examplesSayDiagnosis = new StockNameClassifier(
                text -> new Classification(Scenario.STOCK_DIAGNOSIS, 0.6, "example", null), MASTER);
        for (String q : new String[] {"哪只股票明天能涨停", "给我推荐个能涨的股票", "能推荐只股票吗"}) {
            assertThat(examplesSayDiagnosis.classify(q).scenario()).as(q).isEqualTo(Scenario.QA);
        }
        for (String q : new String[] {"茅台能买吗", "推荐一下贵州茅台怎么样", "600519走势"}) {
            assertThat(examplesSayDiagnosis.classify(q).scenario()).as(q).isEqualTo(Scenario.STOCK_DIAGNOSIS);
        }
    }

    @Test
    void aNicknameSendsToDiagnosisButNotInsideAnotherWord() {
        assertThat(classifier.classify("招行这票怎么样").scenario()).isEqualTo(Scenario.STOCK_DIAGNOSIS);
        // 中行 inside 盘中行情, 交行 inside 成交行情
        assertThat(classifier.classify("今天盘中行情怎么样").scenario()).isEqualTo(Scenario.QA);
        assertThat(classifier.classify("成交行情怎么看").scenario()).isEqualTo(Scenario.QA);
    }

    @Test
    void smallTalkThatContainsAStockNameStaysSmallTalk() {
        var examplesSayGeneral = new StockNameClassifier(
                text -> new Classification(Scenario.GENERAL, 0.8, "example", null), MASTER);
        // 机器人 is a listed company's name
        assertThat(examplesSayGeneral.classify("你是真人还是机器人").scenario()).isEqualTo(Scenario.GENERAL);
        assertThat(examplesSayGeneral.classify("机器人这只股票怎么样").scenario()).isEqualTo(Scenario.STOCK_DIAGNOSIS);
    }

    @Test
    void anIndexOrBoardWordIsNotTheShortNameOfAStock() {
        // 创业 is the short name of several stocks; 创业板指 is an index
        assertThat(MASTER.resolver().findIn("今天创业板指涨了多少"))
                .isNotInstanceOf(org.finassist.content.master.Resolution.Ambiguous.class);
    }

    @Test
    void aStockNicknameGuessedAsCommentaryGoesToDiagnosisUnlessCommentaryIsAskedFor() {
        var examplesSayCommentary = new StockNameClassifier(
                text -> new Classification(Scenario.COMMENTARY, 0.6, "example", null), MASTER);
        assertThat(examplesSayCommentary.classify("gzmt最近咋样").scenario()).isEqualTo(Scenario.STOCK_DIAGNOSIS);
        assertThat(examplesSayCommentary.classify("茅台最近走势如何").scenario()).isEqualTo(Scenario.STOCK_DIAGNOSIS);
        assertThat(examplesSayCommentary.classify("贵州茅台今天的复盘").scenario()).isEqualTo(Scenario.COMMENTARY);
        assertThat(examplesSayCommentary.classify("今天大盘怎么样").scenario()).isEqualTo(Scenario.COMMENTARY);
        var ruleSaysCommentary = new StockNameClassifier(
                text -> new Classification(Scenario.COMMENTARY, 0.9, "rule", null), MASTER);
        assertThat(ruleSaysCommentary.classify("gzmt最近咋样").scenario()).isEqualTo(Scenario.COMMENTARY);
    }

    @Test
    void aNameOutsideTheAShareMarketOrAClassOfStocksIsNoDiagnosis() {
        var examplesSayDiagnosis = new StockNameClassifier(
                text -> new Classification(Scenario.STOCK_DIAGNOSIS, 0.6, "example", null), MASTER);
        for (String q : new String[] {"比特币现在能不能抄底", "英伟达的股票你们这能买吗", "特斯拉最近跌了好多 能抄底吗",
                "st股票能拿来当两融担保品吗", "*ST的股票能融资买入吗", "跌破平仓线之前会通知我吗"}) {
            assertThat(examplesSayDiagnosis.classify(q).scenario()).as(q).isEqualTo(Scenario.QA);
        }
        for (String q : new String[] {"吉比特能买吗", "阿特斯怎么样", "会通股份最近咋样", "这只股票现在能不能拿"}) {
            assertThat(examplesSayDiagnosis.classify(q).scenario()).as(q).isEqualTo(Scenario.STOCK_DIAGNOSIS);
        }
        // a short name inside an everyday word no longer overrides a Q&A guess
        for (String q : new String[] {"融资融券担保比例跌到多少会通知我", "特斯拉股票怎么买 你们能买美股吗"}) {
            assertThat(classifier.classify(q).scenario()).as(q).isEqualTo(Scenario.QA);
        }
    }
}
