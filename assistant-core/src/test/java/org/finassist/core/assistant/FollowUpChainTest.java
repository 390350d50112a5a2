package org.finassist.core.assistant;

import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import org.finassist.core.chat.Message;
import org.finassist.core.classify.Classification;
import org.finassist.core.classify.HybridScenarioClassifier;
import org.finassist.core.router.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Conversations of three and more turns keep their topic: rewrite and classification both see the chain. */
class FollowUpChainTest {

    private static HybridScenarioClassifier classifier;

    @BeforeAll
    static void loadModel() {
        classifier = new HybridScenarioClassifier(new BgeSmallZhV15QuantizedEmbeddingModel(), 0.45);
    }

    /** Runs the user turns one after another; returns each turn's standalone question and scenario. */
    private static List<String> chain(String... turns) {
        List<Message> history = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (String t : turns) {
            String standalone = FollowUp.retrievalQuery(history, t);
            Classification c = FollowUpClassifier.classify(classifier, history, t, standalone);
            out.add(standalone + " | " + c.scenario().id());
            history.add(Message.user(t));
            history.add(Message.assistant("（回答）"));
        }
        return out;
    }

    @Test
    void boardsChainSwapsTheBoardAndStaysOnTopic() {
        List<String> r = chain("科创板股票的涨跌幅限制是多少", "那创业板呢？", "北交所呢", "主板呢？");
        assertThat(r).containsExactly(
                "科创板股票的涨跌幅限制是多少 | qa",
                "创业板股票的涨跌幅限制是多少 | qa",
                "北交所股票的涨跌幅限制是多少 | qa",
                "主板股票的涨跌幅限制是多少 | qa");
    }

    @Test
    void permissionChainStaysOnAccountServices() {
        List<String> r = chain("怎么开通科创板权限", "那创业板呢", "北交所呢？");
        assertThat(r).extracting(s -> s.substring(s.indexOf('|') + 2)).containsOnly("account-opening");
        assertThat(r.get(2)).startsWith("怎么开通北交所权限");
    }

    @Test
    void feesChainJoinsWhenNothingToSwap() {
        List<String> r = chain("融资融券的开通条件是什么", "那利率呢？", "怎么计息呢");
        assertThat(r.get(1)).startsWith("融资融券的开通条件是什么 那利率呢？ | qa");
        assertThat(r.get(2)).startsWith("融资融券的开通条件是什么 怎么计息呢 | qa");
    }

    @Test
    void aFollowUpAskingTheOtherDirectionTurnsTheQuestionRound() {
        List<String> r = chain("怎么把钱转到证券账户", "那转出来呢？", "那手续费呢");
        assertThat(r.get(1)).contains("证券转银行").doesNotContain("银行转证券");
        assertThat(r.get(2)).startsWith("怎么把钱证券转银行 转出");
    }

    @Test
    void aNewStandaloneQuestionStartsANewTopic() {
        List<String> r = chain("怎么开通科创板权限", "那创业板呢", "诊股 600000");
        assertThat(r.get(2)).isEqualTo("诊股 600000 | stock-diagnosis");
    }

    @Test
    void aRuleInTheFollowUpMovesTheTopic() {
        Classification c = FollowUpClassifier.classify(classifier, List.of(Message.user("印花税怎么收")),
                "那开户呢", FollowUp.retrievalQuery(List.of(Message.user("印花税怎么收")), "那开户呢"));
        assertThat(c.scenario()).isEqualTo(Scenario.ACCOUNT_OPENING);
    }

    @Test
    void aFollowUpNamingAnotherStockDiagnosesThatStock() {
        org.finassist.core.classify.ScenarioClassifier names = text -> text.contains("宁德时代")
                ? new Classification(Scenario.STOCK_DIAGNOSIS, 0.9, "stock-name", "300750.SZ")
                : text.contains("贵州茅台") ? new Classification(Scenario.STOCK_DIAGNOSIS, 0.9, "stock-name", "600519.SH")
                : new Classification(Scenario.QA, 0.5, "default", null);
        List<Message> history = List.of(Message.user("帮我看看贵州茅台"), Message.assistant("……"));
        Classification c = FollowUpClassifier.classify(names, history, "那宁德时代呢",
                FollowUp.retrievalQuery(history, "那宁德时代呢"));
        assertThat(c.symbol()).isEqualTo("300750.SZ");
    }

    @Test
    void anOpeningConversationKeepsItsScenarioThroughUnrecognisedTurns() {
        List<String> r = chain("我想开个户", "要准备啥", "提交了以后审核", "要多久");
        assertThat(r).extracting(s -> s.substring(s.indexOf('|') + 2)).containsOnly("account-opening");
    }

    @Test
    void aStepOfTheOpeningFlowKeepsIt() {
        assertThat(chain("创业板权限怎么开", "开通后第几天能交易").get(1)).endsWith("| account-opening");
        assertThat(chain("我想在手机上开个户", "需要银行卡吗", "审核要几天").get(2)).endsWith("| account-opening");
        // a market opening is no step of it
        assertThat(chain("我想开个户", "几点开盘").get(1)).endsWith("| qa");
    }

    @Test
    void aQuestionOfItsOwnAfterAnOpeningIsNotPulledIntoIt() {
        List<String> r = chain("我想开个户", "融资利率是多少");
        assertThat(r.get(1)).endsWith("| qa");
        // a locked account is a Q&A topic, its follow-up too
        List<String> locked = chain("密码输错了好几次 账户被锁了", "要多久才能自动解开");
        assertThat(locked).extracting(s -> s.substring(s.indexOf('|') + 2)).containsOnly("qa");
    }
}
