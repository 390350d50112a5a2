package org.finassist.core.router;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every scenario is defined by its one resource file, and the classifier's rules and examples come from there. */
class ScenarioDefinitionsTest {

    @Test
    void everyScenarioHasADefinitionWithExamplesAndAnExistingSystemTemplate() {
        for (Scenario s : Scenario.values()) {
            ScenarioDefinition d = ScenarioDefinitions.of(s);
            assertThat(d.scenario()).isEqualTo(s);
            assertThat(d.examples()).as(s.id()).isNotEmpty().allSatisfy(e -> assertThat(e).isNotBlank());
            assertThat(ScenarioDefinitions.class.getResource("/org/finassist/prompts/" + d.systemTemplate()))
                    .as(s.id() + " template " + d.systemTemplate()).isNotNull();
        }
        assertThat(ScenarioDefinitions.all()).hasSize(Scenario.values().length);
    }

    @Test
    void keywordRulesAreTriedInTheirDeclaredOrder() {
        assertThat(ScenarioDefinitions.withKeywords()).extracting(ScenarioDefinition::scenario).containsExactly(
                Scenario.WITNESS, Scenario.ACCOUNT_OPENING, Scenario.COMMENTARY, Scenario.STOCK_DIAGNOSIS,
                Scenario.GENERAL);
        assertThat(ScenarioDefinitions.withKeywords()).extracting(d -> d.keywords().orElseThrow().order())
                .doesNotHaveDuplicates();
        assertThat(ScenarioDefinitions.of(Scenario.WITNESS).keywords().orElseThrow().pattern().matcher("我要做视频见证")
                .find()).isTrue();
    }

    @Test
    void aDefinitionWithKeywordsButNoConfidenceIsRefusedNamingItsFile() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader("keywords=见证\nkeyword-order=1\nexamples=a|b\n"));
        assertThatThrownBy(() -> ScenarioDefinitions.parse(Scenario.WITNESS, p))
                .hasMessageContaining("scenarios/witness.properties").hasMessageContaining("keyword-confidence");
    }

    @Test
    void aWordOfKeywordsUnlessMakesAMatchNotCount() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader("keywords=开户\nkeywords-unless=两融|期货\nkeyword-confidence=0.8\nkeyword-order=2\n"));
        ScenarioDefinition.KeywordRule rule = ScenarioDefinitions.parse(Scenario.ACCOUNT_OPENING, p).keywords()
                .orElseThrow();
        assertThat(rule.matches("开户要什么条件")).isTrue();
        assertThat(rule.matches("两融开户要什么条件")).isFalse();
        assertThat(rule.matches("期货怎么开户")).isFalse();
        assertThat(rule.matches("转账要多久")).isFalse();
        p.remove("keywords-unless");
        assertThat(ScenarioDefinitions.parse(Scenario.ACCOUNT_OPENING, p).keywords().orElseThrow()
                .matches("两融开户要什么条件")).isTrue();
    }

    @Test
    void examplesAreSplitAndTrimmed() throws Exception {
        Properties p = new Properties();
        p.load(new StringReader("examples=\\\n  你好|\\\n  谢谢 |\\\n  \n"));
        ScenarioDefinition d = ScenarioDefinitions.parse(Scenario.GENERAL, p);
        assertThat(d.examples()).containsExactly("你好", "谢谢");
        assertThat(d.keywords()).isEmpty();
        assertThat(d.systemTemplate()).isEqualTo("system/assistant.ftl");
    }
}
