package org.finassist.core.classify;

import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import org.finassist.core.router.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HybridScenarioClassifierTest {

    private static HybridScenarioClassifier withModel;
    private static final HybridScenarioClassifier rulesOnly = new HybridScenarioClassifier(null, 0.45);

    @BeforeAll
    static void loadModel() {
        withModel = new HybridScenarioClassifier(new BgeSmallZhV15QuantizedEmbeddingModel(), 0.45);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "诊股 600000|stock-diagnosis|600000",
            "帮我看看000001.SZ的走势|stock-diagnosis|000001",
            "sh688981怎么样|stock-diagnosis|688981",
            "开户需要带身份证吗|account-opening|",
            "视频见证要多久|witness|",
            "今天的复盘出来了吗|commentary|"})
    void rulesSettleCodesAndKeywords(String text, String scenario, String symbol) {
        Classification c = rulesOnly.classify(text);
        assertThat(c.scenario().id()).isEqualTo(scenario);
        assertThat(c.method()).isEqualTo("rule");
        assertThat(c.symbol()).isEqualTo(symbol);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // misspelt, in pinyin or initials (Spelling)
            "开护要带啥证件|account-opening",
            "kai hu要多久|account-opening",
            "见正的时候要看镜头吗|witness",
            "身分证照片传不上去|account-opening",
            "kcb权限要多少资产|account-opening",
            "dp今天咋样|commentary",
            // opening an account without the word 开户: a verb with an account, a board's permission, an age
            "在你们这办个证券账户要多久|account-opening",
            "我想弄个炒股的账号|account-opening",
            "一个人能开几个股票账户|account-opening",
            "刚开完户可以买科创板吗|account-opening",
            "创业板开通要满两年吗|account-opening",
            "北交所权限怎么弄|account-opening",
            "外地人能在你们这开吗|account-opening",
            "我闺女十五岁 能不能炒股|account-opening",
            "刚满18可以开吗|account-opening",
            // any video of the opening flow is the witness, even with 开户 in the sentence
            "开户为什么非要录个视频|witness",
            "数字人问我话我该怎么答|witness",
            // greetings, thanks and goodbyes alone are small talk; with a question they are not
            "哈喽|general",
            "您好，在吗？|general",
            "谢谢啦！|general",
            "你好 我想开户|account-opening",
            // a sector asked about with market words is commentary; reopening after closing is opening
            "半导体板块今天为啥大涨|commentary",
            "银行板块今天表现怎么样|commentary",
            "那新能源板块呢|commentary",
            "医药行业最近为什么一直跌|commentary",
            "今天哪个行业涨得最多|commentary",
            "锂电池概念股今天涨了吗|commentary",
            "销户以后还能重新开户吗|account-opening",
            "刚满18可以开吗|account-opening"})
    void rulesReadTheWordsCustomersUse(String text, String scenario) {
        Classification c = rulesOnly.classify(text);
        assertThat(c.scenario().id()).as(text + " → " + c).isEqualTo(scenario);
        assertThat(c.method()).isEqualTo("rule");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // margin and derivatives accounts are products (Q&A), a risk assessment alone too
            "两融开户要什么条件", "融资融券账户怎么开", "期货开户在哪办", "风险测评多久做一次",
            // money moved into an account, an account that exists, a market opening, a video that is not the witness
            "怎么把钱弄进证券账户", "开盘前账户里的钱能转出吗", "账户被冻结了怎么办", "有没有炒股的视频教程",
            "创业板开盘时间", "持股满一年的股票分红交税吗",
            // a market open on a holiday, an existing account's trouble
            "国庆节股市能开吗", "我要办理账户挂失", "申请账户解冻要多久", "我开的账户被冻结了",
            // closing an account, and 开 as the end of another verb (解开, 打开)
            "不想炒了 怎么销户", "销户要多久才能办好", "账户锁了能不能马上解开", "要多久才能自动解开",
            "登录页面能打开吗 一直转圈",
            // a board's rules are no sector news, and a bank's results no sector (招商银行业绩)
            "科创板块的股票涨跌幅限制是多少", "退市整理板块交易权限怎么申请"})
    void lookAlikesOfTheCuesAreNotSettledByARule(String text) {
        Classification c = rulesOnly.classify(text);
        assertThat(c.scenario()).as(text + " → " + c).isEqualTo(Scenario.QA);
        assertThat(c.method()).isEqualTo("default");
    }

    @Test
    void longNumbersAreNotStockCodes() {
        assertThat(rulesOnly.classify("我的手机号13800138000收不到验证码").scenario()).isEqualTo(Scenario.QA);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "手续费怎么收的|qa",
            "转账到银行卡要多久|qa",
            "茅台这只股票还值得拿着吗|stock-diagnosis",
            "今天股市怎么跌成这样|commentary",
            "在手机上怎么办理证券账户|account-opening"})
    void examplesCatchParaphrasesWithoutKeywords(String text, String scenario) {
        Classification c = withModel.classify(text);
        assertThat(c.scenario().id()).as(text + " → " + c).isEqualTo(scenario);
    }

    @Test
    void unsureTextFallsBackToQa() {
        Classification c = withModel.classify("嗯");
        assertThat(c.scenario()).isIn(Scenario.QA, Scenario.GENERAL);
        assertThat(rulesOnly.classify("随便问问").scenario()).isEqualTo(Scenario.QA);
        assertThat(rulesOnly.classify("随便问问").method()).isEqualTo("default");
    }
}
