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
